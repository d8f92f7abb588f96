import { insertWorld } from '../test/fixtures';
import { createTestApp, type TestApp } from '../test/test-app';
import { cleanupExpiredIdempotencyKeys } from './idempotency-cleanup';

let t: TestApp;
const NOW = new Date('2026-11-29T04:00:00.000Z');
beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await insertWorld(t.app.db);
});
afterAll(() => t.close());

test('expired keys are deleted in bounded batches; live ones stay', async () => {
  const row = (key: string, expires_at: string) => ({
    account_id: 'acc-sponsor-1',
    key,
    method: 'POST',
    path: '/api/letters',
    request_hash: 'h',
    state: 'done' as const,
    response_status: 201,
    response_body: '{}',
    created_at: '2026-11-27T00:00:00.000Z',
    expires_at,
  });
  const expired = Array.from({ length: 7 }, (_, i) => row(`old-${i}`, '2026-11-28T00:00:00.000Z'));
  await t.app.db.insertInto('idempotency_keys').values([...expired, row('live', '2026-11-30T00:00:00.000Z')]).execute();
  // Batches of 3, at most 2 of them: 6 go now, the 7th on the next sweep.
  expect(await cleanupExpiredIdempotencyKeys(t.app.db, NOW, 3, 2)).toBe(6);
  expect(await cleanupExpiredIdempotencyKeys(t.app.db, NOW, 3, 2)).toBe(1);
  expect(await cleanupExpiredIdempotencyKeys(t.app.db, NOW)).toBe(0);
  const left = await t.app.db.selectFrom('idempotency_keys').select('key').execute();
  expect(left.map((r) => r.key)).toEqual(['live']);
});
