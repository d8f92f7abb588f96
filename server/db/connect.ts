import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Pool } from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Dialect } from './dialect';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';
import { withGuardedWrites } from './guarded-writes';

export type Db = Kysely<Database>;
export type { Dialect };

export interface DatabaseTarget {
  /** PostgreSQL connection string; when absent the embedded SQLite file is used. */
  databaseUrl?: string;
  sqlitePath: string;
  /** PostgreSQL schema to use (tests isolate themselves with one each). */
  pgSchema?: string;
}

export function connectDatabase(target: DatabaseTarget): { db: Db; dialect: Dialect } {
  if (target.databaseUrl) {
    const pool = new Pool({
      connectionString: target.databaseUrl,
      max: 10,
      options: target.pgSchema ? `-c search_path=${target.pgSchema}` : undefined,
    });
    return { db: new Kysely<Database>({ dialect: withGuardedWrites(new PostgresDialect({ pool }), 'postgres') }), dialect: 'postgres' };
  }
  if (target.sqlitePath !== ':memory:') fs.mkdirSync(path.dirname(target.sqlitePath), { recursive: true });
  const sqlite = new SQLite(target.sqlitePath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return { db: new Kysely<Database>({ dialect: withGuardedWrites(new SqliteDialect({ database: withStatementCache(sqlite) }), 'sqlite') }), dialect: 'sqlite' };
}
