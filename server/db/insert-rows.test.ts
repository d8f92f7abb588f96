import { createTestApp, type TestApp } from '../test/test-app';
import { insertWorld } from '../test/fixtures';
import { insertRows } from './insert-rows';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await insertWorld(t.app.db);
});
afterAll(() => t.close());

const AT = '2026-11-01T00:00:00.000Z';
/** Texts an array literal or a VALUES list could mangle: quotes, backslashes, braces, commas, the word NULL, blanks, Chinese, JSON. */
const AWKWARD = ['"quoted", {braced}', 'back\\slash \\"', 'NULL', '', '  ', '你好，世界', JSON.stringify({ text: 'a "b" \\ c', list: [1, null] })];

const notice = (i: number, payload: string) => ({
  id: `n-${i}`,
  account_id: 'acc-sponsor-1',
  kind: 'test',
  payload,
  dedupe_key: `insert-rows:${i}`,
  created_at: AT,
  read_at: i % 2 ? null : AT,
});

test('inserts every row with its text unchanged, nulls as nulls', async () => {
  const rows = AWKWARD.map((payload, i) => notice(i, payload));
  await insertRows(t.app.db, 'notifications', rows).execute();
  const stored = await t.app.db.selectFrom('notifications').selectAll().where('kind', '=', 'test').orderBy('id').execute();
  expect(stored).toEqual(rows);
});

test('on conflict do nothing … returning answers only the rows it inserted', async () => {
  const rows = [notice(0, 'again'), notice(100, 'new'), notice(101, 'new too')].map((row) => ({ ...row, id: `${row.id}-retry` }));
  const inserted = await insertRows(t.app.db, 'notifications', rows)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('dedupe_key')
    .execute();
  expect(inserted.map((r) => r.dedupe_key).sort()).toEqual(['insert-rows:100', 'insert-rows:101']);
});
