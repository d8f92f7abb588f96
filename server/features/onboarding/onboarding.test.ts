import type { PoolPage, PoolStudentResponse } from '../../../domain/api/pool';
import type { ConsentView, CreateStudentBody, StaffStudentDetail, WithdrawConsentResponse } from '../../../domain/api/students';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { addWaitingStudent } from '../pool/test-fixtures';

let t: TestApp;
const NOW = new Date('2026-11-29T04:00:00.000Z');
let admin: Record<string, string>;
let cw: Record<string, string>;
let cwB: Record<string, string>;
let sponsor: Record<string, string>;
let sponsor2: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await insertWorld(t.app.db);
  // Two waiting students so that a taken answer has someone similar to offer.
  await addWaitingStudent(t.app.db, 'pool-x1');
  await addWaitingStudent(t.app.db, 'pool-x2');
  admin = await bearerFor(t.app.db, 'acc-admin-a', NOW);
  cw = await bearerFor(t.app.db, 'acc-cw-a', NOW);
  cwB = await bearerFor(t.app.db, 'acc-cw-b', NOW);
  sponsor = await bearerFor(t.app.db, 'acc-sponsor-1', NOW);
  sponsor2 = await bearerFor(t.app.db, 'acc-sponsor-2', NOW);
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url, headers: { ...headers, 'accept-language': 'en-US' }, ...(payload ? { payload } : {}) });

const NEW_STUDENT: CreateStudentBody = {
  legalName: '阿牛依果',
  displayName: '依果',
  dateOfBirth: '2014-03-02',
  schoolName: '美姑县第一小学',
  schoolStage: 'primary',
  grade: 6,
  expectedGraduation: '2032-07-01',
  province: '四川',
  city: '美姑',
  story: '喜欢跑步，想当体育老师。',
  caseworkerId: 'staff-cw-a',
  guardianContacts: [{ name: '阿牛木呷', relation: '母亲', phone: '13800001111' }],
  schoolContacts: [{ name: '王老师', phone: '13800002222' }],
  yearlyNeedFen: 200000,
};

async function auditCount(action: string, studentId: string) {
  const rows = await t.app.db.selectFrom('audit_log').select('id').where('action', '=', action).where('student_id', '=', studentId).execute();
  return rows.length;
}

async function poolIds(headers = sponsor) {
  const res = await call('GET', '/api/pool?limit=100', headers);
  expect(res.statusCode).toBe(200);
  return res.json<PoolPage>().items.map((s) => s.id);
}

describe('onboarding a student', () => {
  let id: string;

  test('a caseworker creates a student; the detail has contacts, caseworker, no consent, not in the pool', async () => {
    const res = await call('POST', '/api/staff/students', cw, NEW_STUDENT);
    expect(res.statusCode).toBe(201);
    const detail = res.json<StaffStudentDetail>();
    id = detail.id;
    expect(detail).toMatchObject({
      legalName: '阿牛依果',
      schoolName: '美姑县第一小学',
      age: 12,
      caseworker: { id: 'staff-cw-a', name: '张社工' },
      consentRequired: true,
      consentActive: false,
      storyApprovedAt: null,
      poolSince: null,
      invite: { state: 'none' },
      accountBound: false,
    });
    expect(detail.contacts.map((c) => [c.kind, c.name])).toEqual([
      ['guardian', '阿牛木呷'],
      ['school', '王老师'],
    ]);
    expect(detail.poolBlockers.sort()).toEqual(['consent_missing', 'story_not_approved']);
  });

  test('a caseworker of another NGO cannot be assigned', async () => {
    const res = await call('POST', '/api/staff/students', cw, { ...NEW_STUDENT, caseworkerId: 'staff-cw-b' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('CASEWORKER_INVALID');
  });

  test('every staff read of the record is audited', async () => {
    const before = await auditCount('students.read', id);
    expect((await call('GET', `/api/staff/students/${id}`, cw)).statusCode).toBe(200);
    expect((await call('GET', `/api/staff/students/${id}`, admin)).statusCode).toBe(200);
    expect(await auditCount('students.read', id)).toBe(before + 2);
  });

  test('another NGO answers 404, a sponsor or a student 403', async () => {
    expect((await call('GET', `/api/staff/students/${id}`, cwB)).statusCode).toBe(404);
    expect((await call('POST', `/api/staff/students/${id}`, cwB, { grade: 7 })).statusCode).toBe(404);
    expect((await call('POST', `/api/staff/students/${id}/consents`, cwB, consentBody())).statusCode).toBe(404);
    expect((await call('POST', `/api/staff/students/${id}/invites`, cwB)).statusCode).toBe(404);
    expect((await call('GET', `/api/staff/students/${id}`, sponsor)).statusCode).toBe(403);
    expect((await call('POST', '/api/staff/students', sponsor, NEW_STUDENT)).statusCode).toBe(403);
    const student = await bearerFor(t.app.db, 'acc-student-a1', NOW);
    expect((await call('GET', `/api/staff/students/${id}`, student)).statusCode).toBe(403);
  });

  test('unknown fields are refused', async () => {
    const res = await call('POST', `/api/staff/students/${id}`, cw, { grade: 7, schoolRank: 1 });
    expect(res.statusCode).toBe(400);
  });

  test('entering the pool lists what is missing; only an NGO admin approves stories and pools', async () => {
    expect((await call('POST', `/api/staff/students/${id}/pool`, cw)).statusCode).toBe(403);
    expect((await call('POST', `/api/staff/students/${id}/approve-story`, cw)).statusCode).toBe(403);
    const refused = await call('POST', `/api/staff/students/${id}/pool`, admin);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('POOL_REQUIREMENTS_MISSING');
    expect(refused.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['consent_missing', 'story_not_approved']);

    expect((await call('POST', `/api/staff/students/${id}/approve-story`, admin)).statusCode).toBe(200);
    const still = await call('POST', `/api/staff/students/${id}/pool`, admin);
    expect(still.json().error.details.map((d: { field: string }) => d.field)).toEqual(['consent_missing']);
    expect(await poolIds()).not.toContain(id);
  });

  let consentId: string;
  test('with a guardian consent the student enters the pool and sponsors find them', async () => {
    const res = await call('POST', `/api/staff/students/${id}/consents`, cw, consentBody());
    expect(res.statusCode).toBe(201);
    consentId = res.json<ConsentView>().id;
    expect(res.json<ConsentView>()).toMatchObject({ method: 'in_person', recordedBy: '张社工', withdrawnAt: null });
    const pooled = await call('POST', `/api/staff/students/${id}/pool`, admin);
    expect(pooled.statusCode).toBe(200);
    expect(pooled.json().poolSince).toBe(NOW.toISOString());
    expect(await poolIds()).toContain(id);
    const one = await call('GET', `/api/pool/${id}`, sponsor);
    expect(one.json<PoolStudentResponse>().availability).toBe('waiting');
  });

  test('editing the story withdraws its approval and takes the student out of the pool', async () => {
    const res = await call('POST', `/api/staff/students/${id}`, cw, { story: '喜欢跑步和画画。', grade: 6 });
    expect(res.statusCode).toBe(200);
    expect(res.json<StaffStudentDetail>()).toMatchObject({ story: '喜欢跑步和画画。', storyApprovedAt: null, poolSince: null });
    expect(await poolIds()).not.toContain(id);
    await call('POST', `/api/staff/students/${id}/approve-story`, admin);
    expect((await call('POST', `/api/staff/students/${id}/pool`, admin)).statusCode).toBe(200);
  });

  test('withdrawing consent hides the student at once, ends a live reservation and says what to do next', async () => {
    const reserve = await call('POST', '/api/pledges/reserve', sponsor2, { studentId: id, cadence: 'monthly' });
    expect(reserve.statusCode).toBe(201);
    const sponsorshipId = reserve.json().sponsorshipId as string;

    const res = await call('POST', `/api/staff/students/${id}/consents/${consentId}/withdraw`, cw, { reason: '家长改变主意' });
    expect(res.statusCode).toBe(200);
    const body = res.json<WithdrawConsentResponse>();
    expect(body).toMatchObject({ hiddenFromSponsors: true, removedFromPool: true });
    expect(body.consent.withdrawnReason).toBe('家长改变主意');
    expect(body.nextSteps.length).toBeGreaterThanOrEqual(2);
    expect(body.nextSteps.join(' ')).toMatch(/retention/i);

    const sp = await t.app.db.selectFrom('sponsorships').select(['status', 'end_reason']).where('id', '=', sponsorshipId).executeTakeFirstOrThrow();
    expect(sp).toEqual({ status: 'ended', end_reason: 'consent_withdrawn' });
    for (const headers of [sponsor, sponsor2]) {
      expect(await poolIds(headers)).not.toContain(id);
      const one = await call('GET', `/api/pool/${id}`, headers);
      expect(one.statusCode).toBe(200);
      const answer = one.json<PoolStudentResponse>();
      expect(answer.availability).toBe('taken');
      expect(JSON.stringify(answer)).not.toContain(id);
      expect(JSON.stringify(answer)).not.toContain('依果');
    }
    expect(await auditCount('consents.withdraw', id)).toBe(1);

    const again = await call('POST', `/api/staff/students/${id}/consents/${consentId}/withdraw`, cw, { reason: 'x' });
    expect(again.json().error.code).toBe('CONSENT_ALREADY_WITHDRAWN');
    const detail = (await call('GET', `/api/staff/students/${id}`, admin)).json<StaffStudentDetail>();
    expect(detail).toMatchObject({ consentActive: false, poolSince: null });
    const pool = await call('POST', `/api/staff/students/${id}/pool`, admin);
    expect(pool.json().error.details.map((d: { field: string }) => d.field)).toEqual(['consent_missing']);
  });

  test('nextSteps come in the caller language', async () => {
    const c = await call('POST', `/api/staff/students/${id}/consents`, cw, consentBody());
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/staff/students/${id}/consents/${c.json<ConsentView>().id}/withdraw`,
      headers: { ...cw, 'accept-language': 'zh-CN' },
      payload: { reason: '撤回' },
    });
    expect(res.json<WithdrawConsentResponse>().nextSteps.join('')).toMatch(/留存期限/);
  });
});

function consentBody() {
  return { guardianName: '阿牛木呷', relation: '母亲', consentedOn: '2026-11-20', method: 'in_person', scope: '同意展示昵称、年级、故事与照片给资助人', retainUntil: '2033-07-01' };
}
