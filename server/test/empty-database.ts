import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { connectDatabase, type Db } from '../db/connect';
import { usingPostgres } from './test-app';

/**
 * A database with nothing in it, not even migrations (for testing them): a fresh SQLite file, or a
 * fresh schema in DATABASE_URL's PostgreSQL. `drop()` removes it.
 */
export async function emptyDatabase(): Promise<{ db: Db; drop(): Promise<void> }> {
  if (usingPostgres) {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`create schema ${schema}`);
    const { db } = connectDatabase({ databaseUrl: process.env.DATABASE_URL, pgSchema: schema, sqlitePath: '' });
    return {
      db,
      async drop() {
        await db.destroy();
        await client.query(`drop schema ${schema} cascade`);
        await client.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-migrate-'));
  const { db } = connectDatabase({ sqlitePath: path.join(dir, 'test.sqlite') });
  return {
    db,
    async drop() {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
