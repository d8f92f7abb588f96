import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { fixedClock } from '../lib/clock';

export interface TestApp {
  app: FastifyInstance;
  /** The temp folder holding this app's database file and stored files. */
  dir: string;
  clock: ReturnType<typeof fixedClock>;
  logs: string[];
  /** A second server on the same database (its own process state, as another instance would have), closed with this one. */
  anotherInstance(): Promise<FastifyInstance>;
  close(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

/**
 * A real server on a real database: a fresh SQLite file in a temp folder, or, when DATABASE_URL is
 * set, a fresh schema in that PostgreSQL database. Either is removed by close().
 */
export async function createTestApp(env: Record<string, string> = {}, now = new Date('2026-11-29T04:00:00.000Z')): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-test-'));
  const pgSchema = usingPostgres ? `test_${randomBytes(6).toString('hex')}` : undefined;
  if (pgSchema) {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`create schema ${pgSchema}`);
    await client.end();
  }
  const config = loadConfig({
    BANXUE_SQLITE_PATH: path.join(dir, 'test.sqlite'),
    BANXUE_H5_DIR: path.join(dir, 'no-h5-build'),
    BANXUE_FILES_DIR: path.join(dir, 'files'),
    LOG_LEVEL: 'info',
    BANXUE_JOBS: 'false',
    ...(usingPostgres ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    ...env,
  });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  const clock = fixedClock(now);
  const app = await buildApp({ config, clock, logStream, pgSchema });
  const others: FastifyInstance[] = [];
  return {
    app,
    dir,
    clock,
    logs,
    async anotherInstance() {
      const other = await buildApp({ config, clock, logStream, pgSchema });
      others.push(other);
      return other;
    },
    async close() {
      for (const other of others) await other.close();
      await app.close();
      if (pgSchema) {
        const client = new Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        await client.query(`drop schema ${pgSchema} cascade`);
        await client.end();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
