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

const outcome = (statement: Promise<unknown>) => statement.then(() => 'accepted', () => 'refused');
const task = (id: string, kind: string) => ({ id, ngo_id: 'ngo-a', student_id: 'student-a1', kind, status: 'open', dedupe_key: id, due_at: null, created_at: AT, done_at: null });

it('adds the sponsor_left task kind without losing a task, and a deleted-at for sponsors', async () => {
  await migrateToLatest(db, '009-hardening');
  await insertWorld(db);
  await db.insertInto('caseworker_tasks').values(task('t-1', 'watch') as never).execute();

  expect(await migrateToLatest(db, '010-sponsor-rights')).toEqual(['010-sponsor-rights']);

  expect(await db.selectFrom('caseworker_tasks').select(['id', 'kind', 'status']).execute()).toEqual([{ id: 't-1', kind: 'watch', status: 'open' }]);
  expect(await outcome(db.insertInto('caseworker_tasks').values(task('t-2', 'sponsor_left') as never).execute())).toBe('accepted');
  expect(await outcome(db.insertInto('caseworker_tasks').values(task('t-3', 'gossip') as never).execute())).toBe('refused');
  // Still one task per (NGO, dedupe key), and only for a student that exists.
  expect(await outcome(db.insertInto('caseworker_tasks').values({ ...task('t-5', 'watch'), dedupe_key: 't-2' } as never).execute())).toBe('refused');
  expect(await outcome(db.insertInto('caseworker_tasks').values({ ...task('t-4', 'watch'), student_id: 'nobody' } as never).execute())).toBe('refused');
  expect(await db.selectFrom('sponsors').select(['id', 'deleted_at']).orderBy('id').execute()).toEqual([
    { id: 'sponsor-1', deleted_at: null },
    { id: 'sponsor-2', deleted_at: null },
  ]);
});
