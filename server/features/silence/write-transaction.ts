import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/connect';

/**
 * Runs `work` in one transaction that writes. On SQLite it starts with `BEGIN IMMEDIATE`, taking the
 * write lock before the first read: another process sweeping the same file then waits its turn
 * (busy_timeout) instead of failing when its read snapshot turns stale at the first write.
 */
export async function writeTransaction<T>(db: Db, dialect: Dialect, work: (trx: Db) => Promise<T>): Promise<T> {
  if (dialect === 'postgres') return db.transaction().execute(work);
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}
