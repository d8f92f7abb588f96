import type { LogAttemptBody, ReassignBody, TaskDoneBody } from '../../../domain/api/care';
import { alertActionAllowed, type AlertAction, type AlertStatus } from '../../../domain/care/alerts';
import { recordAudit } from '../../audit/record';
import { recordHeardFrom } from '../../care-clock/heard-from';
import type { Db } from '../../db/connect';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { deliver } from '../messaging/deliver';
import { alertOf, caseworkerOf, WORKING_STATUSES, type Executor, type Staff } from './scope';

type AlertRecord = Awaited<ReturnType<typeof alertOf>>;

/** The alert, if the action is allowed in its status: a resolved alert is closed to every action, a second acknowledgement is refused. */
export async function alertFor(db: Executor, principal: Staff, alertId: string, action: AlertAction): Promise<AlertRecord> {
  const alert = await alertOf(db, principal, alertId);
  const status: AlertStatus = alert.status === 'escalated' ? 'open' : alert.status;
  if (!alertActionAllowed(status, action)) throw new AppError(status === 'resolved' ? 'ALERT_CLOSED' : 'ALERT_ALREADY_ACKNOWLEDGED');
  return alert;
}

/** A change guarded by the status read: 0 rows means someone else changed the alert first. */
function assertChanged(result: { numUpdatedRows: bigint }) {
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
}

export async function acknowledgeAlert(db: Db, principal: Staff, alertId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const alert = await alertFor(trx, principal, alertId, 'acknowledge');
    const result = await trx
      .updateTable('alerts')
      .set({ status: 'acknowledged', acknowledged_at: now.toISOString() })
      .where('id', '=', alert.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('ALERT_ALREADY_ACKNOWLEDGED');
    await recordAudit(trx, principal, now, { action: 'alerts.acknowledge', entityType: 'alert', entityId: alert.id, studentId: alert.student_id });
  });
}

const earliest = (current: string | null, at: string) => (current && current < at ? current : at);

/**
 * A contact attempt. The first one (by when it happened) is the alert's first contact, and an attempt
 * on an open alert acknowledges it too. Reaching the student counts as hearing from them.
 */
export async function logAttempt(db: Db, principal: Staff, alertId: string, body: LogAttemptBody, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const alert = await alertFor(trx, principal, alertId, 'log_attempt');
    const at = body.attemptedAt ? new Date(body.attemptedAt) : now;
    // A leap second (`…T23:59:60Z`) passes the date-time format but is no instant Date can hold.
    if (Number.isNaN(at.getTime()) || at > now || at.toISOString() < alert.opened_at) {
      throw new AppError('ATTEMPT_TIME_INVALID', { details: [{ field: 'body.attemptedAt', message: 'attempt_time' }] });
    }
    const atIso = at.toISOString();
    const id = newId();
    await trx
      .insertInto('contact_attempts')
      .values({ id, alert_id: alert.id, student_id: alert.student_id, staff_id: principal.staffId, method: body.method, result: body.result, note: body.note?.trim() || null, attempted_at: atIso, created_at: now.toISOString() })
      .execute();
    assertChanged(
      await trx
        .updateTable('alerts')
        .set({ status: 'acknowledged', acknowledged_at: earliest(alert.acknowledged_at, atIso), first_contact_at: earliest(alert.first_contact_at, atIso) })
        .where('id', '=', alert.id)
        .where('status', '=', alert.status)
        .executeTakeFirst(),
    );
    if (body.result === 'reached') await recordHeardFrom(trx, alert.student_id, at);
    await recordAudit(trx, principal, now, {
      action: 'alerts.attempt',
      entityType: 'alert',
      entityId: alert.id,
      studentId: alert.student_id,
      detail: { attemptId: id, method: body.method, result: body.result, attemptedAt: atIso },
    });
  });
}

/** Hands the alert to another caseworker of the same NGO, who is told in the app. */
export async function reassignAlert(db: Db, principal: Staff, alertId: string, body: ReassignBody, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const alert = await alertFor(trx, principal, alertId, 'reassign');
    const to = await caseworkerOf(trx, principal.ngoId, body.staffId, 'body.staffId');
    if (alert.assigned_staff_id === to.id) return;
    assertChanged(
      await trx
        .updateTable('alerts')
        .set({ assigned_staff_id: to.id })
        .where('id', '=', alert.id)
        .where('status', 'in', [...WORKING_STATUSES])
        .where((eb) => (alert.assigned_staff_id ? eb('assigned_staff_id', '=', alert.assigned_staff_id) : eb('assigned_staff_id', 'is', null)))
        .executeTakeFirst(),
    );
    await recordAudit(trx, principal, now, {
      action: 'alerts.reassign',
      entityType: 'alert',
      entityId: alert.id,
      studentId: alert.student_id,
      reason: body.reason?.trim() || null,
      detail: { from: alert.assigned_staff_id, to: to.id, toName: to.full_name },
    });
    await deliver(
      trx,
      {
        accountId: to.account_id,
        kind: 'alert_assigned',
        payload: { studentId: alert.student_id, studentDisplayName: alert.student_display_name, alertId: alert.id },
        dedupeKey: `alert_assigned:${alert.id}:${to.id}:${now.toISOString()}`,
      },
      now,
    );
  });
}

/** Closes a task of the caller's NGO (a task of another NGO is a 404; a task already done, 409). */
export async function markTaskDone(db: Db, principal: Staff, taskId: string, body: TaskDoneBody, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const task = await trx
      .selectFrom('caseworker_tasks')
      .innerJoin('students', 'students.id', 'caseworker_tasks.student_id')
      .select(['caseworker_tasks.id', 'caseworker_tasks.kind', 'caseworker_tasks.student_id', 'caseworker_tasks.status'])
      .where('caseworker_tasks.id', '=', taskId)
      .where('caseworker_tasks.ngo_id', '=', principal.ngoId)
      .where('students.ngo_id', '=', principal.ngoId)
      .executeTakeFirst();
    if (!task) throw new AppError('NOT_FOUND');
    const result = await trx
      .updateTable('caseworker_tasks')
      .set({ status: 'done', done_at: now.toISOString(), done_by: principal.staffId, note: body.note?.trim() || null })
      .where('id', '=', task.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('TASK_ALREADY_DONE');
    await recordAudit(trx, principal, now, { action: 'caseworker_tasks.done', entityType: 'caseworker_task', entityId: task.id, studentId: task.student_id, detail: { kind: task.kind } });
  });
}
