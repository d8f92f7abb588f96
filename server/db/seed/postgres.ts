import { Migrator, sql } from 'kysely';
import type { Db } from '../connect';

/** The schema a PostgreSQL connection works in: the first existing one on its search path, else the first named there. */
export async function currentPgSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string | null; path: string }>`select current_schema() as schema, current_setting('search_path') as path`.execute(db);
  const named = rows[0].path
    .split(',')
    .map((s) => s.trim().replace(/^"|"$/g, ''))
    .find((s) => s && s !== '$user');
  return rows[0].schema ?? named ?? 'public';
}

/**
 * Creates Kysely's migration bookkeeping tables in `schema`. Kysely's migrator looks for them in
 * every schema of a PostgreSQL database, so in a fresh schema next to a migrated one it would skip
 * creating them and then fail to find them on the search path. Harmless when they already exist.
 */
export async function ensureMigrationTables(db: Db, schema: string): Promise<void> {
  const { rows } = await sql`select 1 from information_schema.tables where table_schema = ${schema} and table_name = 'kysely_migration'`.execute(db);
  if (rows.length > 0) return;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({}) }, migrationTableSchema: schema });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
