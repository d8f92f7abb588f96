import type { CloseFlagBody, FlagActionBody } from '../../../domain/api/care';
import { flagCloseProblem } from '../../../domain/care/flags';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { deliverAfterFalseAlarm } from '../letters/care-hold';
import { showReportAfterFalseAlarm } from '../term-reports/care-hold';
import { flagOf, type Staff } from './scope';

type FlagRecord = Awaited<ReturnType<typeof flagOf>>;

/** The flag, unless it is closed (closed flags take no more actions). */
async function workingFlag(db: Db, principal: Staff, flagId: string): Promise<FlagRecord> {
  const flag = await flagOf(db, principal, flagId);
  if (flag.status === 'resolved') throw new AppError('FLAG_CLOSED');
  return flag;
}

/** Open → acknowledged by this staff member, guarded by the status: false when someone else changed the flag first. */
async function acknowledgeOpen(db: Db, principal: Staff, flagId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('wellbeing_flags')
    .set({ status: 'acknowledged', acknowledged_at: at, acknowledged_by: principal.staffId })
    .where('id', '=', flagId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** "I have it": stops the acknowledgement clock, once. */
export async function acknowledgeFlag(db: Db, principal: Staff, flagId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const flag = await workingFlag(trx, principal, flagId);
    if (flag.status !== 'open' || !(await acknowledgeOpen(trx, principal, flag.id, now.toISOString()))) throw new AppError('FLAG_ALREADY_ACKNOWLEDGED');
    await recordAudit(trx, principal, now, { action: 'wellbeing.acknowledge', entityType: 'wellbeing_flag', entityId: flag.id, studentId: flag.student_id });
  });
}

/** What the caseworker did (reached the student, contacted the school, called emergency services). Acknowledges an open flag too. */
export async function recordFlagAction(db: Db, principal: Staff, flagId: string, body: FlagActionBody, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const flag = await workingFlag(trx, principal, flagId);
    const at = now.toISOString();
    const id = newId();
    const note = body.note?.trim() || null;
    await trx.insertInto('wellbeing_actions').values({ id, flag_id: flag.id, kind: body.kind, note, staff_id: principal.staffId, acted_at: at }).execute();
    // Someone else acknowledging between the read and now is a conflict: the caller sees the flag as it stands.
    if (flag.status === 'open' && !(await acknowledgeOpen(trx, principal, flag.id, at))) throw new AppError('CONFLICT');
    await recordAudit(trx, principal, now, {
      action: 'wellbeing.action',
      entityType: 'wellbeing_flag',
      entityId: flag.id,
      studentId: flag.student_id,
      reason: note,
      detail: { actionId: id, kind: body.kind },
    });
  });
}

/**
 * Closes a flag, once (compare-and-set). Handled needs an action on record; a false alarm needs a
 * reason, and then what the flag held back goes on: the letter to its reader, the term report to the
 * sponsor's timeline.
 */
export async function closeFlag(db: Db, principal: Staff, flagId: string, body: CloseFlagBody, now: Date): Promise<void> {
  const note = body.note?.trim() ?? '';
  await db.transaction().execute(async (trx) => {
    const flag = await flagOf(trx, principal, flagId);
    const { n } = await trx
      .selectFrom('wellbeing_actions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('flag_id', '=', flag.id)
      .executeTakeFirstOrThrow();
    const problem = flagCloseProblem(flag.status, body.outcome, Number(n), note);
    if (problem === 'resolved') throw new AppError('FLAG_CLOSED');
    if (problem === 'needs_action') throw new AppError('FLAG_NEEDS_ACTION');
    if (problem === 'reason_required') throw new AppError('FLAG_REASON_REQUIRED', { details: [{ field: 'body.note', message: 'required' }] });
    const closed = await trx
      .updateTable('wellbeing_flags')
      .set({
        status: 'resolved',
        resolved_at: now.toISOString(),
        resolved_by: principal.staffId,
        outcome: body.outcome,
        outcome_note: note || null,
        acknowledged_at: flag.acknowledged_at ?? now.toISOString(),
        acknowledged_by: flag.acknowledged_by ?? principal.staffId,
      })
      .where('id', '=', flag.id)
      .where('status', '=', flag.status)
      .executeTakeFirst();
    if (Number(closed.numUpdatedRows) !== 1) throw new AppError('FLAG_CLOSED');
    await recordAudit(trx, principal, now, {
      action: 'wellbeing.close',
      entityType: 'wellbeing_flag',
      entityId: flag.id,
      studentId: flag.student_id,
      reason: note || null,
      detail: { outcome: body.outcome, level: flag.level },
    });
    if (body.outcome !== 'false_alarm' || flag.level !== 'urgent') return;
    if (flag.source_kind === 'letter') await deliverAfterFalseAlarm(trx, principal, flag.source_id, now);
    if (flag.source_kind === 'term_report') await showReportAfterFalseAlarm(trx, flag.source_id, now);
  });
}
