import type { PageQuery } from '../../../domain/api/common';
import type { ReceiptNumberBody } from '../../../domain/api/payment-admin';
import type { UploadedPhoto } from '../../../domain/api/letters';
import type { RecordDisbursementBody, RecordPaymentBody, StaffSponsorshipPage, StaffSponsorshipRow } from '../../../domain/api/sponsorship';
import { apiClient } from '@/lib/api-client';
import { uploadFile } from '@/lib/upload';

export type { RecordDisbursementBody, RecordPaymentBody, StaffSponsorshipPage, StaffSponsorshipRow };
export type UploadedReceipt = UploadedPhoto;

/** NGO staff: the NGO's sponsorships with what was paid and passed on. */
export function fetchStaffSponsorships(query: PageQuery = {}): Promise<StaffSponsorshipPage> {
  return apiClient.get<StaffSponsorshipPage>('/api/staff/sponsorships', { limit: query.limit, cursor: query.cursor });
}

const base = (id: string) => `/api/staff/sponsorships/${encodeURIComponent(id)}`;

/** Records a payment received from the sponsor. The key is the same for every retry of one save. */
export function recordPayment(sponsorshipId: string, body: RecordPaymentBody, idempotencyKey: string): Promise<unknown> {
  return apiClient.post<unknown>(`${base(sponsorshipId)}/payments`, body, { idempotencyKey });
}

/** Records money passed on for the student (tuition to the school, a stipend to the guardian, …). */
export function recordDisbursement(sponsorshipId: string, body: RecordDisbursementBody, idempotencyKey: string): Promise<unknown> {
  return apiClient.post<unknown>(`${base(sponsorshipId)}/disbursements`, body, { idempotencyKey });
}

/** The number of the donation receipt (捐赠票据) the NGO issued for a payment; null clears it. */
export function saveReceiptNumber(entryId: string, receiptNumber: string | null): Promise<unknown> {
  return apiClient.put<unknown>(`/api/staff/ledger-entries/${encodeURIComponent(entryId)}/receipt-number`, { receiptNumber } satisfies ReceiptNumberBody);
}

/** Uploads a receipt photo (re-encoded by the server) to attach to a disbursement. */
export function uploadReceipt(filePath: string): Promise<UploadedReceipt> {
  return uploadFile<UploadedReceipt>({ path: '/api/staff/receipts', filePath, name: 'photo' });
}
