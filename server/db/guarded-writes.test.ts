import { createTestApp, type TestApp } from '../test/test-app';
import { insertWorld } from '../test/fixtures';
import { runGuarded } from './guarded-writes';

let t: TestApp;
const guard = { accountId: 'acc-sponsor-1', key: 'guarded' };

beforeAll(async () => {
  t = await createTestApp();
  await insertWorld(t.app.db);
});
afterAll(() => t.close());

beforeEach(async () => {
  await t.app.db.deleteFrom('idempotency_keys').execute();
  await t.app.db
    .insertInto('idempotency_keys')
    .values({ account_id: guard.accountId, key: guard.key, method: 'POST', path: '/x', request_hash: 'h', state: 'in_progress', lease_until: '2026-11-29T04:00:30.000Z', response_status: null, response_body: null, created_at: '2026-11-29T04:00:00.000Z', expires_at: '2026-11-30T04:00:00.000Z' })
    .execute();
});

const keyState = async () => (await t.app.db.selectFrom('idempotency_keys').select('state').where('key', '=', guard.key).executeTakeFirstOrThrow()).state;
const note = (id: string) => ({ id, account_id: 'acc-sponsor-1', kind: 'test', payload: '{}', dedupe_key: id, created_at: '2026-11-29T04:00:00.000Z', read_at: null });

it('marks the key committed with a transaction that writes', async () => {
  await runGuarded(guard, () => t.app.db.transaction().execute((trx) => trx.insertInto('notifications').values(note('n-guarded-1')).execute()));
  expect(await keyState()).toBe('committed');
});

it('marks it with a lone write, in that write’s own transaction', async () => {
  await runGuarded(guard, () => t.app.db.insertInto('notifications').values(note('n-guarded-2')).execute());
  expect(await keyState()).toBe('committed');
});

it('leaves it in progress for reads, for a rolled-back write, and outside the guard', async () => {
  await runGuarded(guard, () => t.app.db.transaction().execute((trx) => trx.selectFrom('notifications').selectAll().execute()));
  await runGuarded(guard, () =>
    t.app.db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('notifications').values(note('n-guarded-3')).execute();
        throw new Error('refused');
      })
      .catch(() => undefined),
  );
  await t.app.db.insertInto('notifications').values(note('n-guarded-4')).execute();
  expect(await keyState()).toBe('in_progress');
  expect(await t.app.db.selectFrom('notifications').select('id').where('id', '=', 'n-guarded-3').execute()).toEqual([]);
});

it('rolls a failed lone write back without marking the key', async () => {
  await t.app.db.insertInto('notifications').values(note('n-guarded-5')).execute();
  // (matched by message: the driver's error may come from another realm than the test's Error)
  await expect(runGuarded(guard, () => t.app.db.insertInto('notifications').values(note('n-guarded-5')).execute())).rejects.toMatchObject({ message: expect.stringMatching(/unique/i) });
  expect(await keyState()).toBe('in_progress');
  // The connection is usable afterwards: no transaction was left open.
  await runGuarded(guard, () => t.app.db.insertInto('notifications').values(note('n-guarded-6')).execute());
  expect(await keyState()).toBe('committed');
});
