import { createTestApp, type TestApp } from '../test/test-app';
import { bearerFor, insertWorld } from '../test/fixtures';
import { jsonNestingExceeds } from '../lib/json-depth';
import { MAX_JSON_DEPTH } from './json-body';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('jsonNestingExceeds', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonNestingExceeds('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(jsonNestingExceeds('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(jsonNestingExceeds(JSON.stringify({ text: '[[[[[[{{{{"\\"[[[[' }), 1)).toBe(false);
  });
});

describe('a JSON body nested too deeply', () => {
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

  // Routes without a body schema: before the limit, hashing such a body for the idempotency key overflowed the stack.
  it.each([
    ['/api/letters/letter-1/read', () => sponsor],
    ['/api/notifications/n-1/read', () => sponsor],
    ['/api/pledges/p-1/release', () => sponsor],
    ['/api/staff/care/alerts/alert-1/acknowledge', () => caseworker],
    ['/api/staff/students/student-a1/approve-story', () => caseworker],
  ])('is refused with 400 on %s, with an Idempotency-Key, before anything walks it', async (url, who) => {
    for (const depth of [MAX_JSON_DEPTH + 1, 100_000]) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        headers: { ...who(), 'content-type': 'application/json', 'idempotency-key': `deep-${depth}` },
        payload: nested(depth),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ field: 'body' }] } });
    }
    const keys = await t.app.db.selectFrom('idempotency_keys').select('key').where('key', 'like', 'deep-%').execute();
    expect(keys).toEqual([]);
  });

  it('still accepts a body within the limit and still refuses prototype poisoning', async () => {
    const fine = await t.app.inject({ method: 'POST', url: '/api/notifications/n-none/read', headers: { ...sponsor, 'content-type': 'application/json' }, payload: nested(MAX_JSON_DEPTH) });
    expect(fine.statusCode).toBe(404);
    const poisoned = await t.app.inject({ method: 'POST', url: '/api/notifications/n-none/read', headers: { ...sponsor, 'content-type': 'application/json' }, payload: '{"__proto__":{"admin":true}}' });
    expect(poisoned.statusCode).toBe(400);
  });
});
