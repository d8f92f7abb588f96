import type { AccountDeleted, ExportLetter, ExportSection, ExportSponsorship, SponsorDataExport } from '../../../domain/api/sponsor-data';
import { apiClient } from '@/lib/api-client';

export type { AccountDeleted, ExportLetter, ExportSection, ExportSponsorship, SponsorDataExport };

/** Everything the server holds about the signed-in sponsor. */
export function fetchMyData(): Promise<SponsorDataExport> {
  return apiClient.get<SponsorDataExport>('/api/sponsor/me/data');
}

/**
 * Deletes the signed-in sponsor's account. A 401 is reported rather than ending the session, so a
 * retry of a deletion that already went through (answered `ACCOUNT_DELETED`) can be told apart.
 */
export function deleteMyAccount(idempotencyKey: string): Promise<AccountDeleted> {
  return apiClient.post<AccountDeleted>('/api/sponsor/me/delete', {}, { idempotencyKey, expireSessionOn401: false });
}
