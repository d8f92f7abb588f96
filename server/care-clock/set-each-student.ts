import { sql } from 'kysely';
import type { Db } from '../db/connect';
import { isPostgres } from '../db/insert-rows';

type DueColumn = 'next_due_at' | 'ladder_next_at';
type Row = readonly [string, ...(string | null)[]];

/**
 * Sets a different value on each student of a batch in one statement: an UPDATE joined by the
 * primary key to a table of (id, value…). On PostgreSQL that table is one text array per column
 * (`unnest`), whose size the planner knows, so it looks each student up by id; joined to a VALUES
 * list instead, it read the whole students table for every batch.
 */
export async function setEachStudent(db: Db, columns: readonly DueColumn[], rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const names = sql.join(['id', ...columns.map((_, i) => `v${i}`)].map((n) => sql.ref(n)));
  const sets = sql.join(columns.map((column, i) => sql`${sql.ref(column)} = ${sql.ref(`v.v${i}`)}`));
  if (isPostgres(db)) {
    const arrays = sql.join(rows[0].map((_, k) => sql`${rows.map((row) => row[k])}::text[]`));
    await sql`update students set ${sets} from unnest(${arrays}) as v(${names}) where students.id = v.id`.execute(db);
    return;
  }
  const values = sql.join(rows.map((row) => sql`(${sql.join(row.map((v) => sql`${v}`))})`));
  await sql`with v(${names}) as (values ${values}) update students set ${sets} from v where students.id = v.id`.execute(db);
}
