import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import { rebuildSqliteTable } from './check-lists';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const OLD_UNIQUE = 'term_reports_student_term_key';

/** The stored code of a term written in the older season form (`2026-spring` → `2025-2026-2`); any other value as it is. */
function termCodeOf(column: string): RawBuilder<string> {
  const year = sql.raw(`substr(${column}, 1, 4)`);
  const yearNumber = sql`cast(${year} as integer)`;
  return sql<string>`case
    when ${sql.raw(column)} like '____-autumn' then ${year} || '-' || cast(${yearNumber} + 1 as text) || '-1'
    when ${sql.raw(column)} like '____-spring' then cast(${yearNumber} - 1 as text) || '-' || ${year} || '-2'
    else ${sql.raw(column)} end`;
}

/**
 * One term format: every term report's term becomes the school-year code (`2025-2026-2`), and one
 * report per student and term holds in the database whichever form a client sends.
 *
 * Where the two forms let a second report in for the same term, both rows stay (nothing a student
 * wrote is lost, and each is still shown where it was), and the one recorded first (earliest
 * `created_at`, then smallest id) stays the term's report; the others point at it in `duplicate_of`.
 * The unique index covers only rows that are not duplicates.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('term_reports').addColumn('duplicate_of', 'text', (c) => c.references('term_reports.id')).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql.raw(`alter table term_reports drop constraint ${OLD_UNIQUE}`).execute(db);
  } else {
    await rebuildSqliteTable(db, 'term_reports', (definition) => {
      const constraint = new RegExp(`,\\s*constraint "${OLD_UNIQUE}" unique \\("student_id", "term"\\)`, 'i');
      if (!constraint.test(definition)) throw new Error(`term_reports: ${OLD_UNIQUE} is not the expected one`);
      return definition.replace(constraint, '');
    });
  }
  const normalise = async (trx: AnyDb) => {
    const legacy = sql`(term like '____-autumn' or term like '____-spring')`;
    await sql`
      update term_reports set duplicate_of = (
        select kept.id from term_reports kept
        where kept.student_id = term_reports.student_id and ${termCodeOf('kept.term')} = ${termCodeOf('term_reports.term')}
        order by kept.created_at, kept.id limit 1)
      where student_id in (select student_id from term_reports where ${legacy})
        and exists (
          select 1 from term_reports earlier
          where earlier.student_id = term_reports.student_id and ${termCodeOf('earlier.term')} = ${termCodeOf('term_reports.term')}
            and (earlier.created_at < term_reports.created_at or (earlier.created_at = term_reports.created_at and earlier.id < term_reports.id)))`.execute(trx);
    await sql`update term_reports set term = ${termCodeOf('term')} where ${legacy}`.execute(trx);
    await trx.schema
      .createIndex('term_reports_one_per_term')
      .on('term_reports')
      .columns(['student_id', 'term'])
      .unique()
      .where(sql.ref('duplicate_of'), 'is', null)
      .execute();
  };
  // PostgreSQL runs each migration in a transaction already; SQLite's run outside one.
  if (db.isTransaction) await normalise(db);
  else await db.transaction().execute(normalise);
}

export async function down(): Promise<void> {
  throw new Error('Migration 012 cannot be reverted; restore from a backup instead.');
}
