import type { AfterLeavingBody, SponsorshipDetail } from '../../../domain/api/sponsorship';
import type { ConfirmBody, Reservation, ReserveBody } from '../../../domain/api/pool';
import type { PledgeAcknowledgement } from '../../../domain/pledge';
import type { Cadence } from '../../../domain/sponsorship';
import { apiClient, buildUrl, baseHeaders } from '@/lib/api-client';
import { newIdempotencyKey } from '@/lib/idempotency';
import { currentPlatform } from '@/lib/platform';

export type { Reservation, SponsorshipDetail };

/** Error codes the pledge routes answer with 409. */
export const STUDENT_TAKEN = 'STUDENT_TAKEN';
export const RESERVATION_EXPIRED = 'RESERVATION_EXPIRED';

/** Holds the student for this sponsor for a few minutes while they read the whole commitment. */
export function reserveStudent(studentId: string, cadence: Cadence, idempotencyKey?: string): Promise<Reservation> {
  const body: ReserveBody = { studentId, cadence };
  return apiClient.post<Reservation>('/api/pledges/reserve', body, { idempotencyKey });
}

/** Makes the pledge: every point confirmed. */
export function confirmPledge(
  sponsorshipId: string,
  acknowledgements: readonly PledgeAcknowledgement[],
  idempotencyKey?: string,
): Promise<SponsorshipDetail> {
  const body: ConfirmBody = { acknowledgements: [...acknowledgements] };
  return apiClient.post<SponsorshipDetail>(`/api/pledges/${encodeURIComponent(sponsorshipId)}/confirm`, body, { idempotencyKey });
}

/** Lets the student go back to the pool (the sponsor left the review step). */
export function releaseReservation(sponsorshipId: string): Promise<void> {
  return apiClient.post<void>(`/api/pledges/${encodeURIComponent(sponsorshipId)}/release`, {});
}

/**
 * The same release for a browser tab that is closing or reloading: a `keepalive` fetch still goes out
 * after the page is gone (h5 only; mini-programs release when the page unloads).
 */
export function releaseOnPageExit(sponsorshipId: string): void {
  if (currentPlatform() !== 'h5' || typeof fetch !== 'function') return;
  try {
    void fetch(buildUrl(`/api/pledges/${encodeURIComponent(sponsorshipId)}/release`), {
      method: 'POST',
      keepalive: true,
      headers: { ...baseHeaders(), 'Content-Type': 'application/json', 'Idempotency-Key': newIdempotencyKey() },
      body: '{}',
    }).catch(() => undefined);
  } catch {
    // The server lets the hold run out by itself.
  }
}

/**
 * After their student left the program, the sponsor carries the remaining pledge over to `newStudentId`;
 * the answer is a reservation that continues into the same review step.
 */
export function sponsorAnotherStudent(sponsorshipId: string, newStudentId: string, idempotencyKey?: string): Promise<Reservation> {
  const body: AfterLeavingBody = { choice: 'sponsor_another', newStudentId };
  return apiClient.post<Reservation>(`/api/sponsor/sponsorships/${encodeURIComponent(sponsorshipId)}/after-leaving`, body, { idempotencyKey });
}
