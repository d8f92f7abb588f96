import { nextDueAfter } from '../../domain/care/due';
import type { Db } from '../db/connect';
import { loadCarePolicy } from './policy';

/**
 * Records that a student was heard from (a letter, a check-in, a caseworker's contact that reached
 * them): last heard becomes `at`, next due `at` + the NGO's cadence pushed past its quiet periods,
 * and the sweep looks at them again then (if they are active). It ends the silence: the open
 * episode closes and its watch-list task is done. An open alert stays open; the caseworker closes it
 * with an outcome. Never moves last heard backwards.
 */
export async function recordHeardFrom(db: Db, studentId: string, at: Date): Promise<{ lastHeardAt: string; nextDueAt: string } | null> {
  const student = await db.selectFrom('students').select(['ngo_id', 'last_heard_at', 'program_status']).where('id', '=', studentId).executeTakeFirst();
  if (!student) return null;
  const lastHeardAt = at.toISOString();
  if (student.last_heard_at && student.last_heard_at > lastHeardAt) return null;
  const nextDue = nextDueAfter(at, await loadCarePolicy(db, student.ngo_id)).toISOString();
  await db
    .updateTable('students')
    .set({ last_heard_at: lastHeardAt, next_due_at: nextDue, ladder_next_at: student.program_status === 'active' ? nextDue : null, updated_at: lastHeardAt })
    .where('id', '=', studentId)
    .execute();
  const closed = await db
    .updateTable('silence_episodes')
    .set({ closed_at: lastHeardAt, close_reason: 'heard_from' })
    .where('student_id', '=', studentId)
    .where('closed_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (closed) {
    await db
      .updateTable('caseworker_tasks')
      .set({ status: 'done', done_at: lastHeardAt })
      .where('ngo_id', '=', student.ngo_id)
      .where('dedupe_key', '=', `watch:${closed.id}`)
      .where('status', '=', 'open')
      .execute();
  }
  return { lastHeardAt, nextDueAt: nextDue };
}
