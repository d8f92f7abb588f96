import { seedDemoData } from '../../db/seed';
import { bearerFor } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
const NOW = new Date('2026-11-29T04:00:00.000Z');

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await seedDemoData(t.app.db, { now: NOW });
}, 60_000);
afterAll(() => t.close());

it('shows the demo letters: the review queue, both sides’ lists and every letter’s history', async () => {
  const held = await t.app.db
    .selectFrom('letters')
    .innerJoin('sponsorships', 'sponsorships.id', 'letters.sponsorship_id')
    .innerJoin('students', 'students.id', 'sponsorships.student_id')
    .innerJoin('staff', 'staff.ngo_id', 'students.ngo_id')
    .select(['letters.id', 'staff.account_id'])
    .select((eb) => eb.exists(eb.selectFrom('wellbeing_flags').select('id').whereRef('wellbeing_flags.source_id', '=', 'letters.id')).as('for_care'))
    .where('letters.status', '=', 'held')
    .orderBy('letters.id')
    .execute();
  const forReview = held.filter((l) => !l.for_care);
  const forCare = held.filter((l) => l.for_care);
  expect([forReview.length > 0, forCare.length > 0]).toEqual([true, true]);
  const queue = await t.app.inject({ url: '/api/staff/letters/held?limit=100', headers: await bearerFor(t.app.db, forReview[0].account_id, NOW) });
  expect(queue.statusCode).toBe(200);
  expect(queue.json().items.map((l: { id: string }) => l.id)).toContain(forReview[0].id);
  // The letter held for the student's safety waits in the urgent queue, not among letters to review.
  const careQueue = await t.app.inject({ url: '/api/staff/letters/held?limit=100', headers: await bearerFor(t.app.db, forCare[0].account_id, NOW) });
  expect(careQueue.json().items.map((l: { id: string }) => l.id)).not.toContain(forCare[0].id);

  const sponsor = await t.app.db.selectFrom('sponsors').select('account_id').orderBy('id').limit(1).executeTakeFirstOrThrow();
  const auth = await bearerFor(t.app.db, sponsor.account_id, NOW);
  const list = await t.app.inject({ url: '/api/letters?limit=100', headers: auth });
  expect(list.statusCode).toBe(200);
  for (const letter of list.json().items) {
    const detail = await t.app.inject({ url: `/api/letters/${letter.id}`, headers: auth });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().events.length).toBeGreaterThan(0);
  }
});
