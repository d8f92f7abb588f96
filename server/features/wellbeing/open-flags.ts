import { sql, type Expression, type SqlBool } from 'kysely';
import type { WellbeingSourceKind } from '../../../domain/care/flags';
import type { Db } from '../../db/connect';

/** Whether an urgent flag on these words is still being worked: what it holds back stays held. */
export async function hasOpenUrgentFlag(db: Db, kind: WellbeingSourceKind, sourceId: string): Promise<boolean> {
  const row = await db
    .selectFrom('wellbeing_flags')
    .select('id')
    .where('source_kind', '=', kind)
    .where('source_id', '=', sourceId)
    .where('level', '=', 'urgent')
    .where('status', '!=', 'resolved')
    .executeTakeFirst();
  return row !== undefined;
}

/** The same, as a condition on a letter column, for queries that list letters. */
export function noOpenUrgentFlagOnLetter(letterId: Expression<string>): Expression<SqlBool> {
  return sql<SqlBool>`not exists (select 1 from wellbeing_flags f where f.source_kind = 'letter' and f.source_id = ${letterId} and f.level = 'urgent' and f.status <> 'resolved')`;
}
