import type { StudentTermReports, TermReportView } from '../../../domain/api/students';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
const NOW = new Date('2026-11-29T04:00:00.000Z');
let student: Record<string, string>;
let cw: Record<string, string>;
let sponsor: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await insertWorld(t.app.db);
  student = await bearerFor(t.app.db, 'acc-student-a1', NOW);
  cw = await bearerFor(t.app.db, 'acc-cw-a', NOW);
  sponsor = await bearerFor(t.app.db, 'acc-sponsor-1', NOW);
});
afterAll(() => t.close());

const post = (url: string, headers: Record<string, string>, payload: object) => t.app.inject({ method: 'POST', url, headers, payload });

test('the student writes a report; the sponsor is told once and sees who wrote it', async () => {
  const before = await t.app.inject({ url: '/api/student/term-reports', headers: student });
  expect(before.json<StudentTermReports>()).toEqual({ items: [], dueTerms: ['2025-2026-2'], schoolStage: 'middle' });

  const res = await post('/api/student/term-reports', student, { term: '2025-2026-2', grade: 9, overallResult: '进步了十名' });
  expect(res.statusCode).toBe(201);
  expect(res.json<TermReportView>()).toMatchObject({ term: '2025-2026-2', authoredBy: 'student', photoUrl: null });

  const notes = await t.app.db.selectFrom('notifications').selectAll().where('kind', '=', 'term_report_posted').execute();
  expect(notes).toHaveLength(1);
  expect(notes[0].account_id).toBe('acc-sponsor-1');
  expect(JSON.parse(notes[0].payload)).toEqual({ sponsorshipId: 'sp-1', term: '2025-2026-2', grade: 9 });

  const timeline = await t.app.inject({ url: '/api/sponsor/sponsorships/sp-1/timeline?limit=100', headers: sponsor });
  const item = timeline.json().items.find((i: { kind: string }) => i.kind === 'term_report');
  expect(item).toMatchObject({ term: '2025-2026-2', grade: 9, overallResult: '进步了十名', authoredBy: 'student' });

  const after = await t.app.inject({ url: '/api/student/term-reports', headers: student });
  expect(after.json<StudentTermReports>().dueTerms).toEqual([]);
});

test('the list says the student’s school stage now, for naming grades in it', async () => {
  await t.app.db.updateTable('students').set({ school_stage: 'vocational' }).where('id', '=', 'student-a1').execute();
  try {
    const res = await t.app.inject({ url: '/api/student/term-reports', headers: student });
    expect(res.json<StudentTermReports>().schoolStage).toBe('vocational');
  } finally {
    await t.app.db.updateTable('students').set({ school_stage: 'middle' }).where('id', '=', 'student-a1').execute();
  }
});

test('a second report for a term is refused with 409 whichever form of the term it names', async () => {
  for (const [headers, url] of [
    [student, '/api/student/term-reports'],
    [cw, '/api/staff/students/student-a1/term-reports'],
  ] as const) {
    for (const term of ['2025-2026-2', '2026-spring', ' 2025-2026-2 ']) {
      const again = await post(url, { ...headers, 'accept-language': 'en-US' }, { term, grade: 9, overallResult: '再交一次' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({ code: 'TERM_REPORT_EXISTS', message: expect.stringContaining('contact the student') });
    }
  }
  const reports = await t.app.db.selectFrom('term_reports').select('term').where('student_id', '=', 'student-a1').execute();
  expect(reports).toEqual([{ term: '2025-2026-2' }]);
  expect(await t.app.db.selectFrom('notifications').select('id').where('kind', '=', 'term_report_posted').execute()).toHaveLength(1);
});

test('the older season form is stored as the school-year code', async () => {
  const res = await post('/api/student/term-reports', student, { term: '2025-autumn', grade: 9, overallResult: '上学期的' });
  expect(res.statusCode).toBe(201);
  expect(res.json<TermReportView>().term).toBe('2025-2026-1');
  const row = await t.app.db.selectFrom('term_reports').select('term').where('id', '=', res.json<TermReportView>().id).executeTakeFirstOrThrow();
  expect(row.term).toBe('2025-2026-1');
  // …and it is the same term as its code.
  expect((await post('/api/student/term-reports', student, { term: '2025-2026-1', grade: 9, overallResult: 'x' })).statusCode).toBe(409);
});

test('a caseworker enters a report on the student’s behalf, marked as such; other NGOs 404, sponsors 403', async () => {
  const res = await post('/api/staff/students/student-a2/term-reports', cw, { term: '2025-2026-2', grade: 9, overallResult: '数学满分' });
  expect(res.statusCode).toBe(201);
  expect(res.json<TermReportView>().authoredBy).toBe('caseworker');
  const row = await t.app.db.selectFrom('term_reports').selectAll().where('id', '=', res.json<TermReportView>().id).executeTakeFirstOrThrow();
  expect(row).toMatchObject({ authored_by: 'caseworker', author_account_id: 'acc-cw-a', student_id: 'student-a2' });
  const notes = await t.app.db.selectFrom('notifications').select('account_id').where('kind', '=', 'term_report_posted').where('account_id', '=', 'acc-sponsor-2').execute();
  expect(notes).toHaveLength(1);

  const cwB = await bearerFor(t.app.db, 'acc-cw-b', NOW);
  expect((await post('/api/staff/students/student-a2/term-reports', cwB, { term: '2026-2027-1', grade: 9, overallResult: 'x' })).statusCode).toBe(404);
  expect((await post('/api/student/term-reports', sponsor, { term: '2026-2027-1', grade: 9, overallResult: 'x' })).statusCode).toBe(403);
});

test('bad terms and someone else’s upload are refused', async () => {
  for (const term of ['spring', '2025-2027-1', '2025-2026-3', '2026-summer']) {
    const res = await post('/api/student/term-reports', student, { term, grade: 9, overallResult: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'body.term', message: expect.stringContaining('2025-2026-2') }]);
  }
  const res = await post('/api/student/term-reports', student, { term: '2024-2025-1', grade: 8, overallResult: 'x', photoUploadId: 'nope' });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.code).toBe('UPLOAD_UNAVAILABLE');
});
