import { nextDueAfter } from '../../domain/care/due';
import type { Db } from '../db/connect';
import { setEachStudent } from './set-each-student';
import { loadCarePolicy } from './policy';

const BATCH = 500;

/**
 * After an NGO's policy changed (cadence, quiet periods, ladder): every one of its students heard
 * from gets next due again from last heard under the new policy. An active student in the middle
 * of a silence is handed to the next sweep (ladder_next_at = now), which climbs the open episode
 * by the new ladder; any other active student waits for their new next due. Batched by id, each
 * batch one statement. Returns how many students it updated. With `onlyStudentId`, just that student
 * (one who has just joined the NGO, e.g. by a handover).
 */
export async function recomputeDueDates(db: Db, ngoId: string, now: Date, onlyStudentId?: string): Promise<number> {
  const policy = await loadCarePolicy(db, ngoId);
  let updated = 0;
  for (let after = ''; ; ) {
    const rows = await db
      .selectFrom('students')
      .leftJoin('silence_episodes', (join) => join.onRef('silence_episodes.student_id', '=', 'students.id').on('silence_episodes.closed_at', 'is', null))
      .select(['students.id', 'students.last_heard_at', 'students.program_status', 'silence_episodes.id as open_episode'])
      .where('students.ngo_id', '=', ngoId)
      .where('students.id', '>', after)
      .where('students.last_heard_at', 'is not', null)
      .$if(onlyStudentId !== undefined, (q) => q.where('students.id', '=', onlyStudentId!))
      .orderBy('students.id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return updated;
    await setEachStudent(
      db,
      ['next_due_at', 'ladder_next_at'],
      rows.map((r) => {
        const nextDue = nextDueAfter(new Date(r.last_heard_at!), policy).toISOString();
        return [r.id, nextDue, r.program_status !== 'active' ? null : r.open_episode ? now.toISOString() : nextDue] as const;
      }),
    );
    updated += rows.length;
    if (rows.length < BATCH) return updated;
    after = rows[rows.length - 1].id;
  }
}
