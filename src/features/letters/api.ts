import type { PageOf } from '../../../domain/api/common';
import type {
  ComposeLetterBody,
  HeldLetter,
  LetterDetail,
  LetterFinding,
  LetterSummary,
  Redaction,
  ResubmitLetterBody,
  ReviewDecision,
  UploadedPhoto,
} from '../../../domain/api/letters';
import { apiClient } from '@/lib/api-client';
import { uploadFile } from '@/lib/upload';

export type { HeldLetter, LetterDetail, LetterFinding, LetterSummary, Redaction, ReviewDecision, UploadedPhoto };

export interface LetterListQuery {
  sponsorshipId?: string;
  limit?: number;
  cursor?: string;
}

/** The caller's letters both ways (sponsor or student), newest first. */
export function fetchLetters(query: LetterListQuery = {}): Promise<PageOf<LetterSummary>> {
  return apiClient.get<PageOf<LetterSummary>>('/api/letters', {
    sponsorshipId: query.sponsorshipId,
    limit: query.limit,
    cursor: query.cursor,
  });
}

export function fetchLetter(id: string): Promise<LetterDetail> {
  return apiClient.get<LetterDetail>(`/api/letters/${encodeURIComponent(id)}`);
}

/** Sends a new letter or a reply. `idempotencyKey` is the draft's: the same for every retry of this send. */
export function sendLetter(body: ComposeLetterBody, idempotencyKey: string): Promise<LetterDetail> {
  return apiClient.post<LetterDetail>('/api/letters', body, { idempotencyKey });
}

/** Sends a returned letter again, edited. */
export function resubmitLetter(id: string, body: ResubmitLetterBody, idempotencyKey: string): Promise<LetterDetail> {
  return apiClient.post<LetterDetail>(`/api/letters/${encodeURIComponent(id)}/resubmit`, body, { idempotencyKey });
}

/** The reader has opened a delivered letter. */
export function markLetterRead(id: string): Promise<LetterDetail> {
  return apiClient.post<LetterDetail>(`/api/letters/${encodeURIComponent(id)}/read`, {});
}

/** Uploads one photo (re-encoded by the server, metadata stripped) to attach to a letter. */
export function uploadLetterPhoto(filePath: string): Promise<UploadedPhoto> {
  return uploadFile<UploadedPhoto>({ path: '/api/letter-photos', filePath, name: 'photo' });
}

/** Staff: the NGO's held letters, oldest first. */
export function fetchHeldLetters(query: { limit?: number; cursor?: string } = {}): Promise<PageOf<HeldLetter>> {
  return apiClient.get<PageOf<HeldLetter>>('/api/staff/letters/held', { limit: query.limit, cursor: query.cursor });
}

export function approveLetter(id: string): Promise<ReviewDecision> {
  return apiClient.post<ReviewDecision>(`/api/staff/letters/${encodeURIComponent(id)}/approve`, {});
}

export function returnLetter(id: string, reason: string): Promise<ReviewDecision> {
  return apiClient.post<ReviewDecision>(`/api/staff/letters/${encodeURIComponent(id)}/return`, { reason });
}

export function approveLetterRedacted(id: string, redactions: Redaction[]): Promise<ReviewDecision> {
  return apiClient.post<ReviewDecision>(`/api/staff/letters/${encodeURIComponent(id)}/approve-redacted`, { redactions });
}
