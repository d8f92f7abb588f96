import { DEFAULT_CHECKIN_CADENCE_DAYS, nextDueAt } from '../../domain/silence';
import type { Db } from '../db/connect';

/** The NGO's check-in cadence in days (its policy, or the default when it has none yet). */
export async function checkinCadenceDays(db: Db, ngoId: string): Promise<number> {
  const policy = await db.selectFrom('ngo_policies').select('checkin_cadence_days').where('ngo_id', '=', ngoId).executeTakeFirst();
  return policy?.checkin_cadence_days ?? DEFAULT_CHECKIN_CADENCE_DAYS;
}

/**
 * Records that a student was heard from (a letter, a check-in, a caseworker's reached contact):
 * last heard becomes `at`, next due `at` + the NGO's cadence. Never moves last heard backwards.
 */
export async function recordHeardFrom(db: Db, studentId: string, at: Date): Promise<{ lastHeardAt: string; nextDueAt: string } | null> {
  const student = await db.selectFrom('students').select(['ngo_id', 'last_heard_at']).where('id', '=', studentId).executeTakeFirst();
  if (!student) return null;
  const lastHeardAt = at.toISOString();
  if (student.last_heard_at && student.last_heard_at > lastHeardAt) return null;
  const nextDue = nextDueAt(at, await checkinCadenceDays(db, student.ngo_id)).toISOString();
  await db
    .updateTable('students')
    .set({ last_heard_at: lastHeardAt, next_due_at: nextDue, updated_at: lastHeardAt })
    .where('id', '=', studentId)
    .execute();
  return { lastHeardAt, nextDueAt: nextDue };
}
