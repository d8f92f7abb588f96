import type { CheckinCreated, CheckinPage } from '../../../domain/api/students';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
const NOW = new Date('2026-11-29T04:00:00.000Z');
let student: Record<string, string>;
let sponsor: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await insertWorld(t.app.db);
  student = await bearerFor(t.app.db, 'acc-student-a1', NOW);
  sponsor = await bearerFor(t.app.db, 'acc-sponsor-1', NOW);
});
afterAll(() => t.close());

const checkin = (payload: object, key?: string, headers = student) =>
  t.app.inject({ method: 'POST', url: '/api/student/checkins', headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) }, payload });

test('a check-in updates last heard and next due (ngo-a: 14 days)', async () => {
  const res = await checkin({ kind: 'busy_exams', mood: 3 });
  expect(res.statusCode).toBe(201);
  expect(res.json<CheckinCreated>()).toMatchObject({ createdAt: NOW.toISOString(), nextCheckinWelcomeAt: '2026-12-13T04:00:00.000Z' });
  const s = await t.app.db.selectFrom('students').select(['last_heard_at', 'next_due_at']).where('id', '=', 'student-a1').executeTakeFirstOrThrow();
  expect(s).toEqual({ last_heard_at: NOW.toISOString(), next_due_at: '2026-12-13T04:00:00.000Z' });
});

test('talk_to_caseworker opens a task, tells the caseworker, and is absent from every sponsor response', async () => {
  t.clock.set(new Date('2026-11-29T05:00:00.000Z'));
  const res = await checkin({ kind: 'talk_to_caseworker', note: 'SECRET-TALK-NOTE' });
  t.clock.set(NOW);
  expect(res.statusCode).toBe(201);
  const id = res.json<CheckinCreated>().id;
  const tasks = await t.app.db.selectFrom('caseworker_tasks').selectAll().where('student_id', '=', 'student-a1').execute();
  expect(tasks).toEqual([expect.objectContaining({ kind: 'talk_request', status: 'open', dedupe_key: `talk_request:${id}`, ngo_id: 'ngo-a' })]);
  const notes = await t.app.db.selectFrom('notifications').selectAll().where('kind', '=', 'talk_request').execute();
  expect(notes).toHaveLength(1);
  expect(notes[0].account_id).toBe('acc-cw-a');

  const urls = [
    '/api/sponsor/sponsorships?limit=100',
    '/api/sponsor/sponsorships/sp-1',
    '/api/sponsor/sponsorships/sp-1/timeline?limit=100',
    '/api/sponsor/sponsorships/sp-1/ledger',
    '/api/letters?limit=100',
    '/api/notifications?limit=100',
    '/api/pool?limit=100',
  ];
  for (const url of urls) {
    const r = await t.app.inject({ url, headers: sponsor });
    expect([url, r.statusCode]).toEqual([url, 200]);
    expect(r.body).not.toContain(id);
    expect(r.body).not.toContain('talk_to_caseworker');
    expect(r.body).not.toContain('talk_request');
    expect(r.body).not.toContain('SECRET-TALK-NOTE');
  }
  // The other check-in does reach the sponsor's timeline.
  const timeline = await t.app.inject({ url: '/api/sponsor/sponsorships/sp-1/timeline?limit=100', headers: sponsor });
  expect(timeline.body).toContain('busy_exams');
});

test('the same Idempotency-Key twice makes one check-in; the same key with another body is 422', async () => {
  const before = await t.app.db.selectFrom('checkins').select('id').where('student_id', '=', 'student-a1').execute();
  const first = await checkin({ kind: 'doing_well', mood: 5 }, 'ck-1');
  const replay = await checkin({ kind: 'doing_well', mood: 5 }, 'ck-1');
  expect(first.statusCode).toBe(201);
  expect(replay.statusCode).toBe(201);
  expect(replay.json().id).toBe(first.json().id);
  const after = await t.app.db.selectFrom('checkins').select('id').where('student_id', '=', 'student-a1').execute();
  expect(after.length).toBe(before.length + 1);
  const other = await checkin({ kind: 'doing_well', mood: 4 }, 'ck-1');
  expect(other.statusCode).toBe(422);
  expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
});

test('the student lists their own check-ins, newest first, paged', async () => {
  const page1 = await t.app.inject({ url: '/api/student/checkins?limit=2', headers: student });
  const body = page1.json<CheckinPage>();
  expect(body.items).toHaveLength(2);
  expect(body.nextCursor).not.toBeNull();
  const page2 = await t.app.inject({ url: `/api/student/checkins?limit=2&cursor=${body.nextCursor}`, headers: student });
  expect(page2.json<CheckinPage>().items).toHaveLength(1);
  const other = await bearerFor(t.app.db, 'acc-student-a2', NOW);
  expect((await t.app.inject({ url: '/api/student/checkins', headers: other })).json<CheckinPage>().items).toEqual([]);
});

test('validation and access: mood 1–5, note ≤ 200, no unknown fields; sponsors and staff 403', async () => {
  expect((await checkin({ kind: 'doing_well', mood: 6 })).statusCode).toBe(400);
  expect((await checkin({ kind: 'doing_well', note: 'x'.repeat(201) })).statusCode).toBe(400);
  expect((await checkin({ kind: 'doing_well', extra: 1 })).statusCode).toBe(400);
  expect((await checkin({ kind: 'doing_well' }, undefined, sponsor)).statusCode).toBe(403);
  expect((await checkin({ kind: 'doing_well' }, undefined, await bearerFor(t.app.db, 'acc-cw-a', NOW))).statusCode).toBe(403);
});
