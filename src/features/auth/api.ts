import type {
  AlipayLoginBody,
  AuthOptionsResponse,
  DemoLoginBody,
  DemoUsersResponse,
  Me,
  PasswordLoginBody,
  SessionResponse,
  WechatLoginBody,
} from '../../../domain/api/auth';
import { apiClient } from '@/lib/api-client';

// Login routes are public: they send no token, and a 401 from them (wrong password, stale code) is an
// answer to show, not an expired session.
const publicRoute = { auth: false } as const;

export function fetchAuthOptions(): Promise<AuthOptionsResponse> {
  return apiClient.get<AuthOptionsResponse>('/api/auth/options', undefined, publicRoute);
}

export function fetchDemoUsers(): Promise<DemoUsersResponse> {
  return apiClient.get<DemoUsersResponse>('/api/auth/demo-users', undefined, publicRoute);
}

export function loginWithDemo(body: DemoLoginBody, idempotencyKey?: string): Promise<SessionResponse> {
  return apiClient.post<SessionResponse>('/api/auth/demo', body, { ...publicRoute, idempotencyKey });
}

export function loginWithWechat(body: WechatLoginBody, idempotencyKey?: string): Promise<SessionResponse> {
  return apiClient.post<SessionResponse>('/api/auth/wechat', body, { ...publicRoute, idempotencyKey });
}

export function loginWithAlipay(body: AlipayLoginBody, idempotencyKey?: string): Promise<SessionResponse> {
  return apiClient.post<SessionResponse>('/api/auth/alipay', body, { ...publicRoute, idempotencyKey });
}

export function loginWithPassword(body: PasswordLoginBody, idempotencyKey?: string): Promise<SessionResponse> {
  return apiClient.post<SessionResponse>('/api/auth/password', body, { ...publicRoute, idempotencyKey });
}

export function fetchMe(): Promise<Me> {
  return apiClient.get<Me>('/api/me');
}

/** Revokes the token on the server. A 401 here just means it was already gone. */
export function logoutOnServer(): Promise<void> {
  return apiClient.post<void>('/api/auth/logout', undefined, { expireSessionOn401: false });
}
