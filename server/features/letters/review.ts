import type { FastifyInstance } from 'fastify';
import type { HeldLetter, HeldLetterPage } from '../../../domain/api/letters';
import { recordAudit } from '../../audit/record';
import type { Locale } from '../../lib/messages';
import { eventsOf, listHeldLetters, photosOf, type Staff } from './repository';
import { latest, parseEventDetail, toFindings } from './views';
import { signedPhotos } from './workflow';

const HOUR = 3600_000;

/**
 * The NGO's review queue: held letters of its students, oldest first, with what screening found.
 * Staff see the full text, the student's legal name and the writer; the read is audited.
 */
export async function heldQueue(app: FastifyInstance, principal: Staff, page: { limit: number; cursor?: string }, locale: Locale): Promise<HeldLetterPage> {
  const { items, nextCursor } = await listHeldLetters(app.db, principal, page);
  const ids = items.map((l) => l.id);
  const [events, photos] = await Promise.all([eventsOf(app.db, ids, ['submitted', 'held']), photosOf(app.db, ids)]);
  const now = app.clock.now();
  const letters: HeldLetter[] = items.map((l) => {
    const own = events.filter((e) => e.letter_id === l.id);
    const submittedAt = latest(own, 'submitted')?.created_at ?? l.created_at;
    const held = latest(own, 'held');
    const studentName = `${l.student_name}（${l.student_legal_name}）`;
    return {
      id: l.id,
      direction: l.direction,
      studentId: l.student_id,
      studentName,
      writerName: l.direction === 'to_student' ? l.sponsor_name : studentName,
      body: l.body,
      findings: held ? toFindings(parseEventDetail(held.detail).findings, locale) : [],
      photos: signedPhotos(app, photos.filter((p) => p.letter_id === l.id)),
      submittedAt,
      heldAt: held?.created_at ?? l.status_changed_at,
      waitingHours: Math.max(0, Math.floor((now.getTime() - new Date(submittedAt).getTime()) / HOUR)),
    };
  });
  if (letters.length > 0) {
    await recordAudit(app.db, principal, now, {
      action: 'letters.held.list',
      entityType: 'ngo',
      entityId: principal.ngoId,
      detail: { letters: letters.map((l) => ({ id: l.id, studentId: l.studentId })) },
    });
  }
  return { items: letters, nextCursor };
}
