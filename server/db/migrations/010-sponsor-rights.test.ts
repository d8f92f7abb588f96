import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { insertWorld } from '../../test/fixtures';
import { usingPostgres } from '../../test/test-app';
import { connectDatabase, type Db } from '../connect';
import { migrateToLatest } from '../migrate';

const AT = '2026-11-01T00:00:00.000Z';
let db: Db;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (usingPostgres) {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`create schema ${schema}`);
    db = connectDatabase({ databaseUrl: process.env.DATABASE_URL, pgSchema: schema, sqlitePath: '' }).db;
    cleanup = async () => {
      await db.destroy();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-migrate-'));
    db = connectDatabase({ sqlitePath: path.join(dir, 'test.sqlite') }).db;
    cleanup = async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
});
afterAll(() => cleanup());

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
