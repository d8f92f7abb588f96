import type { Platform } from '../../../domain/roles';
import type { Db } from '../../db/connect';
import { newId } from '../../lib/ids';

async function boundAccount(db: Db, platform: Platform, subject: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('platform_identities')
    .select('account_id')
    .where('platform', '=', platform)
    .where('subject', '=', subject)
    .executeTakeFirst();
  return row?.account_id;
}

/** Finds the account bound to a platform identity, creating a new sponsor account the first time. */
export async function accountForPlatformIdentity(
  db: Db,
  input: { platform: Platform; subject: string; unionId: string | null; now: Date; defaultDisplayName: string },
): Promise<{ accountId: string; created: boolean }> {
  const existing = await boundAccount(db, input.platform, input.subject);
  if (existing) return { accountId: existing, created: false };

  const at = input.now.toISOString();
  const accountId = newId();
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('accounts').values({ id: accountId, role: 'sponsor', locale: 'zh-CN', created_at: at, disabled_at: null }).execute();
      await trx.insertInto('sponsors').values({ id: newId(), account_id: accountId, display_name: input.defaultDisplayName, created_at: at }).execute();
      await trx
        .insertInto('platform_identities')
        .values({ id: newId(), account_id: accountId, platform: input.platform, subject: input.subject, union_id: input.unionId, created_at: at })
        .execute();
    });
    return { accountId, created: true };
  } catch (error) {
    // Two first logins raced: the unique (platform, subject) constraint let one through; use it.
    const winner = await boundAccount(db, input.platform, input.subject);
    if (winner) return { accountId: winner, created: false };
    throw error;
  }
}

export async function staffCredentials(db: Db, username: string) {
  return db
    .selectFrom('staff')
    .innerJoin('accounts', 'accounts.id', 'staff.account_id')
    .select(['staff.account_id as accountId', 'staff.password_hash as passwordHash', 'accounts.disabled_at as disabledAt'])
    .where('staff.username', '=', username)
    .executeTakeFirst();
}

export async function accountExists(db: Db, accountId: string): Promise<boolean> {
  const row = await db
    .selectFrom('accounts')
    .select('id')
    .where('id', '=', accountId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function ngoOf(db: Db, ngoId: string) {
  return db.selectFrom('ngos').select(['id', 'name']).where('id', '=', ngoId).executeTakeFirstOrThrow();
}
