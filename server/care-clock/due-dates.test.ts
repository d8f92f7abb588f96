import { insertWorld } from '../test/fixtures';
import { createTestApp, type TestApp } from '../test/test-app';
import { recomputeDueDates } from './due-dates';
import { recordHeardFrom } from './heard-from';

const NOW = new Date('2026-12-10T00:00:00.000Z');
const HEARD = '2026-12-01T12:00:00.000Z';
let t: TestApp;

beforeEach(async () => {
  t = await createTestApp({}, NOW);
  await insertWorld(t.app.db);
  // ngo-a now asks for a word every 30 days and keeps quiet over the New Year holidays (Shanghai dates).
  await t.app.db
    .updateTable('ngo_policies')
    .set({ checkin_cadence_days: 30, quiet_periods: JSON.stringify([{ name: '元旦', from: '2026-12-30', to: '2027-01-03' }]) })
    .where('ngo_id', '=', 'ngo-a')
    .execute();
});
afterEach(() => t.close());

const row = (id: string) =>
  t.app.db.selectFrom('students').select(['last_heard_at', 'next_due_at', 'ladder_next_at']).where('id', '=', id).executeTakeFirstOrThrow();

test('hearing from a student counts the NGO cadence from then and moves the due date past quiet periods', async () => {
  expect(await recordHeardFrom(t.app.db, 'student-a1', new Date('2026-11-25T00:00:00.000Z'))).toMatchObject({ nextDueAt: '2026-12-25T00:00:00.000Z' });
  // 30 days after HEARD is 20:00 on 31 December in Shanghai, inside the holiday: the same time on 4 January.
  expect(await recordHeardFrom(t.app.db, 'student-a1', new Date(HEARD))).toEqual({ lastHeardAt: HEARD, nextDueAt: '2027-01-04T12:00:00.000Z' });
  expect(await row('student-a1')).toEqual({ last_heard_at: HEARD, next_due_at: '2027-01-04T12:00:00.000Z', ladder_next_at: '2027-01-04T12:00:00.000Z' });
  expect(await recordHeardFrom(t.app.db, 'student-a1', new Date('2026-11-30T00:00:00.000Z'))).toBeNull();
});

test('a paused student heard from keeps a next due but stays off the ladder', async () => {
  await t.app.db.updateTable('students').set({ program_status: 'paused' }).where('id', '=', 'student-a2').execute();
  await recordHeardFrom(t.app.db, 'student-a2', new Date(HEARD));
  expect(await row('student-a2')).toMatchObject({ next_due_at: '2027-01-04T12:00:00.000Z', ladder_next_at: null });
});

test('after a policy change every heard-from student of the NGO gets its due dates again; a silence in progress goes back to the sweep', async () => {
  await t.app.db.updateTable('students').set({ last_heard_at: HEARD }).where('id', 'in', ['student-a1', 'student-a2', 'student-b1']).execute();
  await t.app.db.updateTable('students').set({ program_status: 'paused' }).where('id', '=', 'student-a2').execute();
  await t.app.db
    .insertInto('silence_episodes')
    .values({ id: 'ep-1', student_id: 'student-a1', due_at: '2026-12-02T00:00:00.000Z', opened_at: '2026-12-02T00:00:00.000Z', closed_at: null, close_reason: null })
    .execute();
  const before = await row('student-b1');

  expect(await recomputeDueDates(t.app.db, 'ngo-a', NOW)).toBe(2);
  expect(await row('student-a1')).toEqual({ last_heard_at: HEARD, next_due_at: '2027-01-04T12:00:00.000Z', ladder_next_at: NOW.toISOString() });
  expect(await row('student-a2')).toEqual({ last_heard_at: HEARD, next_due_at: '2027-01-04T12:00:00.000Z', ladder_next_at: null });
  // Never heard from: nothing to count from. Another NGO: untouched.
  expect(await row('student-a3')).toEqual({ last_heard_at: null, next_due_at: null, ladder_next_at: null });
  expect(await row('student-b1')).toEqual(before);
});
