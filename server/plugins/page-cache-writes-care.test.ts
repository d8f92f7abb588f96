import type { FastifyInstance } from 'fastify';
import { ANONYMISED } from '../../domain/privacy/guardian-requests';
import { insertAlert } from '../features/care/care-fixtures';
import { runSweep } from '../features/silence/sweep';
import { bearerFor, insertWorld } from '../test/fixtures';
import { createTestApp, type TestApp } from '../test/test-app';
import { CLOCK_SLICE_MS } from './page-cache';
import { keepPage, keepPages, pageOf, readAfterWrite } from './page-cache-test-support';

/**
 * After every write about the student, their care or the sponsorship itself, the sponsor's next read
 * shows it, on the instance that kept the pages (A) and on the one that wrote (B). The versions come
 * from the triggers of migration 015 on `students`, `checkins`, `term_reports`, `alerts`,
 * `ngo_notices` and `sponsorships` itself (and the access rule for a withdrawn consent).
 */
jest.setTimeout(30_000);

let t: TestApp;
let a: FastifyInstance;
let b: FastifyInstance;
const as: Record<string, Record<string, string>> = {};
const NOW = new Date('2026-11-29T04:00:00.000Z');

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  a = t.app;
  b = await t.anotherInstance();
  await insertWorld(a.db);
  // sp-2 (student-b1 of ngo-b) ends within the renewal window, before the student graduates.
  await a.db.updateTable('sponsorships').set({ end_date: '2027-01-31' }).where('id', '=', 'sp-2').execute();
  // student-a2 (sp-3) has been silent since 2026-10-01: the sweep's ladder is due for them.
  await a.db.updateTable('students').set({ ladder_next_at: '2026-10-01T00:00:00.000Z' }).where('id', '=', 'student-a2').execute();
  for (const account of ['acc-sponsor-1', 'acc-sponsor-2', 'acc-student-a1', 'acc-student-a2', 'acc-cw-a', 'acc-cw-a2', 'acc-cw-b', 'acc-admin-a']) {
    as[account] = await bearerFor(a.db, account, NOW);
  }
}, 60_000);
afterAll(() => t.close());

const post = (who: string, url: string, payload?: object) => b.inject({ method: 'POST', url, payload, headers: as[who] });
const sponsor1 = () => as['acc-sponsor-1'];
const sponsor2 = () => as['acc-sponsor-2'];

test('a check-in by the student: on the timeline, and the detail’s last heard and next expected move', async () => {
  const kept = await keepPages(a, 'sp-1', ['detail', 'timeline'], sponsor1());
  expect(kept.detail.body).toMatchObject({ lastHeardAt: null, nextExpectedAt: '2026-12-20T00:00:00.000Z' });
  const res = await post('acc-student-a1', '/api/student/checkins', { kind: 'doing_well', mood: 4 });
  expect(res.statusCode).toBe(201);

  expect((await readAfterWrite(a, b, kept.timeline, sponsor1())).items[0]).toMatchObject({ kind: 'checkin', id: res.json().id, mood: 'doing_well' });
  expect(await readAfterWrite(a, b, kept.detail, sponsor1())).toMatchObject({ lastHeardAt: NOW.toISOString(), nextExpectedAt: '2026-12-13T04:00:00.000Z' });
});

test('a term report by the caseworker is on the timeline', async () => {
  const kept = await keepPage(a, pageOf.timeline('sp-1'), sponsor1());
  const res = await post('acc-cw-a', '/api/staff/students/student-a1/term-reports', { term: '2025-2026-2', grade: 9, overallResult: '数学进步很大' });
  expect(res.statusCode).toBe(201);
  const item = (await readAfterWrite(a, b, kept, sponsor1())).items.find((i: { kind: string }) => i.kind === 'term_report');
  expect(item).toMatchObject({ term: '2025-2026-2', grade: 9, overallResult: '数学进步很大' });
});

test('an NGO notice to all its sponsors (the NGO’s version) and one about a student are on the timelines they concern', async () => {
  // No route writes notices yet: they are written as the NGO's tools would, on instance B.
  const notice = (id: string, studentId: string | null, text: string) =>
    b.db.insertInto('ngo_notices').values({ id, ngo_id: 'ngo-a', student_id: studentId, text, created_at: NOW.toISOString() }).execute();
  const texts = (page: { items: { kind: string; text?: string }[] }) => page.items.filter((i) => i.kind === 'ngo_notice').map((i) => i.text);

  let one = await keepPage(a, pageOf.timeline('sp-1'), sponsor1());
  let other = await keepPage(a, pageOf.timeline('sp-3'), sponsor2());
  await notice('notice-all', null, '寒假前我们会给每位同学送去冬衣。');
  expect(texts(await readAfterWrite(a, b, one, sponsor1()))).toEqual(['寒假前我们会给每位同学送去冬衣。']);
  expect(texts(await readAfterWrite(a, b, other, sponsor2()))).toEqual(['寒假前我们会给每位同学送去冬衣。']);

  one = await keepPage(a, pageOf.timeline('sp-1'), sponsor1());
  other = await keepPage(a, pageOf.timeline('sp-3'), sponsor2());
  await notice('notice-a1', 'student-a1', '阿依这学期当选了班长。');
  expect(texts(await readAfterWrite(a, b, one, sponsor1())).sort()).toEqual(['寒假前我们会给每位同学送去冬衣。', '阿依这学期当选了班长。'].sort());
  // The other sponsor's page did not change: 304 to its ETag.
  expect((await a.inject({ url: other.url, headers: { ...sponsor2(), 'if-none-match': other.etag } })).statusCode).toBe(304);
});

test('the student’s grade and display name changed by staff are on the detail and the letters page', async () => {
  const letter = await a.inject({ method: 'POST', url: '/api/letters', headers: as['acc-student-a1'], payload: { sponsorshipId: 'sp-1', body: '王老师好！我们期末考试结束了。' } });
  expect(letter.json().status).toBe('delivered');
  const kept = await keepPages(a, 'sp-1', ['detail', 'letters'], sponsor1());
  expect(kept.detail.body.student).toMatchObject({ grade: 9, displayName: '阿依' });
  expect(kept.letters.body.items[0]).toMatchObject({ id: letter.json().id, counterpartName: '阿依' });
  const res = await post('acc-cw-a', '/api/staff/students/student-a1', { grade: 10, displayName: '小依' });
  expect(res.statusCode).toBe(200);
  expect((await readAfterWrite(a, b, kept.detail, sponsor1())).student).toMatchObject({ grade: 10, displayName: '小依' });
  expect((await readAfterWrite(a, b, kept.letters, sponsor1())).items[0]).toMatchObject({ id: letter.json().id, counterpartName: '小依' });
});

test('a renewal by the sponsor is on the detail', async () => {
  const kept = await keepPage(a, pageOf.detail('sp-2'), sponsor1());
  expect(kept.body).toMatchObject({ endDate: '2027-01-31', termYears: 3, renewal: { options: ['to_graduation', 'one_year'] } });
  const res = await post('acc-sponsor-1', '/api/sponsor/sponsorships/sp-2/renew', { option: 'one_year' });
  expect(res.statusCode).toBe(200);
  expect(await readAfterWrite(a, b, kept, sponsor1())).toMatchObject({ endDate: '2028-01-31', termYears: 4 });
});

describe('care', () => {
  let alertId: string;

  test('an alert opened by the sweep shows the sponsor that the NGO is checking in', async () => {
    const kept = await keepPage(a, pageOf.detail('sp-3'), sponsor2());
    expect(kept.body.care.state).toBe('in_touch');
    expect((await runSweep(b.db, b.dialect, NOW)).alertsOpened).toBe(1);
    alertId = (await b.db.selectFrom('alerts').select('id').where('student_id', '=', 'student-a2').executeTakeFirstOrThrow()).id;
    expect((await readAfterWrite(a, b, kept, sponsor2())).care).toMatchObject({ state: 'checking_in' });
  });

  test('the alert resolved by the caseworker shows the student back in touch', async () => {
    const kept = await keepPage(a, pageOf.detail('sp-3'), sponsor2());
    const res = await post('acc-cw-a2', `/api/staff/care/alerts/${alertId}/resolve`, { outcome: 'reached', note: '打通了电话，一切都好' });
    expect(res.statusCode).toBe(200);
    expect((await readAfterWrite(a, b, kept, sponsor2())).care).toMatchObject({ state: 'back_in_touch', since: NOW.toISOString() });
  });

  test('a pause decided by the caseworker is on the detail', async () => {
    await insertAlert(a.db, { id: 'alert-pause', studentId: 'student-a1', ngoId: 'ngo-a', assignee: 'staff-cw-a', openedAt: '2026-11-25T00:00:00.000Z' });
    const kept = await keepPage(a, pageOf.detail('sp-1'), sponsor1());
    expect(kept.body).toMatchObject({ status: 'active', care: { state: 'checking_in' } });
    const res = await post('acc-cw-a', '/api/staff/care/alerts/alert-pause/resolve', { outcome: 'paused', note: '生病休学', resumeOn: '2027-03-01' });
    expect(res.statusCode).toBe(200);
    expect(await readAfterWrite(a, b, kept, sponsor1())).toMatchObject({ status: 'paused', care: { state: 'in_touch' } });
  });

  // The detail's credibility panel is the NGO's yearly figures from the records of all its students:
  // no version of this sponsorship or of the NGO moves for a write about another student (that would
  // drop every page of the NGO at each letter or payment). Such a write is shown from the next time
  // slice on, at most 5 minutes later (docs/ARCHITECTURE.md).
  test('an alert of another student of the NGO acknowledged by a caseworker is in the detail’s credibility panel by the next time slice', async () => {
    await insertAlert(a.db, { id: 'alert-a3', studentId: 'student-a3', ngoId: 'ngo-a', assignee: 'staff-cw-a', openedAt: '2026-11-26T04:00:00.000Z' });
    const kept = await keepPage(a, pageOf.detail('sp-1'), sponsor1());
    const { sample } = kept.body.credibility.alertAckMedianHours;
    const res = await post('acc-cw-a', '/api/staff/care/alerts/alert-a3/acknowledge');
    expect(res.statusCode).toBe(200);
    t.clock.set(new Date(Math.ceil((NOW.getTime() + 1) / CLOCK_SLICE_MS) * CLOCK_SLICE_MS));
    try {
      expect((await readAfterWrite(a, b, kept, sponsor1())).credibility.alertAckMedianHours).toMatchObject({ sample: sample + 1 });
    } finally {
      t.clock.set(NOW);
    }
  });
});

test('a student who left the program: the detail says so; the sponsor ending it is on the detail', async () => {
  let kept = await keepPage(a, pageOf.detail('sp-2'), sponsor1());
  expect(kept.body.studentLeft).toBeNull();
  const res = await post('acc-cw-b', '/api/staff/students/student-b1/left', { reason: '随家人外出务工，已转学', returnExpected: false });
  expect(res.statusCode).toBe(204);
  expect((await readAfterWrite(a, b, kept, sponsor1())).studentLeft).toMatchObject({ returnExpected: false, remainingFen: expect.any(Number) });

  kept = await keepPage(a, pageOf.detail('sp-2'), sponsor1());
  const ended = await post('acc-sponsor-1', '/api/sponsor/sponsorships/sp-2/after-leaving', { choice: 'end' });
  expect(ended.statusCode).toBe(200);
  expect(await readAfterWrite(a, b, kept, sponsor1())).toMatchObject({ status: 'ended', studentLeft: null });
});

test('erasure of the student’s data: the letters lose their words and the detail its name', async () => {
  const letter = await a.inject({ method: 'POST', url: '/api/letters', headers: as['acc-student-a2'], payload: { sponsorshipId: 'sp-3', body: '陈叔叔好！我们学校的篮球队赢了。' } });
  expect(letter.json().status).toBe('delivered');
  const kept = await keepPages(a, 'sp-3', ['detail', 'letters', 'timeline'], sponsor2());
  const request = await post('acc-cw-a', '/api/staff/students/student-a2/guardian-requests', {
    kind: 'delete',
    guardianName: '监护人A2',
    guardianRelation: '母亲',
    receivedVia: 'in_person',
    receivedOn: '2026-11-28',
    details: '希望删除孩子的资料',
  });
  expect(request.statusCode).toBe(201);
  const erased = await post('acc-cw-a', `/api/staff/guardian-requests/${request.json().id}/erase`);
  expect(erased.json().erasedNow).toBe(true);

  const detail = await readAfterWrite(a, b, kept.detail, sponsor2());
  expect(detail).toMatchObject({ status: 'ended', student: { displayName: ANONYMISED.displayName } });
  const letters = await readAfterWrite(a, b, kept.letters, sponsor2());
  expect(letters.items.find((l: { id: string }) => l.id === letter.json().id)).toMatchObject({ counterpartName: ANONYMISED.displayName, preview: ANONYMISED.letterBody });
  const timeline = await readAfterWrite(a, b, kept.timeline, sponsor2());
  expect(timeline.items.find((i: { id: string }) => i.id === letter.json().id)).toMatchObject({ kind: 'letter', preview: ANONYMISED.letterBody });
});

test('a withdrawn guardian consent: every kept page of the sponsorship answers 404 at once', async () => {
  const consent = await post('acc-cw-a', '/api/staff/students/student-a1/consents', {
    guardianName: '吉克妈妈',
    relation: '母亲',
    consentedOn: '2026-11-20',
    method: 'in_person',
    scope: '同意展示昵称、年级、故事与照片给资助人',
    retainUntil: '2033-07-01',
  });
  expect(consent.statusCode).toBe(201);
  const kept = await keepPages(a, 'sp-1', ['detail', 'timeline', 'letters', 'ledger'], sponsor1());
  const withdrawn = await post('acc-cw-a', `/api/staff/students/student-a1/consents/${consent.json().id}/withdraw`, { reason: '家长改变主意' });
  expect(withdrawn.statusCode).toBe(200);

  for (const page of Object.values(kept)) {
    for (const app of [a, b]) {
      const res = await app.inject({ url: page.url, headers: { ...sponsor1(), 'if-none-match': page.etag } });
      // The letters list filters by sponsorship: nothing of it is left to list.
      if (page.url.startsWith('/api/letters')) expect([res.statusCode, res.json().items]).toEqual([200, []]);
      else expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('阿依');
    }
  }
});
