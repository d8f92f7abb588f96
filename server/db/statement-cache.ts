import type { Database as SqliteConnection, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

export const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection Kysely's SQLite driver sees: `prepare` hands back the statement already prepared for
 * the same SQL text (the driver prepares every query anew, which cost about 13% of a page). Keeps the
 * `capacity` most recently used. SQLite re-prepares a kept statement itself after a schema change.
 */
export function withStatementCache(sqlite: SqliteConnection, capacity = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close() {
      statements.clear();
      sqlite.close();
    },
    prepare(sql) {
      const kept = statements.get(sql);
      // A statement still being iterated (a streamed select) cannot run again until it finishes.
      if (kept?.busy) return sqlite.prepare(sql);
      if (kept) {
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > capacity) {
        const leastRecent = statements.keys().next().value as string;
        statements.delete(leastRecent);
      }
      return statement;
    },
  };
}
