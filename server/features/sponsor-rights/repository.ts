import type { Db } from '../../db/connect';

/** Whether a bearer token (by its hash) was a session of a sponsor who has since deleted their account. */
export async function isTokenOfDeletedSponsor(db: Db, tokenHash: string): Promise<boolean> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('sponsors', 'sponsors.account_id', 'sessions.account_id')
    .select('sessions.id')
    .where('sessions.token_hash', '=', tokenHash)
    .where('sponsors.deleted_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}
