import type { CaseView } from '../../../domain/api/care';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertAlert, insertContact, insertEpisodeWithSteps, insertTask } from './care-fixtures';

let t: TestApp;
const NOW = new Date('2026-11-29T04:00:00.000Z');
let cwA: Record<string, string>;
let cwB: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  const db = t.app.db;
  await insertWorld(db);
  cwA = await bearerFor(db, 'acc-cw-a', NOW);
  cwB = await bearerFor(db, 'acc-cw-b', NOW);
  await insertEpisodeWithSteps(db, {
    id: 'ep-1',
    studentId: 'student-a1',
    dueAt: '2026-10-26T00:00:00.000Z',
    steps: [
      ['nudge_1', '2026-10-26T00:01:00.000Z'],
      ['nudge_2', '2026-11-02T00:01:00.000Z'],
      ['watch', '2026-11-09T00:01:00.000Z'],
      ['alert', '2026-11-25T00:01:00.000Z'],
    ],
  });
  await insertAlert(db, { id: 'al-1', studentId: 'student-a1', ngoId: 'ngo-a', assignee: 'staff-cw-a', openedAt: '2026-11-25T00:01:00.000Z', episodeId: 'ep-1' });
  await insertAlert(db, { id: 'al-2', studentId: 'student-a2', ngoId: 'ngo-a', assignee: 'staff-cw-a2', openedAt: '2026-11-26T00:00:00.000Z' });
  await insertContact(db, { studentId: 'student-a1', kind: 'guardian', name: '吉克妈妈', phone: '13800001111' });
  await insertTask(db, { id: 'task-1', studentId: 'student-a1', ngoId: 'ngo-a', kind: 'talk_request', createdAt: '2026-11-28T00:00:00.000Z' });
  await db.insertInto('checkins').values({ id: 'ck-1', student_id: 'student-a1', kind: 'doing_well', mood: 4, note: null, recorded_by: 'acc-student-a1', created_at: '2026-10-01T00:00:00.000Z' }).execute();
});
afterAll(() => t.close());

const get = (id: string, headers = cwA) => t.app.inject({ url: `/api/staff/care/alerts/${id}`, headers });
const post = (path: string, payload?: object, headers = cwA) => t.app.inject({ method: 'POST', url: `/api/staff/care/${path}`, headers, payload: payload ?? {} });

test('a case: the alert, the student with contacts, the ladder history, recent activity, who to reassign or hand to; the read is audited', async () => {
  const res = await get('al-1');
  expect(res.statusCode).toBe(200);
  const view = res.json<CaseView>();
  expect(view.alert).toMatchObject({ id: 'al-1', status: 'open', mine: true, attemptCount: 0, outcome: null, nextDeadline: { kind: 'ack' } });
  expect(view.student).toMatchObject({ id: 'student-a1', legalName: '吉克阿依', schoolName: '昭觉县民族中学', village: '解放沟村', sponsorDisplayName: '北京的王老师' });
  expect(view.student.contacts).toEqual([expect.objectContaining({ kind: 'guardian', name: '吉克妈妈', phone: '13800001111' })]);
  expect(view.history.map((e) => e.kind)).toEqual(['step_nudge_1', 'step_nudge_2', 'step_watch', 'alert_opened']);
  expect(view.recent).toEqual([{ kind: 'checkin', at: '2026-10-01T00:00:00.000Z', summary: 'doing_well' }]);
  expect(view.caseworkers.map((c) => c.id).sort()).toEqual(['staff-cw-a', 'staff-cw-a2']);
  expect(view.partnerNgos).toEqual([{ id: 'ngo-b', name: '定西春苗', province: '甘肃' }]);
  expect(view.handover).toBeNull();
  const audit = await t.app.db.selectFrom('audit_log').select(['actor_account_id', 'student_id']).where('action', '=', 'alerts.read').where('entity_id', '=', 'al-1').execute();
  expect(audit).toEqual([{ actor_account_id: 'acc-cw-a', student_id: 'student-a1' }]);
});

test('another NGO’s caseworker gets 404 for the case and every action; sponsors and students 403', async () => {
  expect((await get('al-1', cwB)).statusCode).toBe(404);
  expect((await post('alerts/al-1/acknowledge', {}, cwB)).statusCode).toBe(404);
  expect((await post('alerts/al-1/attempts', { method: 'call', result: 'no_answer' }, cwB)).statusCode).toBe(404);
  expect((await post('alerts/al-1/resolve', { outcome: 'reached', note: '好' }, cwB)).statusCode).toBe(404);
  expect((await post('alerts/al-1/reassign', { staffId: 'staff-cw-b' }, cwB)).statusCode).toBe(404);
  expect((await post('tasks/task-1/done', {}, cwB)).statusCode).toBe(404);
  expect((await get('no-such-alert')).statusCode).toBe(404);
  for (const account of ['acc-sponsor-1', 'acc-student-a1']) {
    const headers = await bearerFor(t.app.db, account, NOW);
    expect((await get('al-1', headers)).statusCode).toBe(403);
    expect((await post('alerts/al-1/acknowledge', {}, headers)).statusCode).toBe(403);
  }
  const untouched = await t.app.db.selectFrom('alerts').select('status').where('id', '=', 'al-1').executeTakeFirstOrThrow();
  expect(untouched.status).toBe('open');
});

test('acknowledge once; a second time is a 409 that says so', async () => {
  t.clock.set(new Date('2026-11-29T05:00:00.000Z'));
  const res = await post('alerts/al-1/acknowledge');
  t.clock.set(NOW);
  expect(res.statusCode).toBe(200);
  expect(res.json<CaseView>().alert).toMatchObject({ status: 'acknowledged', acknowledgedAt: '2026-11-29T05:00:00.000Z', nextDeadline: { kind: 'first_contact' } });
  expect(res.json<CaseView>().history.at(-1)).toMatchObject({ kind: 'acknowledged', actorName: '张社工' });
  const again = await t.app.inject({ method: 'POST', url: '/api/staff/care/alerts/al-1/acknowledge', headers: { ...cwA, 'accept-language': 'en-US' }, payload: {} });
  expect(again.statusCode).toBe(409);
  expect(again.json().error).toMatchObject({ code: 'ALERT_ALREADY_ACKNOWLEDGED', message: expect.stringContaining('already been acknowledged') });
});

test('an attempt in the future or before the alert opened is refused at its field', async () => {
  for (const attemptedAt of ['2026-11-29T04:00:01.000Z', '2026-11-25T00:00:00.000Z']) {
    const res = await post('alerts/al-2/attempts', { method: 'call', result: 'no_answer', attemptedAt });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'ATTEMPT_TIME_INVALID', details: [{ field: 'body.attemptedAt' }] });
  }
  expect((await post('alerts/al-2/attempts', { method: 'pigeon', result: 'no_answer' })).statusCode).toBe(400);
  const attempts = await t.app.db.selectFrom('contact_attempts').select('id').where('alert_id', '=', 'al-2').execute();
  expect(attempts).toEqual([]);
});

test('an attempt at a leap second, which the date-time format allows but no clock records, is refused at its field', async () => {
  const res = await post('alerts/al-2/attempts', { method: 'call', result: 'no_answer', attemptedAt: '2026-11-28T23:59:60Z' });
  expect(res.statusCode).toBe(400);
  expect(res.json().error).toMatchObject({ code: 'ATTEMPT_TIME_INVALID', details: [{ field: 'body.attemptedAt' }] });
  expect(await t.app.db.selectFrom('contact_attempts').select('id').where('alert_id', '=', 'al-2').execute()).toEqual([]);
});

test('the first attempt acknowledges an open alert and is its first contact; reaching the student counts as hearing from them', async () => {
  const first = await post('alerts/al-2/attempts', { method: 'call', result: 'no_answer', note: '没人接', attemptedAt: '2026-11-27T02:00:00.000Z' });
  expect(first.statusCode).toBe(201);
  expect(first.json<CaseView>().alert).toMatchObject({
    status: 'acknowledged',
    acknowledgedAt: '2026-11-27T02:00:00.000Z',
    firstContactAt: '2026-11-27T02:00:00.000Z',
    attemptCount: 1,
    nextDeadline: null,
  });
  const reached = await post('alerts/al-2/attempts', { method: 'school', result: 'reached', note: '班主任联系上了' });
  expect(reached.statusCode).toBe(201);
  const view = reached.json<CaseView>();
  expect(view.attempts.map((a) => [a.method, a.result, a.staffName])).toEqual([
    ['school', 'reached', '张社工'],
    ['call', 'no_answer', '张社工'],
  ]);
  expect(view.alert).toMatchObject({ firstContactAt: '2026-11-27T02:00:00.000Z', heardSinceOpened: true, status: 'acknowledged' });
  expect(view.student.lastHeardAt).toBe(NOW.toISOString());
  expect(view.history.filter((e) => e.kind === 'attempt').map((e) => e.params)).toEqual([
    { method: 'call', result: 'no_answer' },
    { method: 'school', result: 'reached' },
  ]);
  // Reaching her is the caseworker's contact: the history records no check-in from the student.
  expect(view.history.map((e) => e.kind)).not.toContain('student_checked_in');
  expect(view.recent[0]).toEqual({ kind: 'contact', at: NOW.toISOString(), summary: 'school' });
  const audits = await t.app.db.selectFrom('audit_log').select('action').where('entity_id', '=', 'al-2').where('action', '=', 'alerts.attempt').execute();
  expect(audits).toHaveLength(2);
});

test('reassign only to a caseworker of the same NGO; the new one is told and the reason is audited', async () => {
  const other = await post('alerts/al-1/reassign', { staffId: 'staff-cw-b' });
  expect(other.statusCode).toBe(400);
  expect(other.json().error).toMatchObject({ code: 'CASEWORKER_INVALID', details: [{ field: 'body.staffId' }] });
  expect((await post('alerts/al-1/reassign', { staffId: 'staff-admin-a' })).statusCode).toBe(400);

  const res = await post('alerts/al-1/reassign', { staffId: 'staff-cw-a2', reason: '张社工休假' });
  expect(res.statusCode).toBe(200);
  const view = res.json<CaseView>();
  expect(view.alert).toMatchObject({ assignee: { id: 'staff-cw-a2', name: '刘社工' }, mine: false });
  expect(view.history.find((e) => e.kind === 'reassigned')).toMatchObject({ actorName: '张社工', params: { staffName: '刘社工', note: '张社工休假' } });
  const notices = await t.app.db.selectFrom('notifications').select(['kind', 'payload']).where('account_id', '=', 'acc-cw-a2').execute();
  expect(notices).toEqual([{ kind: 'alert_assigned', payload: expect.stringContaining('"alertId":"al-1"') }]);
  const audit = await t.app.db.selectFrom('audit_log').select(['reason', 'detail']).where('action', '=', 'alerts.reassign').executeTakeFirstOrThrow();
  expect(audit.reason).toBe('张社工休假');
  expect(JSON.parse(audit.detail!)).toMatchObject({ from: 'staff-cw-a', to: 'staff-cw-a2' });
});

test('a task is done once: by staff of its NGO, with a note; twice is a 409', async () => {
  const done = await post('tasks/task-1/done', { note: '已回电' });
  expect(done.statusCode).toBe(204);
  const task = await t.app.db.selectFrom('caseworker_tasks').select(['status', 'done_by', 'note', 'done_at']).where('id', '=', 'task-1').executeTakeFirstOrThrow();
  expect(task).toEqual({ status: 'done', done_by: 'staff-cw-a', note: '已回电', done_at: NOW.toISOString() });
  const again = await post('tasks/task-1/done', {});
  expect(again.statusCode).toBe(409);
  expect(again.json().error.code).toBe('TASK_ALREADY_DONE');
});
