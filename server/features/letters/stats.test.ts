import { createTestApp, type TestApp } from '../../test/test-app';
import { insertWorld } from '../../test/fixtures';
import { ngoLetterStats } from './stats';

let t: TestApp;
const H = 3600_000;
const BASE = Date.parse('2026-10-01T00:00:00.000Z');
const at = (hours: number) => new Date(BASE + hours * H).toISOString();

/** A letter with its history: steps as [status, hours after BASE]. */
async function letter(id: string, sponsorshipId: string, steps: [string, number][]) {
  const last = steps[steps.length - 1];
  await t.app.db
    .insertInto('letters')
    .values({
      id,
      sponsorship_id: sponsorshipId,
      direction: 'to_student',
      author_account_id: 'acc-sponsor-1',
      in_reply_to: null,
      body: '你好',
      status: last[0] as 'delivered',
      status_changed_at: at(last[1]),
      created_at: at(steps[0][1]),
    })
    .execute();
  let from: string | null = null;
  for (const [i, [status, hours]] of steps.entries()) {
    await t.app.db
      .insertInto('letter_events')
      .values({ id: `${id}-e${i}`, letter_id: id, from_status: from, to_status: status, actor_account_id: null, reason: null, detail: null, created_at: at(hours), seq: i + 1 })
      .execute();
    from = status;
  }
}

beforeAll(async () => {
  t = await createTestApp();
  await insertWorld(t.app.db);
  // ngo-a (sp-1 → student-a1, sp-3 → student-a2)
  await letter('a-fast', 'sp-1', [['submitted', 0], ['screened', 0], ['delivered', 0]]);
  await letter('a-held', 'sp-3', [['submitted', 10], ['screened', 10], ['held', 10], ['approved', 40], ['delivered', 40]]);
  await letter('a-returned', 'sp-1', [['submitted', 20], ['screened', 20], ['held', 20], ['returned', 30], ['submitted', 50], ['screened', 50], ['delivered', 50]]);
  await letter('a-waiting', 'sp-3', [['submitted', 60], ['screened', 60], ['held', 60]]);
  await letter('a-before', 'sp-1', [['submitted', -100], ['screened', -100], ['delivered', -100]]);
  // ngo-b (sp-2 → student-b1)
  await letter('b-one', 'sp-2', [['submitted', 5], ['screened', 5], ['delivered', 5]]);
});
afterAll(() => t.close());

it('counts an NGO’s letters in a window and the median hours from first submission to delivery', async () => {
  const stats = await ngoLetterStats(t.app.db, 'ngo-a', { from: new Date(BASE), to: new Date(BASE + 100 * H) });
  // Submitted: a-fast, a-held, a-returned, a-waiting (a resubmission is not a new letter).
  // Delivered: a-fast (0 h), a-held (30 h), a-returned (30 h after its first submission).
  expect(stats).toEqual({ submitted: 4, held: 3, delivered: 3, medianHoursToDelivery: 30 });
});

it('only looks inside the window and at the NGO’s own students', async () => {
  expect(await ngoLetterStats(t.app.db, 'ngo-a', { from: new Date(BASE + 45 * H), to: new Date(BASE + 100 * H) })).toEqual({
    submitted: 1,
    held: 1,
    delivered: 1,
    medianHoursToDelivery: 30,
  });
  expect(await ngoLetterStats(t.app.db, 'ngo-b', { from: new Date(BASE), to: new Date(BASE + 100 * H) })).toEqual({
    submitted: 1,
    held: 0,
    delivered: 1,
    medianHoursToDelivery: 0,
  });
  expect(await ngoLetterStats(t.app.db, 'ngo-a', { from: new Date(BASE + 1000 * H), to: new Date(BASE + 2000 * H) })).toEqual({
    submitted: 0,
    held: 0,
    delivered: 0,
    medianHoursToDelivery: null,
  });
});
