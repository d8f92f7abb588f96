import type { QueuePage } from '../../../domain/api/care';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertAlert, insertTask } from './care-fixtures';

let t: TestApp;
const NOW = new Date('2026-11-29T04:00:00.000Z');
let cwA: Record<string, string>;
let cwA2: Record<string, string>;
let cwB: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  const db = t.app.db;
  await insertWorld(db);
  cwA = await bearerFor(db, 'acc-cw-a', NOW);
  cwA2 = await bearerFor(db, 'acc-cw-a2', NOW);
  cwB = await bearerFor(db, 'acc-cw-b', NOW);
  // al-1: cw-a2's, acknowledgement due 11-22. al-2: cw-a's, acknowledgement due 11-27.
  // al-3: cw-a's, escalated, acknowledged, first contact due 11-17. al-b: another NGO's.
  await insertAlert(db, { id: 'al-1', studentId: 'student-a2', ngoId: 'ngo-a', assignee: 'staff-cw-a2', openedAt: '2026-11-20T00:00:00.000Z' });
  await insertAlert(db, { id: 'al-2', studentId: 'student-a1', ngoId: 'ngo-a', assignee: 'staff-cw-a', openedAt: '2026-11-25T00:00:00.000Z' });
  await insertAlert(db, {
    id: 'al-3',
    studentId: 'student-a3',
    ngoId: 'ngo-a',
    assignee: 'staff-cw-a',
    openedAt: '2026-11-10T00:00:00.000Z',
    status: 'acknowledged',
    acknowledged_at: '2026-11-11T00:00:00.000Z',
    escalated_at: '2026-11-17T00:00:00.000Z',
  });
  await insertAlert(db, { id: 'al-b', studentId: 'student-b1', ngoId: 'ngo-b', assignee: 'staff-cw-b', openedAt: '2026-11-20T00:00:00.000Z' });
  await insertAlert(db, { id: 'al-old', studentId: 'student-a2', ngoId: 'ngo-a', assignee: 'staff-cw-a', openedAt: '2026-05-01T00:00:00.000Z', status: 'resolved' });
  await db.insertInto('contact_attempts').values({ id: 'att-1', alert_id: 'al-3', student_id: 'student-a3', staff_id: 'staff-cw-a', method: 'call', result: 'no_answer', note: null, attempted_at: '2026-11-12T00:00:00.000Z', created_at: '2026-11-12T00:00:00.000Z' }).execute();
  // Student a2 checked in after al-1 opened.
  await db.updateTable('students').set({ last_heard_at: '2026-11-21T00:00:00.000Z' }).where('id', '=', 'student-a2').execute();

  await insertTask(db, { id: 'task-watch', studentId: 'student-a1', ngoId: 'ngo-a', kind: 'watch', createdAt: '2026-11-20T00:00:00.000Z' });
  await insertTask(db, { id: 'task-talk-a2', studentId: 'student-a2', ngoId: 'ngo-a', kind: 'talk_request', createdAt: '2026-11-28T00:00:00.000Z', dueAt: '2026-11-30T00:00:00.000Z' });
  await insertTask(db, { id: 'task-talk-a1', studentId: 'student-a1', ngoId: 'ngo-a', kind: 'talk_request', createdAt: '2026-11-27T00:00:00.000Z', dueAt: '2026-12-01T00:00:00.000Z' });
  await insertTask(db, { id: 'task-exam', studentId: 'student-a3', ngoId: 'ngo-a', kind: 'exam_season', createdAt: '2026-06-26T00:00:00.000Z', detail: { exam: 'gaokao', year: 2026 } });
  await insertTask(db, { id: 'task-b', studentId: 'student-b1', ngoId: 'ngo-b', kind: 'watch', createdAt: '2026-11-20T00:00:00.000Z' });
  await insertTask(db, { id: 'task-done', studentId: 'student-a1', ngoId: 'ngo-a', kind: 'watch', createdAt: '2026-10-01T00:00:00.000Z' });
  await db.updateTable('caseworker_tasks').set({ status: 'done', done_at: '2026-10-02T00:00:00.000Z' }).where('id', '=', 'task-done').execute();
});
afterAll(() => t.close());

const queue = (query: string, headers = cwA) => t.app.inject({ url: `/api/staff/care/queue?${query}`, headers });
const ids = (page: QueuePage) => page.items.map((i) => i.id);

test('alerts: the caller’s own first, then escalated, then by the SLA deadline that comes next', async () => {
  const mine = await queue('tab=alerts');
  expect(mine.statusCode).toBe(200);
  expect(ids(mine.json<QueuePage>())).toEqual(['al-3', 'al-2', 'al-1']);
  const theirs = await queue('tab=alerts', cwA2);
  expect(ids(theirs.json<QueuePage>())).toEqual(['al-1', 'al-3', 'al-2']);
});

test('an alert row carries its countdown, attempts, and whether the student was heard from since it opened', async () => {
  const page = (await queue('tab=alerts')).json<QueuePage>();
  const byId = Object.fromEntries(page.items.map((i) => [i.id, i]));
  expect(byId['al-3']).toMatchObject({
    kind: 'alert',
    mine: true,
    status: 'acknowledged',
    attemptCount: 1,
    nextDeadline: { kind: 'first_contact', at: '2026-11-17T00:00:00.000Z' },
    student: { id: 'student-a3', legalName: '阿苏木呷' },
    assignee: { id: 'staff-cw-a', name: '张社工' },
  });
  expect(byId['al-1']).toMatchObject({ mine: false, heardSinceOpened: true, attemptCount: 0, nextDeadline: { kind: 'ack', at: '2026-11-22T00:00:00.000Z' } });
  expect(byId['al-2']).toMatchObject({ heardSinceOpened: false });
});

test('pages of one walk the same order with an opaque cursor; a forged cursor is a 400', async () => {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await queue(`tab=alerts&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
    const page: QueuePage = res.json();
    seen.push(...ids(page));
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toEqual(['al-3', 'al-2', 'al-1']);
  const bad = await queue('tab=alerts&cursor=not-a-cursor');
  expect(bad.statusCode).toBe(400);
  expect(bad.json().error.details[0].field).toBe('cursor');
});

test('filters: only escalated; only mine', async () => {
  expect(ids((await queue('tab=alerts&escalated=true')).json())).toEqual(['al-3']);
  expect(ids((await queue('tab=alerts&scope=mine')).json())).toEqual(['al-3', 'al-2']);
  expect(ids((await queue('tab=alerts&scope=mine', cwA2)).json())).toEqual(['al-1']);
});

test('task tabs: open tasks of the NGO, the caller’s students first, then by due time', async () => {
  expect(ids((await queue('tab=talk_request')).json())).toEqual(['task-talk-a1', 'task-talk-a2']);
  expect(ids((await queue('tab=talk_request', cwA2)).json())).toEqual(['task-talk-a2', 'task-talk-a1']);
  expect(ids((await queue('tab=watch')).json())).toEqual(['task-watch']);
  const exam = (await queue('tab=exam_season')).json<QueuePage>();
  expect(exam.items).toEqual([expect.objectContaining({ kind: 'task', taskKind: 'exam_season', exam: { exam: 'gaokao', year: 2026 }, mine: true, assignee: { id: 'staff-cw-a', name: '张社工' } })]);
  const pageOne = (await queue('tab=talk_request&limit=1')).json<QueuePage>();
  expect(ids((await queue(`tab=talk_request&limit=1&cursor=${pageOne.nextCursor}`)).json())).toEqual(['task-talk-a2']);
});

test('counts cover every tab of the NGO, or only the caller’s own with scope=mine', async () => {
  expect((await queue('tab=watch')).json<QueuePage>().counts).toEqual({ urgent: 0, concern: 0, alerts: 3, escalated: 1, watch: 1, exam_season: 1, talk_request: 2, mine: 5 });
  expect((await queue('tab=alerts&scope=mine', cwA2)).json<QueuePage>().counts).toEqual({ urgent: 0, concern: 0, alerts: 1, escalated: 0, watch: 0, exam_season: 0, talk_request: 1, mine: 2 });
});

test('another NGO’s caseworker sees only their own NGO; sponsors and students are refused', async () => {
  const b = (await queue('tab=alerts', cwB)).json<QueuePage>();
  expect(ids(b)).toEqual(['al-b']);
  expect(ids((await queue('tab=watch', cwB)).json())).toEqual(['task-b']);
  for (const account of ['acc-sponsor-1', 'acc-student-a1']) {
    const res = await queue('tab=alerts', await bearerFor(t.app.db, account, NOW));
    expect(res.statusCode).toBe(403);
  }
  expect((await t.app.inject({ url: '/api/staff/care/queue' })).statusCode).toBe(401);
});

test('a limit over 100 or an unknown tab is a 400', async () => {
  expect((await queue('limit=101')).statusCode).toBe(400);
  expect((await queue('tab=everything')).statusCode).toBe(400);
});
