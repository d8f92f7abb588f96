import { PostgresAdapter, sql, type Insertable, type InsertObject, type InsertQueryBuilder, type InsertResult, type Kysely } from 'kysely';
import type { Database } from './schema';

/** Whether `db` talks to PostgreSQL (the adapter tells, whatever wraps the driver). */
export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** A row whose every column is text (or null): what `insertRows` can send as one array per column. */
type TextRow<T extends keyof Database> = Insertable<Database[T]> & Record<string, string | null>;

/**
 * One insert of many rows. On PostgreSQL the rows travel as one text array per column
 * (`insert … select * from unnest($1::text[], …)`): a statement with as many parameters as columns,
 * whatever the number of rows, which the server parses and binds in a moment, where a VALUES list
 * of a thousand rows binds (and Kysely compiles) one parameter per cell. SQLite keeps the VALUES list.
 */
export function insertRows<T extends keyof Database & string>(db: Kysely<Database>, table: T, rows: readonly TextRow<T>[]): InsertQueryBuilder<Database, T, InsertResult> {
  const insert = db.insertInto(table);
  if (!isPostgres(db)) return insert.values(rows as unknown as InsertObject<Database, T>[]);
  const columns = Object.keys(rows[0]);
  const arrays = columns.map((column) => sql`${rows.map((row) => row[column] ?? null)}::text[]`);
  return insert.columns(columns as never).expression(sql`select * from unnest(${sql.join(arrays)})`);
}
