import type { Transaction } from 'kysely';
import type { ResolveAlertBody } from '../../../domain/api/care';
import type { ContactMethod } from '../../../domain/care/alerts';
import { shanghaiDate } from '../../../domain/care/due';
import { recordAudit } from '../../audit/record';
import { recordHeardFrom } from '../../care-clock/heard-from';
import type { Db } from '../../db/connect';
import type { Database } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { deliver } from '../messaging/deliver';
import { markStudentLeft } from '../staff/student-left';
import { alertFor } from './actions';
import { openSponsorshipOf, WORKING_STATUSES, type Staff } from './scope';

type Trx = Transaction<Database>;
type AlertRecord = Awaited<ReturnType<typeof alertFor>>;

const missing = (field: string) => new AppError('OUTCOME_DETAIL_MISSING', { details: [{ field, message: 'required' }] });

/** An outcome with what it needs, checked before anything is written. */
type Outcome =
  | { outcome: 'reached' }
  | { outcome: 'situation_changed'; change: NonNullable<ResolveAlertBody['change']> }
  | { outcome: 'paused'; resumeOn: string }
  | { outcome: 'handed_over'; handover: NonNullable<ResolveAlertBody['handover']> }
  | { outcome: 'left_program'; returnExpected: boolean };

/** The outcome with its details, or a 400 naming the field that is missing or wrong. */
function outcomeOf(body: ResolveAlertBody, ngoId: string, now: Date): Outcome {
  const today = shanghaiDate(now);
  switch (body.outcome) {
    case 'reached':
      return { outcome: 'reached' };
    case 'situation_changed':
      if (!body.change) throw missing('body.change');
      // A new school is a change of the record: the caseworker says which.
      if (body.change.kind === 'new_school' && !body.change.schoolName) throw missing('body.change.schoolName');
      return { outcome: 'situation_changed', change: body.change };
    case 'paused':
      if (!body.resumeOn) throw missing('body.resumeOn');
      if (body.resumeOn <= today) throw new AppError('RESUME_DATE_INVALID', { details: [{ field: 'body.resumeOn', message: 'future_date' }] });
      return { outcome: 'paused', resumeOn: body.resumeOn };
    case 'handed_over':
      if (!body.handover) throw missing('body.handover');
      if (body.handover.toNgoId === ngoId) throw new AppError('HANDOVER_TARGET_INVALID', { details: [{ field: 'body.handover.toNgoId', message: 'other_ngo' }] });
      if (body.handover.consent.consentedOn > today) {
        throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.handover.consent.consentedOn', message: 'not_future_date' }] });
      }
      return { outcome: 'handed_over', handover: body.handover };
    case 'left_program':
      if (body.returnExpected === undefined) throw missing('body.returnExpected');
      return { outcome: 'left_program', returnExpected: body.returnExpected };
  }
}

/** How the caseworker reached the student on this alert, from the latest attempt that reached them (none: not logged). */
async function reachingMethod(trx: Trx, alertId: string): Promise<ContactMethod | null> {
  const attempt = await trx
    .selectFrom('contact_attempts')
    .select('method')
    .where('alert_id', '=', alertId)
    .where('result', '=', 'reached')
    .orderBy('attempted_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return (attempt?.method as ContactMethod | undefined) ?? null;
}

/** Tells the sponsor of the student's open sponsorship, gently: never attempts, notes, methods or contacts. */
async function tellSponsor(trx: Trx, alert: AlertRecord, kind: 'student_reached' | 'student_paused', extra: Record<string, unknown>, now: Date) {
  const sponsorship = await openSponsorshipOf(trx, alert.student_id);
  if (!sponsorship) return;
  const ngo = await trx.selectFrom('ngos').select('name').where('id', '=', alert.student_ngo_id).executeTakeFirstOrThrow();
  await deliver(
    trx,
    {
      accountId: sponsorship.account_id,
      kind,
      payload: { studentId: alert.student_id, studentDisplayName: alert.student_display_name, sponsorshipId: sponsorship.id, ngoName: ngo.name, ...extra },
      dedupeKey: `${kind}:${alert.id}`,
      ...(kind === 'student_reached' ? { push: 'student_back_in_touch' as const } : {}),
    },
    now,
  );
}

async function changeSituation(trx: Trx, principal: Staff, alert: AlertRecord, change: NonNullable<ResolveAlertBody['change']>, now: Date) {
  const nowIso = now.toISOString();
  const fields = {
    ...(change.schoolName !== undefined ? { school_name: change.schoolName.trim() } : {}),
    ...(change.schoolStage !== undefined ? { school_stage: change.schoolStage } : {}),
    ...(change.grade !== undefined ? { grade: change.grade } : {}),
  };
  if (Object.keys(fields).length > 0) {
    const before = await trx.selectFrom('students').select(['school_name', 'school_stage', 'grade']).where('id', '=', alert.student_id).executeTakeFirstOrThrow();
    await trx.updateTable('students').set({ ...fields, updated_at: nowIso }).where('id', '=', alert.student_id).execute();
    await recordAudit(trx, principal, now, {
      action: 'students.update',
      entityType: 'student',
      entityId: alert.student_id,
      studentId: alert.student_id,
      reason: `alert:${alert.id}:situation_changed`,
      detail: { before, after: fields },
    });
  }
  await trx.updateTable('alerts').set({ change_kind: change.kind }).where('id', '=', alert.id).execute();
  await recordHeardFrom(trx, alert.student_id, now);
  await tellSponsor(trx, alert, 'student_reached', { change: change.kind }, now);
}

async function pauseStudent(trx: Trx, alert: AlertRecord, resumeOn: string, now: Date) {
  const nowIso = now.toISOString();
  await trx.updateTable('students').set({ program_status: 'paused', ladder_next_at: null, updated_at: nowIso }).where('id', '=', alert.student_id).where('program_status', '=', 'active').execute();
  await trx.updateTable('sponsorships').set({ status: 'paused', updated_at: nowIso }).where('student_id', '=', alert.student_id).where('status', '=', 'active').execute();
  await trx.updateTable('alerts').set({ resume_on: resumeOn }).where('id', '=', alert.id).execute();
  await tellSponsor(trx, alert, 'student_paused', { resumeOn }, now);
}

async function requestHandover(trx: Trx, principal: Staff, alert: AlertRecord, handover: NonNullable<ResolveAlertBody['handover']>, note: string, now: Date) {
  const to = await trx.selectFrom('ngos').select(['id', 'name']).where('id', '=', handover.toNgoId).executeTakeFirst();
  if (!to) throw new AppError('HANDOVER_TARGET_INVALID', { details: [{ field: 'body.handover.toNgoId', message: 'other_ngo' }] });
  const pending = await trx.selectFrom('handovers').select('id').where('student_id', '=', alert.student_id).where('status', '=', 'pending').executeTakeFirst();
  if (pending) throw new AppError('HANDOVER_PENDING');
  const id = newId();
  await trx
    .insertInto('handovers')
    .values({
      id,
      student_id: alert.student_id,
      alert_id: alert.id,
      from_ngo_id: principal.ngoId,
      to_ngo_id: to.id,
      status: 'pending',
      guardian_name: handover.consent.guardianName.trim(),
      relation: handover.consent.relation.trim(),
      consent_method: handover.consent.method,
      consented_on: handover.consent.consentedOn,
      note,
      requested_by: principal.staffId,
      requested_at: now.toISOString(),
      decided_by: null,
      decided_at: null,
      decision_note: null,
    })
    .execute();
  await recordAudit(trx, principal, now, {
    action: 'handovers.request',
    entityType: 'handover',
    entityId: id,
    studentId: alert.student_id,
    reason: note,
    detail: { alertId: alert.id, fromNgoId: principal.ngoId, toNgoId: to.id, consentMethod: handover.consent.method, consentedOn: handover.consent.consentedOn },
  });
  const admins = await trx.selectFrom('staff').select('account_id').where('ngo_id', '=', to.id).where('role', '=', 'ngo_admin').limit(20).execute();
  const from = await trx.selectFrom('ngos').select('name').where('id', '=', principal.ngoId).executeTakeFirstOrThrow();
  for (const admin of admins) {
    await deliver(
      trx,
      {
        accountId: admin.account_id,
        kind: 'handover_requested',
        payload: { studentId: alert.student_id, studentDisplayName: alert.student_display_name, handoverId: id, fromNgoName: from.name },
        dedupeKey: `handover_requested:${id}:${admin.account_id}`,
      },
      now,
    );
  }
  return id;
}

/**
 * Closes an alert with its outcome. The status change comes first and is guarded by the status read,
 * so of two resolves at once exactly one wins and the other gets 409; what the outcome does to the
 * student, the sponsorship and the sponsor happens in the same transaction.
 */
export async function resolveAlert(db: Db, principal: Staff, alertId: string, body: ResolveAlertBody, now: Date): Promise<void> {
  const outcome = outcomeOf(body, principal.ngoId, now);
  const note = body.note.trim();
  if (!note) throw missing('body.note');
  await db.transaction().execute(async (trx) => {
    const alert = await alertFor(trx, principal, alertId, 'resolve');
    const closed = await trx
      .updateTable('alerts')
      .set({ status: 'resolved', resolved_at: now.toISOString(), outcome: outcome.outcome, outcome_note: note })
      .where('id', '=', alert.id)
      .where('status', 'in', [...WORKING_STATUSES, 'escalated'])
      .executeTakeFirst();
    if (Number(closed.numUpdatedRows) !== 1) throw new AppError('ALERT_CLOSED');

    let handoverId: string | null = null;
    let contactMethod: ContactMethod | null = null;
    switch (outcome.outcome) {
      case 'reached':
        contactMethod = await reachingMethod(trx, alert.id);
        // The caseworker reached the student: the care clock restarts (else the next sweep would open a new
        // silence at once), but nothing is recorded as sent by the student.
        await recordHeardFrom(trx, alert.student_id, now);
        await tellSponsor(trx, alert, 'student_reached', { change: null }, now);
        break;
      case 'situation_changed':
        await changeSituation(trx, principal, alert, outcome.change, now);
        break;
      case 'paused':
        await pauseStudent(trx, alert, outcome.resumeOn, now);
        break;
      case 'handed_over':
        handoverId = await requestHandover(trx, principal, alert, outcome.handover, note, now);
        break;
      case 'left_program':
        await markStudentLeft(trx, principal, alert.student_id, { reason: note.slice(0, 300), returnExpected: outcome.returnExpected }, now);
        break;
    }
    await recordAudit(trx, principal, now, {
      action: 'alerts.resolve',
      entityType: 'alert',
      entityId: alert.id,
      studentId: alert.student_id,
      reason: note,
      detail: {
        outcome: outcome.outcome,
        contactMethod,
        change: outcome.outcome === 'situation_changed' ? outcome.change.kind : null,
        resumeOn: outcome.outcome === 'paused' ? outcome.resumeOn : null,
        handoverId,
      },
    });
  });
}
