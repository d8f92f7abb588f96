import { insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { runSweep, type SweepReport } from './sweep';
import { at, DAY, HOUR, insertStudents, twoSweepsAtOnce } from './test-support';

jest.setTimeout(240_000);

const NOW = new Date('2026-12-20T00:00:00.000Z');
const STUDENTS = 10_000;
/** A quarter each: just due (nudge 1), 8 days over (+ nudge 2), 15 days (+ watch), 31 days (+ alert). */
const OVERDUE = [HOUR, 8 * DAY, 15 * DAY, 31 * DAY];
const STEPS_EACH = [1, 2, 3, 4];
const QUARTER = STUDENTS / 4;

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await insertWorld(t.app.db);
  await insertStudents(t.app.db, STUDENTS, (i) => at(NOW, -OVERDUE[i % 4]));
});
afterAll(() => t.close());

const count = async (table: 'silence_episodes' | 'silence_steps' | 'alerts' | 'caseworker_tasks' | 'notifications') =>
  Number((await t.app.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

test('two sweeps at once over 10,000 overdue students: every step and message exactly once, none missed', async () => {
  const reports = await twoSweepsAtOnce(t, NOW);
  const expectedSteps = STEPS_EACH.reduce((sum, n) => sum + n * QUARTER, 0);
  const sum = (key: keyof SweepReport) => reports.reduce((total, r) => total + r[key], 0);
  expect([sum('studentsSeen'), sum('episodesOpened'), sum('stepsPerformed'), sum('alertsOpened')]).toEqual([STUDENTS, STUDENTS, expectedSteps, QUARTER]);

  expect(await count('silence_episodes')).toBe(STUDENTS);
  expect(await count('silence_steps')).toBe(expectedSteps);
  expect(await count('alerts')).toBe(QUARTER);
  expect(await count('caseworker_tasks')).toBe(2 * QUARTER);
  // Reminders: one per student (when both nudges are overdue, only the latest goes); each alert tells the caseworker once.
  expect(await count('notifications')).toBe(4 * QUARTER + QUARTER);
  const perStudent = await t.app.db
    .selectFrom('notifications')
    .select(['account_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('kind', '=', 'checkin_reminder')
    .groupBy('account_id')
    .execute();
  const byCount = new Map<number, number>();
  for (const row of perStudent) byCount.set(Number(row.n), (byCount.get(Number(row.n)) ?? 0) + 1);
  expect(Object.fromEntries(byCount)).toEqual({ 1: 4 * QUARTER });

  const stillDue = await t.app.db.selectFrom('students').select('id').where('ladder_next_at', '<=', NOW.toISOString()).execute();
  expect(stillDue).toEqual([]);
  expect(await runSweep(t.app.db, t.app.dialect, NOW)).toMatchObject({ studentsSeen: 0, stepsPerformed: 0 });
});
