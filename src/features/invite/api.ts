import type { InviteLoginBody, InviteLoginResponse } from '../../../domain/api/students';
import { apiClient } from '@/lib/api-client';

/** Binds this WeChat/Alipay account (or, in demo mode, this browser) to the student's record and signs in. */
export function loginWithInvite(body: InviteLoginBody, idempotencyKey?: string): Promise<InviteLoginResponse> {
  // Public: no token yet, and a 4xx (used, expired, unknown code) is an answer to show.
  return apiClient.post<InviteLoginResponse>('/api/auth/invite', body, { auth: false, idempotencyKey });
}
