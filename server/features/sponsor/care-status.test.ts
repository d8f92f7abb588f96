import type { SponsorshipDetail } from '../../../domain/api/sponsorship';
import { insertAlert, insertContact } from '../care/care-fixtures';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
const NOW = new Date('2026-11-29T04:00:00.000Z');
let cwA: Record<string, string>;
let sponsor: Record<string, string>;

/** What must never reach a sponsor about a case: notes, methods, results, contacts, the new school. */
const PRIVATE = ['SECRET', '13800001111', '吉克妈妈', 'home_visit', 'no_answer', 'attempt', '张社工', '西昌职业技术学校', 'outcomeNote'];

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await insertWorld(t.app.db);
  await insertContact(t.app.db, { studentId: 'student-a1', kind: 'guardian', name: '吉克妈妈', phone: '13800001111' });
  cwA = await bearerFor(t.app.db, 'acc-cw-a', NOW);
  sponsor = await bearerFor(t.app.db, 'acc-sponsor-1', NOW);
});
afterAll(() => t.close());

const detail = async (headers = sponsor) => (await t.app.inject({ url: '/api/sponsor/sponsorships/sp-1', headers })).json<SponsorshipDetail>();
const staffPost = (path: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/staff/care/alerts/al-1/${path}`, headers: cwA, payload });

async function expectNothingPrivate(headers = sponsor) {
  for (const url of ['/api/sponsor/sponsorships/sp-1', '/api/sponsor/sponsorships?limit=100', '/api/sponsor/sponsorships/sp-1/timeline?limit=100', '/api/notifications?limit=100']) {
    const res = await t.app.inject({ url, headers });
    expect([url, res.statusCode]).toEqual([url, 200]);
    for (const secret of PRIVATE) expect([url, res.body.includes(secret)]).toEqual([url, false]);
  }
}

test('the sponsor sees only the gentle status through a whole case, and nothing of how it was worked', async () => {
  expect((await detail()).care).toEqual({ state: 'in_touch', since: null, change: null });

  await insertAlert(t.app.db, { id: 'al-1', studentId: 'student-a1', ngoId: 'ngo-a', assignee: 'staff-cw-a', openedAt: '2026-11-25T00:00:00.000Z' });
  expect((await detail()).care).toEqual({ state: 'checking_in', since: null, change: null });

  expect((await staffPost('attempts', { method: 'home_visit', result: 'no_answer', note: 'SECRET-NOTE 家里没人' })).statusCode).toBe(201);
  expect((await staffPost('reassign', { staffId: 'staff-cw-a2', reason: 'SECRET-REASON' })).statusCode).toBe(200);
  await expectNothingPrivate();
  expect((await detail()).care.state).toBe('checking_in');

  const resolved = await staffPost('resolve', {
    outcome: 'situation_changed',
    note: 'SECRET-OUTCOME 家里经济困难，转去职校',
    change: { kind: 'vocational_track', schoolName: '西昌职业技术学校', schoolStage: 'vocational' },
  });
  expect(resolved.statusCode).toBe(200);
  expect((await detail()).care).toEqual({ state: 'back_in_touch', since: NOW.toISOString(), change: 'vocational_track' });
  await expectNothingPrivate();

  // "Back in touch" is shown for 30 days after the case closed, then there is nothing to say.
  const later = new Date('2026-12-30T04:00:00.000Z');
  t.clock.set(later);
  const laterSponsor = await bearerFor(t.app.db, 'acc-sponsor-1', later);
  expect((await detail(laterSponsor)).care).toEqual({ state: 'in_touch', since: null, change: null });
  await expectNothingPrivate(laterSponsor);
  t.clock.set(NOW);
});

test('a case that ended otherwise than reached is not "back in touch"', async () => {
  await insertAlert(t.app.db, { id: 'al-b1', studentId: 'student-b1', ngoId: 'ngo-b', assignee: 'staff-cw-b', openedAt: '2026-11-20T00:00:00.000Z' });
  await t.app.db.updateTable('alerts').set({ status: 'resolved', outcome: 'paused', resolved_at: '2026-11-28T00:00:00.000Z', resume_on: '2027-03-01' }).where('id', '=', 'al-b1').execute();
  const res = await t.app.inject({ url: '/api/sponsor/sponsorships/sp-2', headers: sponsor });
  expect(res.json<SponsorshipDetail>().care).toEqual({ state: 'in_touch', since: null, change: null });
});
