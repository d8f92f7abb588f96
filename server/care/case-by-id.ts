import { sql, type RawBuilder } from 'kysely';

/** `case id when … then … end`: sets a different value on each row of a batch in one UPDATE. */
export function caseById(values: Iterable<readonly [string, string | null]>): RawBuilder<string | null> {
  const branches = [...values].map(([id, value]) => sql`when ${id} then ${value}`);
  return sql<string | null>`case id ${sql.join(branches, sql` `)} end`;
}
