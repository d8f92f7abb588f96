import fc from 'fast-check';
import type { Db } from '../../db/connect';
import { insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { runSweep } from './sweep';
import { at, DAY, dueAt } from './test-support';

jest.setTimeout(240_000);

const BASE = new Date('2026-12-01T00:00:00.000Z');
// ngo-a (14-day cadence) students with and without an account and sponsor; ngo-b on the default policy.
const STUDENTS = ['student-a1', 'student-a2', 'student-a3', 'student-b1'];
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, BASE);
  await insertWorld(t.app.db);
});
afterAll(() => t.close());

async function reset(db: Db, dues: number[]) {
  for (const table of ['notifications', 'caseworker_tasks', 'alerts', 'silence_steps', 'silence_episodes'] as const) await db.deleteFrom(table).execute();
  for (const [i, id] of STUDENTS.entries()) await dueAt(db, id, at(BASE, dues[i]));
}

/**
 * Everything the ladder decided, without the instants a sweep stamps (performed_at, opened_at,
 * SLA deadlines counted from when the alert really opened) and without escalations, which follow
 * from those deadlines.
 */
async function ladderState(db: Db) {
  const episodes = await db.selectFrom('silence_episodes').select(['id', 'student_id', 'due_at', 'closed_at']).execute();
  const episode = new Map(episodes.map((e) => [e.id, `${e.student_id}@${e.due_at}`]));
  const steps = await db.selectFrom('silence_steps').select(['episode_id', 'step']).execute();
  const alerts = await db.selectFrom('alerts').select(['episode_id', 'status', 'assigned_staff_id']).execute();
  const tasks = await db.selectFrom('caseworker_tasks').select(['student_id', 'kind', 'status', 'due_at']).execute();
  const notices = await db.selectFrom('notifications').select(['account_id', 'kind', 'payload']).where('kind', '<>', 'alert_escalated').execute();
  const students = await db.selectFrom('students').select(['id', 'ladder_next_at']).orderBy('id').execute();
  const lines = notices.map((n) => `${n.account_id} ${n.kind} ${(JSON.parse(n.payload) as { step?: string }).step ?? ''}`).sort();
  return {
    episodes: episodes.map((e) => `${episode.get(e.id)} ${e.closed_at === null ? 'open' : 'closed'}`).sort(),
    steps: steps.map((s) => `${episode.get(s.episode_id)} ${s.step}`).sort(),
    alerts: alerts.map((a) => `${episode.get(a.episode_id!)} ${a.status} ${a.assigned_staff_id}`).sort(),
    tasks: tasks.map((x) => `${x.student_id} ${x.kind} ${x.status} ${x.due_at}`).sort(),
    notices: lines.filter((line) => !line.includes(' checkin_reminder ')),
    reminders: lines.filter((line) => line.includes(' checkin_reminder ')),
    students,
  };
}

/**
 * Reminders are the one deliberate difference: nudges that fall due together are sent as the latest
 * alone, so sweeps run in steps may remind more often than one late sweep, never less.
 */
test('any sequence of sweeps at increasing times ends where one sweep at the last time does', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.integer({ min: -40 * DAY, max: 10 * DAY }), { minLength: STUDENTS.length, maxLength: STUDENTS.length }),
      fc.array(fc.integer({ min: 0, max: 45 * DAY }), { minLength: 1, maxLength: 6 }),
      async (dues, offsets) => {
        const times = [...offsets].sort((a, b) => a - b).map((ms) => at(BASE, ms));
        await reset(t.app.db, dues);
        for (const now of times) await runSweep(t.app.db, t.app.dialect, now);
        const stepwise = await ladderState(t.app.db);

        await reset(t.app.db, dues);
        await runSweep(t.app.db, t.app.dialect, times[times.length - 1]);
        const { reminders, ...once } = await ladderState(t.app.db);
        const { reminders: steppedReminders, ...stepped } = stepwise;
        expect(stepped).toEqual(once);
        expect(steppedReminders).toEqual(expect.arrayContaining(reminders));
        expect(new Set(reminders.map((line) => line.split(' ')[0])).size).toBe(reminders.length);
      },
    ),
    { numRuns: 15 },
  );
});
