import { createTestApp, type TestApp } from '../test/test-app';
import { bearerFor, insertWorld } from '../test/fixtures';

let t: TestApp;
let sponsor: { authorization: string };
let caseworker: { authorization: string };

beforeAll(async () => {
  t = await createTestApp();
  await insertWorld(t.app.db);
  sponsor = await bearerFor(t.app.db, 'acc-sponsor-1');
  caseworker = await bearerFor(t.app.db, 'acc-cw-a');
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ url, headers: sponsor });
const consent = {
  guardianName: '吉克木呷',
  relation: '母亲',
  consentedOn: '2026-01-10',
  method: 'in_person',
  scope: '同意参加一对一资助，照片和故事经机构审核后给资助人看',
  retainUntil: '2030-12-31',
};

it('hides a sponsored student from every sponsor answer as soon as consent is withdrawn, until it is given again', async () => {
  const recorded = await t.app.inject({ method: 'POST', url: '/api/staff/students/student-a1/consents', payload: consent, headers: caseworker });
  expect(recorded.statusCode).toBe(201);
  expect((await get('/api/sponsor/sponsorships')).json().items.map((s: { id: string }) => s.id)).toEqual(['sp-2', 'sp-1']);

  const withdrawn = await t.app.inject({
    method: 'POST',
    url: `/api/staff/students/student-a1/consents/${recorded.json().id}/withdraw`,
    payload: { reason: '监护人希望暂停' },
    headers: caseworker,
  });
  expect(withdrawn.statusCode).toBe(200);

  expect((await get('/api/sponsor/sponsorships')).json().items.map((s: { id: string }) => s.id)).toEqual(['sp-2']);
  for (const url of ['/api/sponsor/sponsorships/sp-1', '/api/sponsor/sponsorships/sp-1/timeline', '/api/sponsor/sponsorships/sp-1/ledger']) {
    expect((await get(url)).statusCode).toBe(404);
  }
  expect((await get('/api/letters?sponsorshipId=sp-1')).json().items).toEqual([]);
  // The other sponsored student of the same sponsor is untouched.
  expect((await get('/api/sponsor/sponsorships/sp-2')).statusCode).toBe(200);

  const renewed = await t.app.inject({ method: 'POST', url: '/api/staff/students/student-a1/consents', payload: consent, headers: caseworker });
  expect(renewed.statusCode).toBe(201);
  expect((await get('/api/sponsor/sponsorships/sp-1')).statusCode).toBe(200);
});
