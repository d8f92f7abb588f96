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
import { outbox, type OutboxItem } from '@/lib/outbox';
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

export const LETTER_PHOTO_UPLOAD_PATH = '/api/letter-photos';

/**
 * Queues a new letter, a reply or an edited returned letter in the outbox (on the phone at once, sent
 * when online). `photoPaths` are local photos not uploaded yet: the outbox uploads them first and adds
 * their ids. `idempotencyKey` is the draft's, so the same draft is never sent twice.
 */
export function queueLetter(
  target: { kind: 'new'; sponsorshipId: string } | { kind: 'reply'; letterId: string } | { kind: 'resubmit'; letterId: string },
  content: { body: string; photoIds: string[] },
  photoPaths: string[],
  idempotencyKey: string,
): OutboxItem {
  const photos = content.photoIds.length || photoPaths.length ? { photoIds: content.photoIds } : {};
  const base = { label: content.body.slice(0, 40), idempotencyKey };
  const withPhotos = photoPaths.length
    ? { photos: photoPaths.map((path) => ({ path, uploadedId: null })), photoField: { name: 'photoIds', many: true, uploadPath: LETTER_PHOTO_UPLOAD_PATH } }
    : {};
  if (target.kind === 'resubmit') {
    return outbox.enqueue({
      kind: 'resubmit',
      path: `/api/letters/${encodeURIComponent(target.letterId)}/resubmit`,
      body: { body: content.body, ...photos },
      target: target.letterId,
      ...base,
      ...withPhotos,
    });
  }
  const head = target.kind === 'reply' ? { inReplyTo: target.letterId } : { sponsorshipId: target.sponsorshipId };
  return outbox.enqueue({
    kind: target.kind === 'reply' ? 'reply' : 'letter',
    path: '/api/letters',
    body: { ...head, body: content.body, ...photos },
    target: target.kind === 'reply' ? target.letterId : target.sponsorshipId,
    ...base,
    ...withPhotos,
  });
}

/** Takes back a held or returned letter: it is never delivered. Retries are safe (one key per withdrawal). */
export function withdrawLetter(id: string, idempotencyKey: string): Promise<LetterDetail> {
  return apiClient.post<LetterDetail>(`/api/letters/${encodeURIComponent(id)}/withdraw`, {}, { idempotencyKey });
}

/** Sends a held or returned letter again, edited. */
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
