import { PostgresAdapter, sql, type Kysely } from 'kysely';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const inList = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * Replaces the list in a column's `in (...)` check. PostgreSQL alters the named constraint; SQLite
 * cannot alter a check, so the table is rebuilt.
 */
export async function widenCheck(db: AnyDb, table: string, column: string, from: readonly string[], to: readonly string[]) {
  const oldList = `${column} in (${from.map((v) => `'${v}'`).join(', ')})`;
  const newList = `${column} in (${to.map((v) => `'${v}'`).join(', ')})`;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql.raw(`alter table ${table} drop constraint ${table}_${column}_check`).execute(db);
    await sql.raw(`alter table ${table} add constraint ${table}_${column}_check check (${newList})`).execute(db);
    return;
  }
  await rebuildSqliteTable(db, table, (definition) => {
    if (!definition.includes(oldList)) throw new Error(`${table}: the check on ${column} is not the expected one`);
    return definition.replace(oldList, newList);
  });
}

/**
 * Rebuilds a SQLite table from its own stored definition, changed by `rewrite` (rows and indexes
 * kept), for what SQLite cannot alter in place: a check or a table constraint. Foreign keys are off
 * while it is swapped (other tables point at it) and checked after. SQLite migrations run outside a
 * transaction, so the rebuild brings its own.
 */
export async function rebuildSqliteTable(db: AnyDb, table: string, rewrite: (definition: string) => string) {
  const { rows } = await sql<{ type: string; sql: string | null }>`select type, sql from sqlite_master where tbl_name = ${table}`.execute(db);
  const definition = rewrite(rows.find((r) => r.type === 'table')?.sql ?? '');
  const indexes = rows.flatMap((r) => (r.type === 'index' && r.sql ? [r.sql] : []));
  const rebuilt = `${table}__rebuilt`;
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      await sql.raw(definition.replace(/^create table ("?)\w+\1/i, `create table "${rebuilt}"`)).execute(db);
      await sql.raw(`insert into "${rebuilt}" select * from "${table}"`).execute(db);
      await sql.raw(`drop table "${table}"`).execute(db);
      await sql.raw(`alter table "${rebuilt}" rename to "${table}"`).execute(db);
      for (const index of indexes) await sql.raw(index).execute(db);
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error(`${table}: foreign keys broken by the rebuild`);
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
