import type { StudentTermReports, TermReportView } from '../../../domain/api/students';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { welcomeTerms } from './terms';

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

test('terms: a report is welcome from three weeks before a term ends to 150 days after', () => {
  expect(welcomeTerms('2026-11-29')).toEqual(['2026-spring']);
  expect(welcomeTerms('2027-01-10')).toEqual(['2026-autumn']);
  expect(welcomeTerms('2027-06-20')).toEqual(['2026-autumn', '2027-spring']);
  expect(welcomeTerms('2027-12-20')).toEqual([]);
});

test('the student writes a report; the sponsor is told once and sees who wrote it', async () => {
  const before = await t.app.inject({ url: '/api/student/term-reports', headers: student });
  expect(before.json<StudentTermReports>()).toEqual({ items: [], dueTerms: ['2026-spring'] });

  const res = await post('/api/student/term-reports', student, { term: '2026-spring', grade: 9, overallResult: '进步了十名' });
  expect(res.statusCode).toBe(201);
  expect(res.json<TermReportView>()).toMatchObject({ term: '2026-spring', authoredBy: 'student', photoUrl: null });

  const again = await post('/api/student/term-reports', student, { term: '2026-spring', grade: 9, overallResult: '再交一次' });
  expect(again.statusCode).toBe(409);
  expect(again.json().error.code).toBe('TERM_REPORT_EXISTS');
  const byStaff = await post('/api/staff/students/student-a1/term-reports', cw, { term: '2026-spring', grade: 9, overallResult: 'x' });
  expect(byStaff.json().error.code).toBe('TERM_REPORT_EXISTS');

  const notes = await t.app.db.selectFrom('notifications').selectAll().where('kind', '=', 'term_report_posted').execute();
  expect(notes).toHaveLength(1);
  expect(notes[0].account_id).toBe('acc-sponsor-1');
  expect(JSON.parse(notes[0].payload)).toEqual({ sponsorshipId: 'sp-1', term: '2026-spring', grade: 9 });

  const timeline = await t.app.inject({ url: '/api/sponsor/sponsorships/sp-1/timeline?limit=100', headers: sponsor });
  const item = timeline.json().items.find((i: { kind: string }) => i.kind === 'term_report');
  expect(item).toMatchObject({ term: '2026-spring', grade: 9, overallResult: '进步了十名', authoredBy: 'student' });

  const after = await t.app.inject({ url: '/api/student/term-reports', headers: student });
  expect(after.json<StudentTermReports>().dueTerms).toEqual([]);
});

test('a caseworker enters a report on the student’s behalf, marked as such; other NGOs 404, sponsors 403', async () => {
  const res = await post('/api/staff/students/student-a2/term-reports', cw, { term: '2026-spring', grade: 9, overallResult: '数学满分' });
  expect(res.statusCode).toBe(201);
  expect(res.json<TermReportView>().authoredBy).toBe('caseworker');
  const row = await t.app.db.selectFrom('term_reports').selectAll().where('id', '=', res.json<TermReportView>().id).executeTakeFirstOrThrow();
  expect(row).toMatchObject({ authored_by: 'caseworker', author_account_id: 'acc-cw-a', student_id: 'student-a2' });
  const notes = await t.app.db.selectFrom('notifications').select('account_id').where('kind', '=', 'term_report_posted').where('account_id', '=', 'acc-sponsor-2').execute();
  expect(notes).toHaveLength(1);

  const cwB = await bearerFor(t.app.db, 'acc-cw-b', NOW);
  expect((await post('/api/staff/students/student-a2/term-reports', cwB, { term: '2026-autumn', grade: 9, overallResult: 'x' })).statusCode).toBe(404);
  expect((await post('/api/student/term-reports', sponsor, { term: '2026-autumn', grade: 9, overallResult: 'x' })).statusCode).toBe(403);
});

test('bad terms and someone else’s upload are refused', async () => {
  expect((await post('/api/student/term-reports', student, { term: 'spring', grade: 9, overallResult: 'x' })).statusCode).toBe(400);
  const res = await post('/api/student/term-reports', student, { term: '2025-autumn', grade: 8, overallResult: 'x', photoUploadId: 'nope' });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.code).toBe('UPLOAD_UNAVAILABLE');
});
