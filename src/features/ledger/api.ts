import type { Ledger, LedgerEntryView } from '../../../domain/api/sponsorship';
import { apiClient } from '@/lib/api-client';

export type { Ledger, LedgerEntryView };

/** A sponsorship's ledger: pledge schedule, payments, disbursements, totals (sponsor, or staff of its NGO). */
export function fetchLedger(sponsorshipId: string): Promise<Ledger> {
  return apiClient.get<Ledger>(`/api/sponsor/sponsorships/${encodeURIComponent(sponsorshipId)}/ledger`);
}
