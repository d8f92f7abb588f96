import type { Selectable } from 'kysely';
import type {
  CompleteRequestBody,
  GuardianRequestDetail,
  GuardianRequestList,
  GuardianRequestView,
  NewGuardianRequestBody,
  RequestStudent,
} from '../../../domain/api/guardian-requests';
import type { UpdateStudentBody } from '../../../domain/api/students';
import { ACTION_OF_KIND, isOpenRequest, requestActions, type GuardianRequestKind } from '../../../domain/privacy/guardian-requests';
import type { PrincipalOf } from '../../access/principal';
import { visibleStudents } from '../../access/scopes';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import type { GuardianRequestTable, StudentTable } from '../../db/schema';
import { decodeCursor, toPage } from '../../lib/cursor';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { shanghaiToday } from '../../lib/local-date';
import { applyStudentUpdate } from '../onboarding/repository';

export type Staff = PrincipalOf<'caseworker' | 'ngo_admin'>;
type RequestRow = Selectable<GuardianRequestTable>;

export function studentSummary(s: Pick<Selectable<StudentTable>, 'id' | 'legal_name' | 'display_name' | 'program_status' | 'anonymised_at'>): RequestStudent {
  return { id: s.id, legalName: s.legal_name, displayName: s.display_name, programStatus: s.program_status, anonymisedAt: s.anonymised_at };
}

/** The student, when they belong to the caller's NGO; any other is a 404. */
async function studentOf(db: Db, principal: Staff, studentId: string) {
  const row = await visibleStudents(db, principal)
    .select(['students.id', 'students.legal_name', 'students.display_name', 'students.program_status', 'students.anonymised_at'])
    .where('students.id', '=', studentId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A request about a student of the caller's NGO (a student handed to another NGO takes their requests along). */
export async function requestOf(db: Db, principal: Staff, requestId: string): Promise<RequestRow> {
  const row = await visibleStudents(db, principal)
    .innerJoin('guardian_requests', 'guardian_requests.student_id', 'students.id')
    .selectAll('guardian_requests')
    .where('guardian_requests.id', '=', requestId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function views(db: Db, rows: RequestRow[]): Promise<GuardianRequestView[]> {
  const staffIds = [...new Set(rows.flatMap((r) => [r.recorded_by, ...(r.closed_by ? [r.closed_by] : [])]))];
  const names = new Map(
    staffIds.length ? (await db.selectFrom('staff').select(['id', 'full_name']).where('id', 'in', staffIds).execute()).map((s) => [s.id, s.full_name]) : [],
  );
  return rows.map((r) => ({
    id: r.id,
    studentId: r.student_id,
    kind: r.kind,
    status: r.status,
    guardianName: r.guardian_name,
    guardianRelation: r.guardian_relation,
    receivedVia: r.received_via,
    receivedOn: r.received_on,
    details: r.details,
    recordedAt: r.recorded_at,
    recordedByName: names.get(r.recorded_by) ?? '',
    actedAt: r.acted_at,
    closedAt: r.closed_at,
    closedByName: r.closed_by ? (names.get(r.closed_by) ?? '') : null,
    closingNote: r.closing_note,
  }));
}

export async function requestView(db: Db, row: RequestRow): Promise<GuardianRequestView> {
  return (await views(db, [row]))[0];
}

export async function requestDetail(db: Db, principal: Staff, requestId: string, now: Date): Promise<GuardianRequestDetail> {
  const row = await requestOf(db, principal, requestId);
  const student = await studentOf(db, principal, row.student_id);
  await recordAudit(db, principal, now, { action: 'guardian_requests.read', entityType: 'guardian_request', entityId: row.id, studentId: row.student_id });
  return { request: await requestView(db, row), student: studentSummary(student) };
}

/** A student's requests, newest first; the read is audited with the ids it showed. */
export async function listRequests(db: Db, principal: Staff, studentId: string, page: { limit: number; cursor?: string }, now: Date): Promise<GuardianRequestList> {
  const student = await studentOf(db, principal, studentId);
  const after = decodeCursor(page.cursor, ['text', 'text']);
  let query = db
    .selectFrom('guardian_requests')
    .selectAll()
    .where('student_id', '=', studentId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (after) {
    const [at, id] = after;
    query = query.where((eb) => eb.or([eb('recorded_at', '<', at), eb.and([eb('recorded_at', '=', at), eb('id', '<', id)])]));
  }
  const { items, nextCursor } = toPage(await query.execute(), page.limit, (r) => [r.recorded_at, r.id]);
  await recordAudit(db, principal, now, {
    action: 'guardian_requests.list',
    entityType: 'student',
    entityId: studentId,
    studentId,
    detail: { requestIds: items.map((r) => r.id) },
  });
  return { student: studentSummary(student), items: await views(db, items), nextCursor };
}

/**
 * Records a request as the NGO received it. The audit entry says who recorded it, what was asked, when
 * and through which channel, and the guardian's relationship to the student (never their name), and
 * whether a guardian consent on file names the same person.
 */
export async function recordRequest(db: Db, principal: Staff, studentId: string, body: NewGuardianRequestBody, now: Date): Promise<GuardianRequestView> {
  if (body.receivedOn > shanghaiToday(now)) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.receivedOn', message: 'not_future_date' }] });
  const at = now.toISOString();
  const id = newId();
  return db.transaction().execute(async (trx) => {
    const student = await studentOf(trx, principal, studentId);
    const row: RequestRow = {
      id,
      ngo_id: principal.ngoId,
      student_id: student.id,
      kind: body.kind,
      status: 'received',
      guardian_name: body.guardianName.trim(),
      guardian_relation: body.guardianRelation.trim(),
      received_via: body.receivedVia,
      received_on: body.receivedOn,
      details: body.details.trim(),
      recorded_by: principal.staffId,
      recorded_at: at,
      acted_at: null,
      closed_at: null,
      closed_by: null,
      closing_note: null,
    };
    await trx.insertInto('guardian_requests').values(row).execute();
    const consent = await trx
      .selectFrom('guardian_consents')
      .select('id')
      .where('student_id', '=', studentId)
      .where('guardian_name', '=', row.guardian_name)
      .where('relation', '=', row.guardian_relation)
      .executeTakeFirst();
    await recordAudit(trx, principal, now, {
      action: 'guardian_requests.receive',
      entityType: 'guardian_request',
      entityId: id,
      studentId,
      detail: { kind: row.kind, guardianRelation: row.guardian_relation, receivedVia: row.received_via, receivedOn: row.received_on, matchesConsentOnFile: Boolean(consent) },
    });
    return requestView(trx, row);
  });
}

/** Refuses what does not fit: a closed request, another kind of request. */
export function assertCanAct(row: RequestRow, kind: GuardianRequestKind): void {
  if (!isOpenRequest(row.status)) throw new AppError('GUARDIAN_REQUEST_CLOSED');
  if (row.kind !== kind) throw new AppError('GUARDIAN_REQUEST_KIND');
}

/** The request was acted on (it stays open): compare-and-set on its open status, then audited. */
export async function markActed(trx: Db, principal: Staff, row: RequestRow, now: Date, detail: Record<string, unknown>): Promise<RequestRow> {
  const at = now.toISOString();
  const updated = await trx
    .updateTable('guardian_requests')
    .set({ status: 'in_progress', acted_at: at })
    .where('id', '=', row.id)
    .where('status', 'in', ['received', 'in_progress'])
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('GUARDIAN_REQUEST_CLOSED');
  await recordAudit(trx, principal, now, {
    action: 'guardian_requests.act',
    entityType: 'guardian_request',
    entityId: row.id,
    studentId: row.student_id,
    detail: { kind: row.kind, action: ACTION_OF_KIND[row.kind], ...detail },
  });
  return { ...row, status: 'in_progress', acted_at: at };
}

/** Closes an open request: completed (after it was acted on) or refused (with a reason), compare-and-set, audited. */
export async function closeRequest(
  trx: Db,
  principal: Staff,
  row: RequestRow,
  outcome: { status: 'completed' | 'refused'; note: string | null },
  now: Date,
): Promise<RequestRow> {
  const at = now.toISOString();
  const from = outcome.status === 'completed' ? (row.kind === 'delete' ? ['received', 'in_progress'] : ['in_progress']) : ['received', 'in_progress'];
  const updated = await trx
    .updateTable('guardian_requests')
    .set({ status: outcome.status, closed_at: at, closed_by: principal.staffId, closing_note: outcome.note })
    .where('id', '=', row.id)
    .where('status', 'in', from as RequestRow['status'][])
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('GUARDIAN_REQUEST_CLOSED');
  await recordAudit(trx, principal, now, {
    action: outcome.status === 'completed' ? 'guardian_requests.complete' : 'guardian_requests.refuse',
    entityType: 'guardian_request',
    entityId: row.id,
    studentId: row.student_id,
    reason: outcome.note,
    detail: { kind: row.kind },
  });
  return { ...row, status: outcome.status, closed_at: at, closed_by: principal.staffId, closing_note: outcome.note };
}

export async function completeRequest(db: Db, principal: Staff, requestId: string, body: CompleteRequestBody, now: Date): Promise<GuardianRequestView> {
  return db.transaction().execute(async (trx) => {
    const row = await requestOf(trx, principal, requestId);
    if (!isOpenRequest(row.status)) throw new AppError('GUARDIAN_REQUEST_CLOSED');
    if (row.kind === 'delete') throw new AppError('GUARDIAN_REQUEST_KIND');
    if (!requestActions(row.kind, row.status).complete) throw new AppError('GUARDIAN_REQUEST_NOT_ACTED');
    return requestView(trx, await closeRequest(trx, principal, row, { status: 'completed', note: body.note?.trim() || null }, now));
  });
}

export async function refuseRequest(db: Db, principal: Staff, requestId: string, reason: string, now: Date): Promise<GuardianRequestView> {
  const note = reason.trim();
  if (!note) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.reason', message: 'required' }] });
  return db.transaction().execute(async (trx) => {
    const row = await requestOf(trx, principal, requestId);
    if (!isOpenRequest(row.status)) throw new AppError('GUARDIAN_REQUEST_CLOSED');
    return requestView(trx, await closeRequest(trx, principal, row, { status: 'refused', note }, now));
  });
}

/** A correction: the student's record is edited through the usual edit, its audit entry naming the request. */
export async function correctForRequest(db: Db, principal: Staff, requestId: string, body: UpdateStudentBody, now: Date): Promise<GuardianRequestDetail> {
  const row = await db.transaction().execute(async (trx) => {
    const request = await requestOf(trx, principal, requestId);
    assertCanAct(request, 'correct');
    const student = await studentOf(trx, principal, request.student_id);
    if (student.anonymised_at) throw new AppError('STUDENT_ANONYMISED');
    await applyStudentUpdate(trx, principal, request.student_id, body, now, { guardianRequestId: request.id });
    return markActed(trx, principal, request, now, { fields: Object.keys(body) });
  });
  return { request: await requestView(db, row), student: studentSummary(await studentOf(db, principal, row.student_id)) };
}
