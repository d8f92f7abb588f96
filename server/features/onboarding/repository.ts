import type { Selectable, Transaction, Updateable } from 'kysely';
import { ageOn } from '../../../domain/dates';
import { poolBlockersOf } from '../../../domain/student';
import type {
  ConsentView,
  CreateStudentBody,
  InviteStatus,
  PoolBlocker,
  RecordConsentBody,
  StaffStudentDetail,
  StudentContactInput,
  UpdateStudentBody,
  WithdrawConsentResponse,
} from '../../../domain/api/students';
import type { PrincipalOf } from '../../access/principal';
import { visibleStudents } from '../../access/scopes';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import type { Database, GuardianConsentTable, StudentTable } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { Locale } from '../../lib/messages';

export type Staff = PrincipalOf<'caseworker' | 'ngo_admin'>;
type Executor = Db | Transaction<Database>;

/** Without an NGO policy, consent is required for every minor (as in the pool query). */
const DEFAULT_CONSENT_AGE = 18;

export async function consentAgeOf(db: Executor, ngoId: string): Promise<number> {
  const policy = await db.selectFrom('ngo_policies').select('consent_required_under_age').where('ngo_id', '=', ngoId).executeTakeFirst();
  return policy?.consent_required_under_age ?? DEFAULT_CONSENT_AGE;
}

/** The student of the caller's NGO, or 404 (another NGO's student is indistinguishable from none). */
export async function staffStudent(db: Executor, principal: Staff, studentId: string): Promise<Selectable<StudentTable>> {
  const row = await visibleStudents(db as Db, principal).selectAll('students').where('students.id', '=', studentId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function assertCaseworker(db: Executor, principal: Staff, caseworkerId: string | null | undefined) {
  if (caseworkerId === undefined || caseworkerId === null) return;
  const staff = await db
    .selectFrom('staff')
    .select('id')
    .where('id', '=', caseworkerId)
    .where('ngo_id', '=', principal.ngoId)
    .where('role', '=', 'caseworker')
    .executeTakeFirst();
  if (!staff) throw new AppError('CASEWORKER_INVALID', { details: [{ field: 'body.caseworkerId', message: 'caseworker' }] });
}

async function replaceContacts(db: Executor, studentId: string, kind: 'guardian' | 'school', contacts: StudentContactInput[] | undefined, at: string) {
  if (contacts === undefined) return;
  await db.deleteFrom('student_contacts').where('student_id', '=', studentId).where('kind', '=', kind).execute();
  for (const c of contacts) {
    await db
      .insertInto('student_contacts')
      .values({ id: newId(), student_id: studentId, kind, name: c.name, relation: c.relation ?? null, phone: c.phone ?? null, note: c.note ?? null, created_at: at })
      .execute();
  }
}

export async function createStudent(db: Db, principal: Staff, body: CreateStudentBody, now: Date): Promise<string> {
  const at = now.toISOString();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await assertCaseworker(trx, principal, body.caseworkerId);
    await trx
      .insertInto('students')
      .values({
        id,
        ngo_id: principal.ngoId,
        account_id: null,
        caseworker_id: body.caseworkerId ?? (principal.role === 'caseworker' ? principal.staffId : null),
        legal_name: body.legalName,
        display_name: body.displayName,
        gender: body.gender ?? 'unspecified',
        date_of_birth: body.dateOfBirth,
        school_name: body.schoolName,
        school_stage: body.schoolStage,
        grade: body.grade,
        expected_graduation: body.expectedGraduation,
        province: body.province,
        city: body.city,
        village: body.village ?? null,
        story: body.story ?? null,
        story_approved_at: null,
        photo_key: null,
        yearly_need_fen: body.yearlyNeedFen,
        program_status: 'active',
        pool_since: null,
        last_heard_at: null,
        next_due_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await replaceContacts(trx, id, 'guardian', body.guardianContacts, at);
    await replaceContacts(trx, id, 'school', body.schoolContacts, at);
    await recordAudit(trx, principal, now, { action: 'students.create', entityType: 'student', entityId: id, studentId: id });
  });
  return id;
}

export async function updateStudent(db: Db, principal: Staff, studentId: string, body: UpdateStudentBody, now: Date): Promise<void> {
  await db.transaction().execute((trx) => applyStudentUpdate(trx, principal, studentId, body, now));
}

/**
 * The edit itself, inside the caller's transaction; `auditDetail` adds to the audit entry (a
 * correction names the guardian's request it answers).
 */
export async function applyStudentUpdate(
  trx: Executor,
  principal: Staff,
  studentId: string,
  body: UpdateStudentBody,
  now: Date,
  auditDetail: Record<string, unknown> = {},
): Promise<void> {
  const at = now.toISOString();
  const current = await staffStudent(trx, principal, studentId);
  await assertCaseworker(trx, principal, body.caseworkerId);
  const set: Record<string, unknown> = {};
  const map: [keyof UpdateStudentBody, keyof Selectable<StudentTable>][] = [
    ['legalName', 'legal_name'],
    ['displayName', 'display_name'],
    ['gender', 'gender'],
    ['dateOfBirth', 'date_of_birth'],
    ['schoolName', 'school_name'],
    ['schoolStage', 'school_stage'],
    ['grade', 'grade'],
    ['expectedGraduation', 'expected_graduation'],
    ['province', 'province'],
    ['city', 'city'],
    ['village', 'village'],
    ['story', 'story'],
    ['caseworkerId', 'caseworker_id'],
    ['yearlyNeedFen', 'yearly_need_fen'],
  ];
  for (const [field, column] of map as [keyof UpdateStudentBody, string][]) if (body[field] !== undefined) set[column] = body[field];
  // A changed story must be reviewed again before any sponsor reads it; it leaves the pool meanwhile.
  const storyChanged = body.story !== undefined && body.story !== current.story;
  if (storyChanged) {
    set.story_approved_at = null;
    set.pool_since = null;
  }
  await trx
    .updateTable('students')
    .set({ ...(set as Updateable<StudentTable>), updated_at: at })
    .where('id', '=', studentId)
    .execute();
  await replaceContacts(trx, studentId, 'guardian', body.guardianContacts, at);
  await replaceContacts(trx, studentId, 'school', body.schoolContacts, at);
  await recordAudit(trx, principal, now, {
    action: 'students.update',
    entityType: 'student',
    entityId: studentId,
    studentId,
    detail: { fields: Object.keys(body), storyApprovalWithdrawn: storyChanged && current.story_approved_at !== null, ...auditDetail },
  });
}

function consentView(row: GuardianConsentTable, recordedBy: string | null): ConsentView {
  return {
    id: row.id,
    guardianName: row.guardian_name,
    relation: row.relation,
    consentedOn: row.consented_on,
    method: row.method,
    scope: row.scope,
    retainUntil: row.retain_until,
    recordedBy: recordedBy ?? row.recorded_by,
    createdAt: row.created_at,
    withdrawnAt: row.withdrawn_at,
    withdrawnReason: row.withdrawn_reason,
  };
}

async function consentsOf(db: Executor, studentId: string): Promise<ConsentView[]> {
  const rows = await db
    .selectFrom('guardian_consents')
    .leftJoin('staff', 'staff.id', 'guardian_consents.recorded_by')
    .selectAll('guardian_consents')
    .select('staff.full_name as recorded_by_name')
    .where('guardian_consents.student_id', '=', studentId)
    .orderBy('guardian_consents.created_at', 'desc')
    .orderBy('guardian_consents.id', 'desc')
    .execute();
  return rows.map((r) => consentView(r, r.recorded_by_name));
}

async function holdingSponsorship(db: Executor, studentId: string, now: Date) {
  return db
    .selectFrom('sponsorships')
    .innerJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
    .select(['sponsorships.id', 'sponsorships.status', 'sponsors.display_name'])
    .where('sponsorships.student_id', '=', studentId)
    .where((eb) =>
      eb.or([
        eb('sponsorships.status', 'in', ['active', 'paused']),
        eb.and([eb('sponsorships.status', '=', 'reserved'), eb('sponsorships.reserved_until', '>', now.toISOString())]),
      ]),
    )
    .orderBy('sponsorships.created_at', 'desc')
    .executeTakeFirst();
}

/** What stops the student from entering the pool now (the same conditions as the pool query). */
export async function poolBlockers(db: Executor, student: Selectable<StudentTable>, now: Date, consentActive: boolean): Promise<PoolBlocker[]> {
  return poolBlockersOf({
    programStatus: student.program_status,
    age: ageOn(student.date_of_birth, now),
    consentRequiredUnderAge: await consentAgeOf(db, student.ngo_id),
    consentActive,
    storyApproved: Boolean(student.story && student.story_approved_at),
    sponsored: Boolean(await holdingSponsorship(db, student.id, now)),
  });
}

async function inviteStatus(db: Executor, studentId: string, now: Date): Promise<InviteStatus> {
  const latest = await db
    .selectFrom('student_invites')
    .select(['expires_at', 'used_at', 'revoked_at'])
    .where('student_id', '=', studentId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!latest) return { state: 'none', expiresAt: null, usedAt: null };
  if (latest.used_at) return { state: 'used', expiresAt: latest.expires_at, usedAt: latest.used_at };
  if (latest.expires_at <= now.toISOString() || latest.revoked_at) return { state: 'expired', expiresAt: latest.expires_at, usedAt: null };
  return { state: 'open', expiresAt: latest.expires_at, usedAt: null };
}

/** The full staff view of one student. Every call writes the audit log (staff reads are audited). */
export async function staffStudentDetail(db: Db, principal: Staff, studentId: string, now: Date, action = 'students.read'): Promise<StaffStudentDetail> {
  const s = await staffStudent(db, principal, studentId);
  const caseworker = s.caseworker_id
    ? await db.selectFrom('staff').select(['id', 'full_name']).where('id', '=', s.caseworker_id).executeTakeFirst()
    : undefined;
  const contacts = await db
    .selectFrom('student_contacts')
    .select(['id', 'kind', 'name', 'relation', 'phone', 'note'])
    .where('student_id', '=', studentId)
    .orderBy('kind')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const consents = await consentsOf(db, studentId);
  const consentActive = consents.some((c) => c.withdrawnAt === null);
  const age = ageOn(s.date_of_birth, now);
  const consentRequired = age < (await consentAgeOf(db, s.ngo_id));
  const blockers = s.pool_since ? [] : await poolBlockers(db, s, now, consentActive);
  const sponsorship = await holdingSponsorship(db, studentId, now);
  await recordAudit(db, principal, now, { action, entityType: 'student', entityId: studentId, studentId });
  return {
    id: s.id,
    legalName: s.legal_name,
    displayName: s.display_name,
    gender: s.gender,
    dateOfBirth: s.date_of_birth,
    age,
    schoolName: s.school_name,
    schoolStage: s.school_stage,
    grade: s.grade,
    expectedGraduation: s.expected_graduation,
    province: s.province,
    city: s.city,
    village: s.village,
    story: s.story,
    storyApprovedAt: s.story_approved_at,
    yearlyNeedFen: s.yearly_need_fen,
    programStatus: s.program_status,
    caseworker: caseworker ? { id: caseworker.id, name: caseworker.full_name } : null,
    contacts,
    consents,
    consentRequired,
    consentActive,
    invite: await inviteStatus(db, studentId, now),
    accountBound: s.account_id !== null,
    poolSince: s.pool_since,
    poolBlockers: blockers,
    sponsorship: sponsorship ? { id: sponsorship.id, status: sponsorship.status, sponsorDisplayName: sponsorship.display_name } : null,
    lastHeardAt: s.last_heard_at,
    nextDueAt: s.next_due_at,
    createdAt: s.created_at,
    updatedAt: s.updated_at,
  };
}

export async function approveStory(db: Db, principal: Staff, studentId: string, now: Date): Promise<string> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const s = await staffStudent(trx, principal, studentId);
    if (!s.story) throw new AppError('STORY_MISSING');
    await trx.updateTable('students').set({ story_approved_at: at, updated_at: at }).where('id', '=', studentId).execute();
    await recordAudit(trx, principal, now, { action: 'students.approve_story', entityType: 'student', entityId: studentId, studentId });
    return at;
  });
}

export async function enterPool(db: Db, principal: Staff, studentId: string, now: Date): Promise<string> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const s = await staffStudent(trx, principal, studentId);
    if (s.pool_since) return s.pool_since;
    const consentActive = Boolean(
      await trx.selectFrom('guardian_consents').select('id').where('student_id', '=', studentId).where('withdrawn_at', 'is', null).executeTakeFirst(),
    );
    const blockers = await poolBlockers(trx, s, now, consentActive);
    if (blockers.length > 0) {
      throw new AppError('POOL_REQUIREMENTS_MISSING', { details: blockers.map((b) => ({ field: b, message: `pool:${b}` })) });
    }
    await trx.updateTable('students').set({ pool_since: at, updated_at: at }).where('id', '=', studentId).where('pool_since', 'is', null).execute();
    await recordAudit(trx, principal, now, { action: 'students.enter_pool', entityType: 'student', entityId: studentId, studentId });
    return at;
  });
}

export async function recordConsent(db: Db, principal: Staff, studentId: string, body: RecordConsentBody, now: Date): Promise<ConsentView> {
  const at = now.toISOString();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await staffStudent(trx, principal, studentId);
    await trx
      .insertInto('guardian_consents')
      .values({
        id,
        student_id: studentId,
        guardian_name: body.guardianName,
        relation: body.relation,
        consented_on: body.consentedOn,
        method: body.method,
        scope: body.scope,
        retain_until: body.retainUntil,
        recorded_by: principal.staffId,
        created_at: at,
        withdrawn_at: null,
        withdrawn_reason: null,
      })
      .execute();
    await recordAudit(trx, principal, now, {
      action: 'consents.record',
      entityType: 'guardian_consent',
      entityId: id,
      studentId,
      detail: { method: body.method, consentedOn: body.consentedOn, retainUntil: body.retainUntil },
    });
  });
  const consents = await consentsOf(db, studentId);
  return consents.find((c) => c.id === id)!;
}

function nextStepsAfterWithdrawal(locale: Locale, o: { hidden: boolean; sponsored: boolean; retainUntil: string }): string[] {
  const zh = locale === 'zh-CN';
  const steps: string[] = [];
  if (o.sponsored) {
    steps.push(
      zh
        ? '由负责社工尽快告知资助人：资助已由机构暂停，暂时看不到这位同学的信息；不要向资助人说明撤回的具体原因。'
        : 'Have the caseworker tell the sponsor soon that the NGO has paused the sponsorship and the student’s details are hidden for now; do not share the reason for the withdrawal.',
    );
    steps.push(
      zh
        ? '暂停双方书信往来：在重新取得同意之前，不要审核通过任何新的来信。'
        : 'Pause letters both ways: approve no new letter until consent is given again.',
    );
  } else {
    steps.push(zh ? '这位同学已从待资助名单中移除，资助人看不到他/她了。' : 'The student has been taken out of the pool; no sponsor can see them.');
  }
  if (!o.hidden) {
    steps.push(zh ? '仍有另一份有效的同意书在档；请核实它是否仍然有效。' : 'Another consent is still on file; check that it still holds.');
  }
  steps.push(
    zh
      ? `审阅留存期限（至 ${o.retainUntil}）：删除同意范围之外的照片和资料，到期后销毁同意书。`
      : `Review retention (until ${o.retainUntil}): delete photos and records outside what remains agreed, and destroy the consent record when it expires.`,
  );
  steps.push(zh ? '与监护人沟通，了解是否以及何时可以重新取得同意。' : 'Talk with the guardian about whether and when consent could be given again.');
  return steps;
}

/**
 * Withdraws a guardian consent. When no other unwithdrawn consent remains and the student's age needs
 * one, the student leaves the pool at once and a live reservation ends (`consent_withdrawn`); the
 * response lists what the NGO must do next.
 */
export async function withdrawConsent(
  db: Db,
  principal: Staff,
  studentId: string,
  consentId: string,
  reason: string,
  now: Date,
  locale: Locale,
): Promise<WithdrawConsentResponse> {
  const at = now.toISOString();
  const outcome = await db.transaction().execute(async (trx) => {
    const s = await staffStudent(trx, principal, studentId);
    const consent = await trx.selectFrom('guardian_consents').selectAll().where('id', '=', consentId).where('student_id', '=', studentId).executeTakeFirst();
    if (!consent) throw new AppError('NOT_FOUND');
    if (consent.withdrawn_at) throw new AppError('CONSENT_ALREADY_WITHDRAWN');
    await trx.updateTable('guardian_consents').set({ withdrawn_at: at, withdrawn_reason: reason }).where('id', '=', consentId).execute();
    const remaining = await trx.selectFrom('guardian_consents').select('id').where('student_id', '=', studentId).where('withdrawn_at', 'is', null).executeTakeFirst();
    const required = ageOn(s.date_of_birth, now) < (await consentAgeOf(trx, s.ngo_id));
    const hidden = required && !remaining;
    let removedFromPool = false;
    if (hidden) {
      removedFromPool = s.pool_since !== null;
      await trx.updateTable('students').set({ pool_since: null, updated_at: at }).where('id', '=', studentId).execute();
      const ended = await trx
        .updateTable('sponsorships')
        .set({ status: 'ended', end_reason: 'consent_withdrawn', ended_at: at, updated_at: at })
        .where('student_id', '=', studentId)
        .where('status', '=', 'reserved')
        .executeTakeFirst();
      if (Number(ended.numUpdatedRows) > 0) removedFromPool = true;
    }
    const sponsored = await trx
      .selectFrom('sponsorships')
      .select('id')
      .where('student_id', '=', studentId)
      .where('status', 'in', ['active', 'paused'])
      .executeTakeFirst();
    await recordAudit(trx, principal, now, {
      action: 'consents.withdraw',
      entityType: 'guardian_consent',
      entityId: consentId,
      studentId,
      reason,
      detail: { hiddenFromSponsors: hidden, removedFromPool, sponsorshipId: sponsored?.id ?? null },
    });
    return { hidden, removedFromPool, sponsored: Boolean(sponsored), retainUntil: consent.retain_until };
  });
  const consents = await consentsOf(db, studentId);
  return {
    consent: consents.find((c) => c.id === consentId)!,
    hiddenFromSponsors: outcome.hidden,
    removedFromPool: outcome.removedFromPool,
    nextSteps: nextStepsAfterWithdrawal(locale, outcome),
  };
}
