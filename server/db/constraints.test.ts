import { createTestApp, type TestApp } from '../test/test-app';
import { insertWorld } from '../test/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await insertWorld(t.app.db);
});
afterAll(() => t.close());

const AT = '2026-11-01T00:00:00.000Z';

/**
 * better-sqlite3's native addon keeps the error class of the first test file that loaded it, so its
 * errors are not `instanceof Error` in later files; compare messages instead of using toThrow.
 */
async function expectRefused(statement: Promise<unknown>, reason: RegExp) {
  const outcome = await statement.then(
    () => 'accepted',
    (error: { message?: string }) => error.message ?? String(error),
  );
  expect(outcome).toMatch(reason);
}
const sponsorship = (id: string, status: 'reserved' | 'active' | 'paused' | 'completed' | 'ended', studentId = 'student-a3') => ({
  id,
  sponsor_id: 'sponsor-2',
  student_id: studentId,
  status,
  amount_fen: 30000,
  cadence: 'monthly' as const,
  term_years: 1,
  start_date: '2026-11-01',
  end_date: '2027-11-01',
  reserved_until: null,
  confirmed_at: null,
  ended_at: null,
  end_reason: null,
  created_at: AT,
  updated_at: AT,
});

describe('the database itself protects the domain', () => {
  it('allows at most one reserved, active or paused sponsorship per student', async () => {
    await t.app.db.insertInto('sponsorships').values(sponsorship('x-1', 'reserved')).execute();
    await expectRefused(t.app.db.insertInto('sponsorships').values(sponsorship('x-2', 'active')).execute(), /unique/i);
    await expectRefused(t.app.db.insertInto('sponsorships').values(sponsorship('x-3', 'paused')).execute(), /unique/i);
    // Finished sponsorships do not hold the student.
    await t.app.db.insertInto('sponsorships').values([sponsorship('x-4', 'ended'), sponsorship('x-5', 'completed')]).execute();
  });

  it('refuses a status outside the lifecycle and a non-positive amount', async () => {
    await expectRefused(t.app.db.insertInto('sponsorships').values({ ...sponsorship('x-6', 'ended'), status: 'cancelled' as 'ended' }).execute(), /check/i);
    await expectRefused(t.app.db.insertInto('sponsorships').values({ ...sponsorship('x-7', 'ended'), amount_fen: 0 }).execute(), /check/i);
  });

  it('refuses a sponsorship for a student that does not exist', async () => {
    await expectRefused(t.app.db.insertInto('sponsorships').values(sponsorship('x-8', 'ended', 'no-such-student')).execute(), /foreign key/i);
  });

  it('keeps the audit log append-only', async () => {
    await t.app.db
      .insertInto('audit_log')
      .values({ at: AT, actor_account_id: null, actor_role: null, action: 'test', entity_type: 'student', entity_id: 'student-a1', student_id: 'student-a1', reason: null, detail: null })
      .execute();
    await expectRefused(t.app.db.updateTable('audit_log').set({ action: 'rewritten' }).execute(), /append-only/);
    await expectRefused(t.app.db.deleteFrom('audit_log').execute(), /append-only/);
  });

  it('keeps one open silence episode per student and each ladder step once per episode', async () => {
    const episode = { id: 'ep-1', student_id: 'student-a2', due_at: '2026-10-01T00:00:00.000Z', opened_at: AT, closed_at: null, close_reason: null };
    await t.app.db.insertInto('silence_episodes').values(episode).execute();
    await expectRefused(t.app.db.insertInto('silence_episodes').values({ ...episode, id: 'ep-2', due_at: '2026-10-02T00:00:00.000Z' }).execute(), /unique/i);
    await t.app.db.insertInto('silence_steps').values({ id: 'st-1', episode_id: 'ep-1', step: 'nudge_1', performed_at: AT }).execute();
    await expectRefused(t.app.db.insertInto('silence_steps').values({ id: 'st-2', episode_id: 'ep-1', step: 'nudge_1', performed_at: AT }).execute(), /unique/i);
  });
});
