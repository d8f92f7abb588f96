import { sql } from 'kysely';
import type { Db } from '../db/connect';

type DueColumn = 'next_due_at' | 'ladder_next_at';

/**
 * Sets a different value on each student of a batch in one statement: an UPDATE joined to a VALUES
 * list of (id, value…), which both SQLite and PostgreSQL read by the primary key.
 */
export async function setEachStudent(db: Db, columns: readonly DueColumn[], rows: readonly (readonly [string, ...(string | null)[]])[]): Promise<void> {
  if (rows.length === 0) return;
  const names = ['id', ...columns.map((_, i) => `v${i}`)];
  const values = sql.join(rows.map((row) => sql`(${sql.join(row.map((v) => sql`${v}`))})`));
  const sets = sql.join(columns.map((column, i) => sql`${sql.ref(column)} = ${sql.ref(`v.v${i}`)}`));
  await sql`with v(${sql.join(names.map((n) => sql.ref(n)))}) as (values ${values})
    update students set ${sets} from v where students.id = v.id`.execute(db);
}
