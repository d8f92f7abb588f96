import type { DataPackageResponse, ErasureResult, GuardianRequestDetail, GuardianRequestList, GuardianRequestView } from '../../../domain/api/guardian-requests';
import { ANONYMISED } from '../../../domain/privacy/guardian-requests';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertAlert, insertStudent } from '../care/care-fixtures';
import { insertStudentFile, type StudentFile } from './fixtures';

// The first request compiles every route's schemas: seconds on a busy machine.
jest.setTimeout(30_000);

let t: TestApp;
const NOW = new Date('2026-11-29T04:00:00.000Z');
let cwA: Record<string, string>;
let adminA: Record<string, string>;
let cwB: Record<string, string>;
let file: StudentFile;

const request = (kind: 'access' | 'correct' | 'delete', extra: object = {}) => ({
  kind,
  guardianName: '监护人A1',
  guardianRelation: '母亲',
  receivedVia: 'in_person',
  receivedOn: '2026-11-28',
  details: '希望看看机构保存了孩子的哪些资料',
  ...extra,
});
const post = (url: string, headers: Record<string, string>, payload: object = {}, lang = 'zh-CN') =>
  t.app.inject({ method: 'POST', url, headers: { ...headers, 'accept-language': lang }, payload });
const record = async (studentId: string, kind: 'access' | 'correct' | 'delete', extra: object = {}) => {
  const res = await post(`/api/staff/students/${studentId}/guardian-requests`, cwA, request(kind, extra));
  expect(res.statusCode).toBe(201);
  return res.json<GuardianRequestView>();
};
const auditOf = (entityId: string) =>
  t.app.db.selectFrom('audit_log').select(['action', 'actor_account_id', 'reason', 'detail']).where('entity_id', '=', entityId).orderBy('id').execute();
const ledgerTotals = (sponsorshipId: string) =>
  t.app.db
    .selectFrom('ledger_entries')
    .select((eb) => ['kind', eb.fn.sum<number>('amount_fen').as('total'), eb.fn.countAll<number>().as('entries')])
    .where('sponsorship_id', '=', sponsorshipId)
    .groupBy('kind')
    .orderBy('kind')
    .execute()
    .then((rows) => rows.map((r) => ({ kind: r.kind, total: Number(r.total), entries: Number(r.entries) })));

const TEXT_TABLES = [
  'students', 'student_contacts', 'guardian_consents', 'guardian_requests', 'handovers', 'letters', 'letter_events', 'letter_photos', 'uploads', 'checkins',
  'term_reports', 'wellbeing_flags', 'wellbeing_actions', 'alerts', 'contact_attempts', 'caseworker_tasks', 'ngo_notices', 'ledger_entries', 'notifications',
  'outbox_messages', 'audit_log',
] as const;
async function everythingStored(): Promise<string> {
  const dumps = await Promise.all(TEXT_TABLES.map((table) => t.app.db.selectFrom(table).selectAll().execute()));
  return JSON.stringify(dumps);
}

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await insertWorld(t.app.db);
  cwA = await bearerFor(t.app.db, 'acc-cw-a', NOW);
  adminA = await bearerFor(t.app.db, 'acc-admin-a', NOW);
  cwB = await bearerFor(t.app.db, 'acc-cw-b', NOW);
  file = await insertStudentFile(t.app.db, t.app.files, { studentId: 'student-a1', sponsorshipId: 'sp-1', sponsorAccountId: 'acc-sponsor-1', studentAccountId: 'acc-student-a1', staffId: 'staff-cw-a', tag: 'A1' });
});
afterAll(() => t.close());

describe('only staff of the student’s own NGO handle a guardian’s requests', () => {
  test('another NGO’s caseworker gets 404 for the student and for every step of a request; sponsors and students are refused', async () => {
    const mine = await record('student-a1', 'delete');
    expect((await post('/api/staff/students/student-a1/guardian-requests', cwB, request('access'))).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/staff/students/student-a1/guardian-requests', headers: cwB })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/staff/guardian-requests/${mine.id}`, headers: cwB })).statusCode).toBe(404);
    for (const step of ['data-package', 'erase', 'complete']) expect((await post(`/api/staff/guardian-requests/${mine.id}/${step}`, cwB)).statusCode).toBe(404);
    expect((await post(`/api/staff/guardian-requests/${mine.id}/refuse`, cwB, { reason: '不是本机构的学生' })).statusCode).toBe(404);
    expect((await post(`/api/staff/guardian-requests/${mine.id}/correction`, cwB, { schoolName: '别的学校' })).statusCode).toBe(404);
    for (const account of ['acc-sponsor-1', 'acc-student-a1']) {
      const headers = await bearerFor(t.app.db, account, NOW);
      expect((await post('/api/staff/students/student-a1/guardian-requests', headers, request('access'))).statusCode).toBe(403);
      expect((await post(`/api/staff/guardian-requests/${mine.id}/erase`, headers)).statusCode).toBe(403);
    }
    const student = await t.app.db.selectFrom('students').select(['anonymised_at', 'legal_name']).where('id', '=', 'student-a1').executeTakeFirstOrThrow();
    expect(student).toEqual({ anonymised_at: null, legal_name: '吉克阿依' });
    expect((await t.app.db.selectFrom('guardian_requests').select('status').where('id', '=', mine.id).executeTakeFirstOrThrow()).status).toBe('received');
    // Left open on purpose: refused below, so later tests start from a clean slate.
    expect((await post(`/api/staff/guardian-requests/${mine.id}/refuse`, cwA, { reason: '监护人改变主意，撤回了申请' })).statusCode).toBe(200);
  });

  test('recording is audited with who, what, when and the guardian’s relationship, never the guardian’s name', async () => {
    const created = await record('student-a1', 'access');
    expect(created).toMatchObject({ status: 'received', kind: 'access', guardianRelation: '母亲', recordedByName: '张社工', actedAt: null });
    const [entry] = await auditOf(created.id);
    expect(entry).toMatchObject({ action: 'guardian_requests.receive', actor_account_id: 'acc-cw-a' });
    expect(JSON.parse(entry.detail!)).toEqual({ kind: 'access', guardianRelation: '母亲', receivedVia: 'in_person', receivedOn: '2026-11-28', matchesConsentOnFile: true });
    expect(entry.detail).not.toContain('监护人A1');
    const future = await post('/api/staff/students/student-a1/guardian-requests', cwA, request('access', { receivedOn: '2026-12-01' }), 'en-US');
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([{ field: 'body.receivedOn', message: 'cannot be a date after today' }]);
    const list = (await t.app.inject({ url: '/api/staff/students/student-a1/guardian-requests', headers: adminA })).json<GuardianRequestList>();
    expect(list.student).toMatchObject({ id: 'student-a1', legalName: '吉克阿依', anonymisedAt: null });
    expect(list.items.map((i) => i.id)).toContain(created.id);
    await post(`/api/staff/guardian-requests/${created.id}/refuse`, cwA, { reason: '重复登记' });
  });
});

describe('each kind of request is handled, step by step, in the audit log', () => {
  test('access: the data package holds the student’s record and letters, keeps back words that raised a safety flag, and the request completes only after it was produced', async () => {
    const req = await record('student-a1', 'access');
    const early = await post(`/api/staff/guardian-requests/${req.id}/complete`, cwA);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('GUARDIAN_REQUEST_NOT_ACTED');

    const res = await post(`/api/staff/guardian-requests/${req.id}/data-package`, cwA);
    expect(res.statusCode).toBe(200);
    const { request: acted, dataPackage } = res.json<DataPackageResponse>();
    expect(acted.status).toBe('in_progress');
    expect(dataPackage.student).toMatchObject({ id: 'student-a1', legalName: '吉克阿依', schoolName: '昭觉县民族中学', village: '解放沟村' });
    expect(dataPackage.student.photo?.url).toMatch(/^\/api\/files\//);
    expect(dataPackage.contacts.map((c) => c.name).sort()).toEqual(['班主任A1', '监护人A1']);
    expect(dataPackage.sponsorships[0].ledger.map((e) => e.amountFen)).toEqual([900000, 75000, 60000]); // by date, then as entered
    const letters = Object.fromEntries(dataPackage.letters.map((l) => [l.id, l]));
    expect(letters['A1-l1'].body).toContain('写于秋天');
    expect(letters['A1-l1'].photos).toHaveLength(1);
    expect(letters['A1-l2'].body).toContain('加油');
    expect(letters['A1-l3']).toBeUndefined(); // held: it never reached the student
    expect(letters['A1-l4'].body).toBeNull(); // raised a wellbeing flag
    expect(dataPackage.checkins.map((c) => c.note)).toEqual(['A1今天考了第一']); // a request to talk is a care record
    expect(dataPackage.withheld).toEqual({ safetyFlaggedTexts: 1, careRecords: 2 });
    expect(JSON.stringify(dataPackage)).not.toContain('不想活了');

    const done = await post(`/api/staff/guardian-requests/${req.id}/complete`, cwA, { note: '已打印交给母亲' });
    expect(done.json<GuardianRequestView>()).toMatchObject({ status: 'completed', closingNote: '已打印交给母亲', closedByName: '张社工' });
    expect((await auditOf(req.id)).map((a) => a.action)).toEqual(['guardian_requests.receive', 'guardian_requests.act', 'guardian_requests.complete']);
    expect(JSON.parse((await auditOf(req.id))[1].detail!)).toMatchObject({ kind: 'access', action: 'export', withheld: { safetyFlaggedTexts: 1 } });
    expect((await post(`/api/staff/guardian-requests/${req.id}/data-package`, cwA)).json().error.code).toBe('GUARDIAN_REQUEST_CLOSED');
  });

  test('correct: the usual student edit applies the correction, and its audit entry names the request', async () => {
    const req = await record('student-a1', 'correct');
    const wrongKind = await post(`/api/staff/guardian-requests/${req.id}/data-package`, cwA);
    expect(wrongKind.json().error.code).toBe('GUARDIAN_REQUEST_KIND');
    const res = await post(`/api/staff/guardian-requests/${req.id}/correction`, cwA, { schoolName: '昭觉中学', village: '三河村' });
    expect(res.statusCode).toBe(200);
    expect(res.json<GuardianRequestDetail>().request.status).toBe('in_progress');
    const student = await t.app.db.selectFrom('students').select(['school_name', 'village']).where('id', '=', 'student-a1').executeTakeFirstOrThrow();
    expect(student).toEqual({ school_name: '昭觉中学', village: '三河村' });
    const edit = await t.app.db.selectFrom('audit_log').select('detail').where('action', '=', 'students.update').where('student_id', '=', 'student-a1').executeTakeFirstOrThrow();
    expect(JSON.parse(edit.detail!)).toMatchObject({ fields: ['schoolName', 'village'], guardianRequestId: req.id });
    expect((await post(`/api/staff/guardian-requests/${req.id}/complete`, adminA)).json<GuardianRequestView>().status).toBe('completed');
    expect((await auditOf(req.id)).map((a) => a.action)).toEqual(['guardian_requests.receive', 'guardian_requests.act', 'guardian_requests.complete']);
  });

  test('refuse: a reason is required and audited; a refused request takes no further step', async () => {
    const req = await record('student-a1', 'correct');
    expect((await post(`/api/staff/guardian-requests/${req.id}/refuse`, cwA, { reason: '' })).statusCode).toBe(400);
    expect((await post(`/api/staff/guardian-requests/${req.id}/refuse`, cwA, { reason: '   ' })).statusCode).toBe(400);
    const refused = await post(`/api/staff/guardian-requests/${req.id}/refuse`, cwA, { reason: '无法核实申请人是学生的监护人' });
    expect(refused.json<GuardianRequestView>()).toMatchObject({ status: 'refused', closingNote: '无法核实申请人是学生的监护人' });
    const audit = await auditOf(req.id);
    expect(audit.map((a) => a.action)).toEqual(['guardian_requests.receive', 'guardian_requests.refuse']);
    expect(audit[1].reason).toBe('无法核实申请人是学生的监护人');
    const after = await post(`/api/staff/guardian-requests/${req.id}/correction`, cwA, { schoolName: '别的学校' });
    expect(after.json().error.code).toBe('GUARDIAN_REQUEST_CLOSED');
  });

  test('delete: refused while the student has an open lost-contact alert, since the child’s safety comes first', async () => {
    await insertStudent(t.app.db, { id: 'student-a9', caseworker: 'staff-cw-a' });
    await t.app.db.updateTable('students').set({ legal_name: '阿果', village: null, story: null }).where('id', '=', 'student-a9').execute();
    await insertAlert(t.app.db, { id: 'alert-a9', studentId: 'student-a9', ngoId: 'ngo-a', assignee: 'staff-cw-a', openedAt: '2026-11-20T00:00:00.000Z' });
    const req = await record('student-a9', 'delete', { guardianName: '监护人A9' });
    const res = await post(`/api/staff/guardian-requests/${req.id}/erase`, cwA);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('STUDENT_OPEN_CARE');
    expect((await t.app.db.selectFrom('students').select('anonymised_at').where('id', '=', 'student-a9').executeTakeFirstOrThrow()).anonymised_at).toBeNull();
  });

  test('delete: the personal data goes everywhere it was kept, money totals and counts stay, the sponsorship ends and the sponsor is told gently', async () => {
    const totalsBefore = await ledgerTotals('sp-1');
    const lettersBefore = await t.app.db.selectFrom('letters').select('id').where('sponsorship_id', '=', 'sp-1').execute();
    for (const secret of file.secrets) expect(await everythingStored()).toContain(secret);
    const req = await record('student-a1', 'delete');

    const res = await post(`/api/staff/guardian-requests/${req.id}/erase`, cwA);
    expect(res.statusCode).toBe(200);
    const result = res.json<ErasureResult>();
    expect(result.erasedNow).toBe(true);
    expect(result.request).toMatchObject({ status: 'completed', guardianName: ANONYMISED.legalName, details: '' });
    expect(result.student).toMatchObject({ legalName: ANONYMISED.legalName, displayName: ANONYMISED.displayName, programStatus: 'left' });
    expect(result.counts).toMatchObject({ contacts: 2, letters: 4, photos: 3, checkinNotes: 2, termReports: 1, receipts: 1, sponsorshipsEnded: 1 });

    const stored = await everythingStored();
    for (const secret of [...file.secrets, '吉克阿依', '三河村']) expect({ secret, found: stored.includes(secret) }).toEqual({ secret, found: false });
    for (const key of file.fileKeys) expect(await t.app.files.get(key)).toBeNull();

    expect(await ledgerTotals('sp-1')).toEqual(totalsBefore);
    expect(await t.app.db.selectFrom('letters').select('id').where('sponsorship_id', '=', 'sp-1').execute()).toEqual(lettersBefore);
    const student = await t.app.db.selectFrom('students').selectAll().where('id', '=', 'student-a1').executeTakeFirstOrThrow();
    expect(student).toMatchObject({ date_of_birth: '2010-01-01', grade: 9, province: '四川', city: '凉山', yearly_need_fen: 300000, story: null, photo_key: null, anonymised_at: NOW.toISOString() });
    const sponsorship = await t.app.db.selectFrom('sponsorships').select(['status', 'end_reason', 'amount_fen']).where('id', '=', 'sp-1').executeTakeFirstOrThrow();
    expect(sponsorship).toEqual({ status: 'ended', end_reason: 'student_data_erased', amount_fen: 25000 });
    const told = await t.app.db.selectFrom('notifications').select(['kind', 'payload']).where('account_id', '=', 'acc-sponsor-1').execute();
    expect(told).toEqual([{ kind: 'sponsorship_closed', payload: JSON.stringify({ sponsorshipId: 'sp-1' }) }]);
    // The student's sign-in is gone.
    const sessions = await t.app.db.selectFrom('sessions').select('revoked_at').where('account_id', '=', 'acc-student-a1').execute();
    expect(sessions.every((s) => s.revoked_at !== null)).toBe(true);

    const audit = await auditOf(req.id);
    expect(audit.map((a) => a.action)).toEqual(['guardian_requests.receive', 'guardian_requests.act', 'guardian_requests.complete']);
    expect(JSON.parse(audit[1].detail!)).toMatchObject({ kind: 'delete', action: 'erasure', erasedNow: true, counts: { letters: 4 } });
    const anonymised = await t.app.db.selectFrom('audit_log').select(['actor_account_id', 'detail']).where('action', '=', 'students.anonymise').where('entity_id', '=', 'student-a1').execute();
    expect(anonymised).toHaveLength(1);
    expect(JSON.parse(anonymised[0].detail!)).toMatchObject({ kind: 'guardian_request', requestId: req.id });

    // The sponsor still reads the ledger of the sponsorship, with the same totals.
    const sponsor = await bearerFor(t.app.db, 'acc-sponsor-1', NOW);
    const ledger = await t.app.inject({ url: '/api/sponsor/sponsorships/sp-1/ledger', headers: sponsor });
    expect(ledger.statusCode).toBe(200);
    expect(JSON.stringify(ledger.json())).not.toContain('吉克阿依');

    // A second deletion request for the same student completes without erasing anything again.
    const again = await record('student-a1', 'delete');
    const second = (await post(`/api/staff/guardian-requests/${again.id}/erase`, cwA)).json<ErasureResult>();
    expect(second).toMatchObject({ erasedNow: false, request: { status: 'completed' }, counts: { letters: 0 } });
    expect(await t.app.db.selectFrom('audit_log').select('id').where('action', '=', 'students.anonymise').where('entity_id', '=', 'student-a1').execute()).toHaveLength(1);
    // And a correction after erasure is refused.
    const fix = await record('student-a1', 'correct');
    expect((await post(`/api/staff/guardian-requests/${fix.id}/correction`, cwA, { schoolName: '新学校' })).json().error.code).toBe('STUDENT_ANONYMISED');
  });
});
