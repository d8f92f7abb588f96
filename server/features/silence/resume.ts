import { nextDueAfter, shanghaiDate } from '../../../domain/care/due';
import { recordAudit } from '../../audit/record';
import { loadCarePolicy } from '../../care-clock/policy';
import type { Db } from '../../db/connect';

/**
 * Paused students whose pause has ended: the latest alert that paused them has a resume date on or
 * before today (Asia/Shanghai), and they are still paused.
 */
async function pausesEnded(db: Db, now: Date, limit: number) {
  return db
    .selectFrom('alerts')
    .innerJoin('students', 'students.id', 'alerts.student_id')
    .select(['alerts.id as alertId', 'alerts.resume_on as resumeOn', 'students.id as studentId', 'students.ngo_id as ngoId'])
    .where('alerts.resume_on', '<=', shanghaiDate(now))
    .where('alerts.outcome', '=', 'paused')
    .where('students.program_status', '=', 'paused')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('alerts as later')
            .select('later.id')
            .whereRef('later.student_id', '=', 'alerts.student_id')
            .where('later.outcome', '=', 'paused')
            .whereRef('later.resolved_at', '>', 'alerts.resolved_at'),
        ),
      ),
    )
    .orderBy('alerts.resume_on')
    .limit(limit)
    .execute();
}

/**
 * Brings one paused student back (compare-and-set on the status): active again, their paused
 * sponsorship too, expected to check in one cadence from now (past quiet periods). Audited.
 */
async function resume(trx: Db, p: { alertId: string; resumeOn: string | null; studentId: string; ngoId: string }, now: Date): Promise<boolean> {
  const policy = await loadCarePolicy(trx, p.ngoId);
  const nextDue = nextDueAfter(now, policy).toISOString();
  const at = now.toISOString();
  const updated = await trx
    .updateTable('students')
    .set({ program_status: 'active', next_due_at: nextDue, ladder_next_at: nextDue, updated_at: at })
    .where('id', '=', p.studentId)
    .where('program_status', '=', 'paused')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await trx.updateTable('sponsorships').set({ status: 'active', updated_at: at }).where('student_id', '=', p.studentId).where('status', '=', 'paused').execute();
  await recordAudit(trx, null, now, {
    action: 'students.resume',
    entityType: 'student',
    entityId: p.studentId,
    studentId: p.studentId,
    detail: { alertId: p.alertId, resumeOn: p.resumeOn },
  });
  return true;
}

/** Ends the pauses that are over; each student in its own transaction. Returns how many came back. */
export async function resumeEndedPauses(db: Db, inTransaction: <T>(work: (trx: Db) => Promise<T>) => Promise<T>, now: Date, limit: number): Promise<number> {
  let resumed = 0;
  for (const pause of await pausesEnded(db, now, limit)) {
    if (await inTransaction((trx) => resume(trx, pause, now))) resumed += 1;
  }
  return resumed;
}
