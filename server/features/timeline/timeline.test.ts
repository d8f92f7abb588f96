import { createTestApp, type TestApp } from '../../test/test-app';
import { bearerFor, insertWorld } from '../../test/fixtures';

let t: TestApp;
const as: Record<string, { authorization: string }> = {};
const day = (d: number, h = 0) => new Date(Date.UTC(2026, 9, d, h)).toISOString(); // October 2026

async function letter(id: string, sponsorshipId: string, direction: 'to_student' | 'to_sponsor', author: string, status: 'held' | 'delivered', at: string, body: string) {
  await t.app.db.insertInto('letters').values({ id, sponsorship_id: sponsorshipId, direction, author_account_id: author, in_reply_to: null, body, status, status_changed_at: at, created_at: at }).execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.app.db;
  await insertWorld(db);
  for (const a of ['acc-sponsor-1', 'acc-sponsor-2', 'acc-cw-a']) as[a] = await bearerFor(db, a);

  // sp-1: sponsor-1 → student-a1 (ngo-a), started 2025-09-01.
  await letter('l-own-held', 'sp-1', 'to_student', 'acc-sponsor-1', 'held', day(1), '我写给你的信');
  await letter('l-in', 'sp-1', 'to_sponsor', 'acc-student-a1', 'delivered', day(2), '我在昭觉县民族中学读书，一切都好');
  await t.app.db
    .insertInto('letter_events')
    .values({ id: 'l-in-approved', letter_id: 'l-in', from_status: 'held', to_status: 'approved', actor_account_id: 'acc-cw-a', reason: null, detail: JSON.stringify({ redactions: [{ start: 2, end: 9 }] }), created_at: day(2), seq: 1 })
    .execute();
  await letter('l-in-held', 'sp-1', 'to_sponsor', 'acc-student-a1', 'held', day(3), '还在审核的信');
  await letter('l-other', 'sp-3', 'to_sponsor', 'acc-student-a2', 'delivered', day(3), '别人的信');

  const checkin = (id: string, kind: 'doing_well' | 'busy_exams' | 'talk_to_caseworker', at: string, student = 'student-a1') =>
    db.insertInto('checkins').values({ id, student_id: student, kind, mood: null, note: kind === 'talk_to_caseworker' ? '想和老师聊聊' : null, recorded_by: 'acc-student-a1', created_at: at }).execute();
  await checkin('c-well', 'doing_well', day(4));
  await checkin('c-exams', 'busy_exams', day(5));
  await checkin('c-talk', 'talk_to_caseworker', day(6));
  await checkin('c-before', 'doing_well', '2025-08-01T00:00:00.000Z'); // before the sponsorship
  await checkin('c-tie', 'doing_well', day(9)); // same instant as a notice

  await db
    .insertInto('term_reports')
    .values({ id: 'tr-1', student_id: 'student-a1', term: '2025-2026-2', grade: 9, overall_result: '昭觉县民族中学年级前十', photo_key: null, authored_by: 'caseworker', author_account_id: 'acc-cw-a', created_at: day(7) })
    .execute();

  // Recorded at `at`, paid some days before.
  const disbursement = (id: string, sponsorshipId: string, at: string, paidOn: string) =>
    db
      .insertInto('ledger_entries')
      .values({ id, sponsorship_id: sponsorshipId, kind: 'disbursement', amount_fen: 50000, occurred_on: paidOn, category: 'tuition', payee: '昭觉县民族中学', payee_kind: 'school', description: '秋季学期学费', receipt_key: null, recorded_by: 'acc-admin-a', created_at: at })
      .execute();
  await disbursement('d-1', 'sp-1', day(8), '2026-09-01');
  await disbursement('d-other', 'sp-3', day(8), '2026-09-01');

  const notice = (id: string, ngoId: string, studentId: string | null, at: string, text: string) =>
    db.insertInto('ngo_notices').values({ id, ngo_id: ngoId, student_id: studentId, text, created_at: at }).execute();
  await notice('n-all', 'ngo-a', null, day(9), '期末考试前后学生们会比较忙。');
  await notice('n-a1', 'ngo-a', 'student-a1', day(10), '社工家访：一切都好。');
  await notice('n-a2', 'ngo-a', 'student-a2', day(10), '别的同学');
  await notice('n-b', 'ngo-b', null, day(10), '另一个机构');
});
afterAll(() => t.close());

const timeline = (who: string, id: string, query = '', lang = 'zh-CN') =>
  t.app.inject({ url: `/api/sponsor/sponsorships/${id}/timeline${query}`, headers: { ...as[who], 'accept-language': lang } });

const EXPECTED = ['n-a1', 'n-all', 'c-tie', 'd-1', 'tr-1', 'c-exams', 'c-well', 'l-in', 'l-own-held'];

it('merges every kind newest first (equal instants by kind), only the sponsor’s to see', async () => {
  const res = await timeline('acc-sponsor-1', 'sp-1', '?limit=100');
  expect(res.statusCode).toBe(200);
  const page = res.json();
  expect(page.items.map((i: { id: string }) => i.id)).toEqual(EXPECTED);
  expect(page.nextCursor).toBeNull();
  const byId = Object.fromEntries(page.items.map((i: { id: string }) => [i.id, i]));
  expect(byId['l-own-held']).toEqual({ kind: 'letter', id: 'l-own-held', at: day(1), letterId: 'l-own-held', direction: 'to_student', preview: '我写给你的信', photoCount: 0 });
  expect(byId['l-in']).toMatchObject({ direction: 'to_sponsor', preview: '我在■■■读书，一切都好' });
  expect(byId['c-exams']).toEqual({ kind: 'checkin', id: 'c-exams', at: day(5), mood: 'busy_exams' });
  expect(byId['tr-1']).toEqual({ kind: 'term_report', id: 'tr-1', at: day(7), term: '2025-2026-2', grade: 9, overallResult: '■■■年级前十', authoredBy: 'caseworker' });
  expect(byId['d-1']).toEqual({ kind: 'disbursement', id: 'd-1', at: day(8), paidOn: '2026-09-01', category: 'tuition', payeeLabel: '学校（学费）', amountFen: 50000 });
  expect(byId['n-a1']).toEqual({ kind: 'ngo_notice', id: 'n-a1', at: day(10), text: '社工家访：一切都好。' });
  expect(res.body).not.toContain('昭觉县民族中学');
  expect(res.body).not.toContain('吉克阿依');
});

it('never shows or hints at a request to talk to the caseworker', async () => {
  const body = (await timeline('acc-sponsor-1', 'sp-1', '?limit=100')).body;
  expect(body).not.toContain('c-talk');
  expect(body).not.toContain('talk_to_caseworker');
  expect(body).not.toContain('想和老师聊聊');
  expect(body).not.toContain(day(6));
});

it('pages across kinds with the cursor: every item once, in order, whatever the page size', async () => {
  for (const limit of [1, 2, 3, 4]) {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await timeline('acc-sponsor-1', 'sp-1', `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      const page = res.json() as { items: { id: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect([limit, seen]).toEqual([limit, EXPECTED]);
  }
});

it('labels payees in the caller’s language', async () => {
  const page = (await timeline('acc-sponsor-1', 'sp-1', '?limit=100', 'en-US')).json();
  expect(page.items.find((i: { id: string }) => i.id === 'd-1').payeeLabel).toBe('the school (tuition)');
});

it('is the sponsor’s own: another sponsor 404, staff 403, a bad cursor 400', async () => {
  expect((await timeline('acc-sponsor-2', 'sp-1')).statusCode).toBe(404);
  expect((await timeline('acc-sponsor-1', 'sp-3')).statusCode).toBe(404);
  expect((await timeline('acc-sponsor-1', 'nope')).statusCode).toBe(404);
  expect((await timeline('acc-cw-a', 'sp-1')).statusCode).toBe(403);
  expect((await timeline('acc-sponsor-1', 'sp-1', '?cursor=garbage')).statusCode).toBe(400);
  const sneaky = Buffer.from(JSON.stringify([day(9), 'talk', 'x'])).toString('base64url');
  expect((await timeline('acc-sponsor-1', 'sp-1', `?cursor=${sneaky}`)).statusCode).toBe(400);
  expect((await t.app.inject({ url: '/api/sponsor/sponsorships/sp-1/timeline' })).statusCode).toBe(401);
});

it('shows sponsor-2 only their own student’s items', async () => {
  const ids = (await timeline('acc-sponsor-2', 'sp-3', '?limit=100')).json().items.map((i: { id: string }) => i.id);
  expect(ids).toEqual(['n-a2', 'n-all', 'd-other', 'l-other']);
});
