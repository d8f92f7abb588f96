import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect';
import type { SessionTable } from '../../db/schema';
import type { Principal } from '../../access/principal';
import { newId } from '../../lib/ids';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  input: { accountId: string; method: SessionTable['method']; now: Date; ttlHours: number },
): Promise<{ token: string; expiresAt: string }> {
  // The token is only ever returned to the client; the database keeps its hash.
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + input.ttlHours * 3600_000).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: newId(),
      account_id: input.accountId,
      token_hash: hashToken(token),
      method: input.method,
      created_at: input.now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  return { token, expiresAt };
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * Resolves a bearer token (by its hash) to the caller and when the session expires, or null when it is
 * unknown, expired, revoked or disabled.
 */
export async function sessionForTokenHash(db: Db, tokenHash: string, now: Date): Promise<{ principal: Principal; expiresAt: string } | null> {
  const session = await db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select(['sessions.id as sessionId', 'sessions.expires_at', 'accounts.id as accountId', 'accounts.role', 'accounts.disabled_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!session || session.disabled_at) return null;
  const principal = await principalForAccount(db, session.accountId, session.sessionId);
  return principal && { principal, expiresAt: session.expires_at };
}

export async function principalForAccount(db: Db, accountId: string, sessionId: string): Promise<Principal | null> {
  const account = await db.selectFrom('accounts').select(['id', 'role']).where('id', '=', accountId).executeTakeFirst();
  if (!account) return null;
  switch (account.role) {
    case 'sponsor': {
      const sponsor = await db
        .selectFrom('sponsors')
        .select(['id', 'display_name'])
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      return sponsor
        ? { accountId, sessionId, role: 'sponsor', sponsorId: sponsor.id, displayName: sponsor.display_name }
        : null;
    }
    case 'student': {
      const student = await db
        .selectFrom('students')
        .select(['id', 'ngo_id', 'display_name'])
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      return student
        ? { accountId, sessionId, role: 'student', studentId: student.id, ngoId: student.ngo_id, displayName: student.display_name }
        : null;
    }
    case 'caseworker':
    case 'ngo_admin': {
      const staff = await db
        .selectFrom('staff')
        .select(['id', 'ngo_id', 'full_name', 'role'])
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      return staff
        ? { accountId, sessionId, role: staff.role, staffId: staff.id, ngoId: staff.ngo_id, displayName: staff.full_name }
        : null;
    }
  }
}
