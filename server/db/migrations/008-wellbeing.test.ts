import { insertWorld } from '../../test/fixtures';
import { emptyDatabase } from '../../test/empty-database';
import type { Db } from '../connect';
import { migrateToLatest } from '../migrate';

const AT = '2026-11-01T00:00:00.000Z';
let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await emptyDatabase());
});
afterAll(() => drop());

/** The outcome of a statement as a word, whatever the driver's error class. */
const outcome = (statement: Promise<unknown>) => statement.then(() => 'accepted', () => 'refused');

const letter = (id: string, status: string, inReplyTo: string | null = null) => ({
  id,
  sponsorship_id: 'sp-1',
  direction: 'to_sponsor' as const,
  author_account_id: 'acc-student-a1',
  in_reply_to: inReplyTo,
  body: `信 ${id}`,
  status,
  status_changed_at: AT,
  created_at: AT,
});

it('lets letters be withdrawn without losing a row, a step or a reference of the letters already written', async () => {
  await migrateToLatest(db, '007-sweep');
  await insertWorld(db);
  await db.insertInto('letters').values([letter('l-1', 'replied'), letter('l-2', 'held', 'l-1')] as never).execute();
  await db
    .insertInto('letter_events')
    .values(['submitted', 'screened', 'held'].map((to, i) => ({ id: `e-${i}`, letter_id: 'l-2', from_status: null, to_status: to, actor_account_id: null, reason: null, detail: null, created_at: AT, seq: i + 1 })) as never)
    .execute();
  await db.insertInto('letter_photos').values({ id: 'p-1', letter_id: 'l-2', storage_key: 'k', width: 1, height: 1, bytes: 1, created_at: AT }).execute();

  expect(await migrateToLatest(db, '008-wellbeing')).toEqual(['008-wellbeing']);

  expect(await db.selectFrom('letters').select(['id', 'status', 'in_reply_to']).orderBy('id').execute()).toEqual([
    { id: 'l-1', status: 'replied', in_reply_to: null },
    { id: 'l-2', status: 'held', in_reply_to: 'l-1' },
  ]);
  expect((await db.selectFrom('letter_events').select('to_status').orderBy('seq').execute()).map((e) => e.to_status)).toEqual(['submitted', 'screened', 'held']);
  expect(await outcome(db.updateTable('letters').set({ status: 'withdrawn' }).where('id', '=', 'l-2').execute())).toBe('accepted');
  expect(await outcome(db.updateTable('letters').set({ status: 'lost' as never }).where('id', '=', 'l-2').execute())).toBe('refused');
  expect(
    await outcome(
      db.insertInto('letter_events').values({ id: 'e-9', letter_id: 'l-2', from_status: 'held', to_status: 'withdrawn', actor_account_id: 'acc-student-a1', reason: null, detail: null, created_at: AT, seq: 4 }).execute(),
    ),
  ).toBe('accepted');
  // The references still hold, both ways: no photo or step of a letter that does not exist.
  expect(await outcome(db.insertInto('letter_photos').values({ id: 'p-2', letter_id: 'nope', storage_key: 'k2', width: 1, height: 1, bytes: 1, created_at: AT }).execute())).toBe('refused');
  expect(await outcome(db.deleteFrom('letters').where('id', '=', 'l-2').execute())).toBe('refused');
  // The new policy times start at their defaults for an NGO that had a policy.
  expect(await db.selectFrom('ngo_policies').select(['urgent_ack_minutes', 'concern_due_hours']).where('ngo_id', '=', 'ngo-a').executeTakeFirstOrThrow()).toEqual({
    urgent_ack_minutes: 15,
    concern_due_hours: 24,
  });
});
