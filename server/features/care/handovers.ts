import { recomputeDueDates } from '../../care-clock/due-dates';
import type { Transaction } from 'kysely';
import type { AcceptHandoverBody, HandoverPage, RejectHandoverBody } from '../../../domain/api/care';
import type { HandoverStatus } from '../../../domain/care/alerts';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import type { Database } from '../../db/schema';
import { decodeCursor, toPage } from '../../lib/cursor';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { deliver } from '../messaging/deliver';
import { handoversWithNames, handoverView } from './case-view';
import { caseworkerOf, openSponsorshipOf, type Staff } from './scope';

type Trx = Transaction<Database>;

/** Handovers to the caller's NGO and from it, newest first; `status` narrows them. Students show only sponsor-safe fields until they arrive. */
export async function listHandovers(db: Db, principal: Staff, query: { limit: number; cursor?: string; status?: HandoverStatus }): Promise<HandoverPage> {
  const after = decodeCursor(query.cursor, ['text', 'text']);
  let rows = handoversWithNames(db)
    .innerJoin('students', 'students.id', 'handovers.student_id')
    .select(['students.display_name', 'students.grade', 'students.school_stage', 'students.city'])
    .where((eb) => eb.or([eb('handovers.to_ngo_id', '=', principal.ngoId), eb('handovers.from_ngo_id', '=', principal.ngoId)]))
    .orderBy('handovers.requested_at', 'desc')
    .orderBy('handovers.id', 'desc')
    .limit(query.limit + 1);
  if (query.status) rows = rows.where('handovers.status', '=', query.status);
  if (after) {
    const [at, id] = after;
    rows = rows.where((eb) => eb.or([eb('handovers.requested_at', '<', at), eb.and([eb('handovers.requested_at', '=', at), eb('handovers.id', '<', id)])]));
  }
  const { items, nextCursor } = toPage(await rows.execute(), query.limit, (r) => [r.requested_at, r.id]);
  return { items: items.map((r) => ({ ...handoverView(r), student: { displayName: r.display_name, grade: r.grade, schoolStage: r.school_stage, city: r.city } })), nextCursor };
}

/** A pending handover to the caller's NGO, decided exactly once (the status change is guarded by the status read). */
async function decide(trx: Trx, principal: Staff, handoverId: string, status: 'accepted' | 'rejected', note: string | null, now: Date) {
  const handover = await handoversWithNames(trx)
    .innerJoin('students', 'students.id', 'handovers.student_id')
    .select(['students.display_name'])
    .where('handovers.id', '=', handoverId)
    .where('handovers.to_ngo_id', '=', principal.ngoId)
    .executeTakeFirst();
  if (!handover) throw new AppError('NOT_FOUND');
  const result = await trx
    .updateTable('handovers')
    .set({ status, decided_by: principal.staffId, decided_at: now.toISOString(), decision_note: note })
    .where('id', '=', handover.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('HANDOVER_DECIDED');
  return handover;
}

type Decided = Awaited<ReturnType<typeof decide>>;

/** Both NGOs' side of the decision: the audit row names both, and the sending caseworker (the alert's, or who asked) is told. */
async function recordDecision(trx: Trx, principal: Staff, handover: Decided, decision: 'accepted' | 'rejected', note: string | null, now: Date) {
  await recordAudit(trx, principal, now, {
    action: decision === 'accepted' ? 'handovers.accept' : 'handovers.reject',
    entityType: 'handover',
    entityId: handover.id,
    studentId: handover.student_id,
    reason: note,
    detail: { alertId: handover.alert_id, fromNgoId: handover.from_ngo_id, toNgoId: handover.to_ngo_id },
  });
  const alert = handover.alert_id ? await trx.selectFrom('alerts').select('assigned_staff_id').where('id', '=', handover.alert_id).executeTakeFirst() : undefined;
  const caseworkerId = alert?.assigned_staff_id ?? handover.requested_by;
  const requester = await trx.selectFrom('staff').select('account_id').where('id', '=', caseworkerId).executeTakeFirst();
  if (!requester) return;
  await deliver(
    trx,
    {
      accountId: requester.account_id,
      kind: 'handover_decided',
      payload: { studentId: handover.student_id, studentDisplayName: handover.display_name, handoverId: handover.id, alertId: handover.alert_id, decision, toNgoName: handover.to_name },
      dedupeKey: `handover_decided:${handover.id}`,
    },
    now,
  );
}

/** When the consent given at handover may be kept: as long as the student's earlier consent, at least to their expected graduation. */
async function consentRetention(trx: Trx, studentId: string, expectedGraduation: string) {
  const latest = await trx.selectFrom('guardian_consents').select('retain_until').where('student_id', '=', studentId).orderBy('retain_until', 'desc').executeTakeFirst();
  return latest && latest.retain_until > expectedGraduation ? latest.retain_until : expectedGraduation;
}

/**
 * The receiving NGO takes the student on: the student (and with them their history and sponsorship,
 * which reference the student) moves to it under the chosen caseworker; the guardian's consent to the
 * handover is recorded; the sponsor is told gently which NGO now accompanies their student.
 */
export async function acceptHandover(db: Db, principal: Staff, handoverId: string, body: AcceptHandoverBody, now: Date): Promise<void> {
  const note = body.note?.trim() || null;
  await db.transaction().execute(async (trx) => {
    const caseworker = await caseworkerOf(trx, principal.ngoId, body.caseworkerId, 'body.caseworkerId');
    const handover = await decide(trx, principal, handoverId, 'accepted', note, now);
    const nowIso = now.toISOString();
    const student = await trx.selectFrom('students').select(['expected_graduation']).where('id', '=', handover.student_id).executeTakeFirstOrThrow();
    await trx
      .updateTable('students')
      .set({ ngo_id: principal.ngoId, caseworker_id: caseworker.id, updated_at: nowIso })
      .where('id', '=', handover.student_id)
      .where('ngo_id', '=', handover.from_ngo_id)
      .execute();
    await trx
      .insertInto('guardian_consents')
      .values({
        id: newId(),
        student_id: handover.student_id,
        guardian_name: handover.guardian_name,
        relation: handover.relation,
        consented_on: handover.consented_on,
        method: handover.consent_method,
        scope: `handover:${handover.from_name} → ${handover.to_name}`,
        retain_until: await consentRetention(trx, handover.student_id, student.expected_graduation),
        recorded_by: handover.requested_by,
        created_at: nowIso,
        withdrawn_at: null,
        withdrawn_reason: null,
      })
      .execute();
    // The receiving NGO's cadence and quiet periods apply from now on.
    await recomputeDueDates(trx, principal.ngoId, now, handover.student_id);
    await recordDecision(trx, principal, handover, 'accepted', note, now);
    const sponsorship = await openSponsorshipOf(trx, handover.student_id);
    if (sponsorship) {
      await deliver(
        trx,
        {
          accountId: sponsorship.account_id,
          kind: 'student_handed_over',
          payload: { studentId: handover.student_id, studentDisplayName: handover.display_name, sponsorshipId: sponsorship.id, ngoName: handover.to_name },
          dedupeKey: `student_handed_over:${handover.id}`,
        },
        now,
      );
    }
  });
}

/** The receiving NGO declines: the alert reopens for the sending NGO (acknowledged, outcome cleared) and its caseworker is told. */
export async function rejectHandover(db: Db, principal: Staff, handoverId: string, body: RejectHandoverBody, now: Date): Promise<void> {
  const reason = body.reason.trim();
  if (!reason) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.reason', message: 'required' }] });
  await db.transaction().execute(async (trx) => {
    const handover = await decide(trx, principal, handoverId, 'rejected', reason, now);
    if (handover.alert_id) {
      await trx
        .updateTable('alerts')
        .set((eb) => ({ status: 'acknowledged', acknowledged_at: eb.fn.coalesce('acknowledged_at', eb.val(now.toISOString())), outcome: null, outcome_note: null, resolved_at: null }))
        .where('id', '=', handover.alert_id)
        .where('status', '=', 'resolved')
        .where('outcome', '=', 'handed_over')
        .execute();
    }
    await recordDecision(trx, principal, handover, 'rejected', reason, now);
  });
}
