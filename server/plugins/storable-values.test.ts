import { bearerFor, insertWorld } from '../test/fixtures';
import { createTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
let sponsor: { authorization: string };
let student: { authorization: string };
beforeAll(async () => {
  t = await createTestApp();
  await insertWorld(t.app.db);
  sponsor = await bearerFor(t.app.db, 'acc-sponsor-1');
  student = await bearerFor(t.app.db, 'acc-student-a1');
});
afterAll(() => t.close());

const english = { 'accept-language': 'en-US' };

it('refuses a number no integer column holds, or one that overflowed to Infinity, instead of failing in SQL', async () => {
  for (const url of ['/api/sponsor/sponsorships?limit=1e999', '/api/pool?limit=Infinity', '/api/pool?maxYearlyNeedFen=1e308', '/api/pool?maxYearlyNeedFen=2147483648', '/api/letters?limit=-1e999']) {
    const response = await t.app.inject({ url, headers: { ...sponsor, ...english } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: expect.stringMatching(/^querystring\./), message: 'the number is out of range' }] });
  }
  const ordinary = await t.app.inject({ url: '/api/sponsor/sponsorships?limit=1e1', headers: sponsor });
  expect(ordinary.statusCode).toBe(200);
  expect((await t.app.inject({ url: '/api/pool?maxYearlyNeedFen=2147483647', headers: sponsor })).statusCode).toBe(200);
});

it('refuses text with a NUL character, which PostgreSQL cannot store, wherever it is', async () => {
  const checkin = await t.app.inject({ method: 'POST', url: '/api/student/checkins', headers: { ...student, ...english }, payload: { kind: 'doing_well', note: 'fine\u0000' } });
  expect(checkin.statusCode).toBe(400);
  expect(checkin.json().error.details).toEqual([{ field: 'body.note', message: expect.stringContaining('NUL') }]);
  expect(await t.app.db.selectFrom('checkins').select('id').where('note', 'like', 'fine%').execute()).toEqual([]);

  const pool = await t.app.inject({ url: '/api/pool?province=%E5%9B%9B%00', headers: { ...sponsor, ...english } });
  expect(pool.statusCode).toBe(400);
  expect(pool.json().error.details).toEqual([{ field: 'querystring.province', message: expect.stringContaining('NUL') }]);

  const stored = await t.app.inject({ method: 'POST', url: '/api/student/checkins', headers: student, payload: { kind: 'doing_well', note: 'fine' } });
  expect(stored.statusCode).toBe(201);
});
