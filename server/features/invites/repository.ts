import { createHash, randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import type { IssuedInvite } from '../../../domain/api/students';
import type { Platform } from '../../../domain/roles';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { staffStudent, type Staff } from '../onboarding/repository';

/** No 0/O, 1/I/L: a code read aloud or copied from a screen is not mistaken. */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 8;
export const INVITE_TTL_DAYS = 7;

export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

/** Codes are compared case-insensitively and without spaces or dashes. */
export function normalizeInviteCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export function hashInviteCode(code: string): string {
  return createHash('sha256').update(`banxue-invite:${normalizeInviteCode(code)}`).digest('hex');
}

export const invitePayload = (code: string) => `banxue://invite/${code}`;

/**
 * Issues a new invite for a student: only its hash is stored, earlier unused invites of the student
 * are revoked (re-issue), and the code is returned once with a QR code of `banxue://invite/<code>`.
 */
export async function issueInvite(db: Db, principal: Staff, studentId: string, now: Date): Promise<IssuedInvite> {
  const at = now.toISOString();
  const code = newInviteCode();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * 24 * 3600_000).toISOString();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await staffStudent(trx, principal, studentId);
    const revoked = await trx
      .updateTable('student_invites')
      .set({ revoked_at: at })
      .where('student_id', '=', studentId)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    await trx
      .insertInto('student_invites')
      .values({ id, student_id: studentId, code_hash: hashInviteCode(code), expires_at: expiresAt, used_at: null, created_by: principal.staffId, created_at: at, revoked_at: null })
      .execute();
    await recordAudit(trx, principal, now, {
      action: 'invites.issue',
      entityType: 'student_invite',
      entityId: id,
      studentId,
      detail: { expiresAt, revokedEarlier: Number(revoked.numUpdatedRows) },
    });
  });
  const qrPayload = invitePayload(code);
  const qrSvg = await QRCode.toString(qrPayload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { code, expiresAt, qrPayload, qrSvg };
}

export type InviteBinding = { platform: Platform; subject: string; unionId: string | null } | null;

/**
 * Uses an invite: in one transaction the invite is marked used (only if still unused), the student
 * gets an account if they have none, and the platform identity (if any) is bound to it. Returns the
 * student's account id.
 */
export async function redeemInvite(db: Db, code: string, binding: InviteBinding, now: Date): Promise<{ accountId: string; studentId: string }> {
  const at = now.toISOString();
  const invite = await db.selectFrom('student_invites').selectAll().where('code_hash', '=', hashInviteCode(code)).executeTakeFirst();
  if (!invite) throw new AppError('INVITE_INVALID');
  if (invite.used_at) throw new AppError('INVITE_USED');
  if (invite.revoked_at || invite.expires_at <= at) throw new AppError('INVITE_EXPIRED');

  if (binding) {
    const bound = await db
      .selectFrom('platform_identities')
      .innerJoin('students', 'students.account_id', 'platform_identities.account_id')
      .select(['platform_identities.account_id', 'students.id as student_id'])
      .where('platform_identities.platform', '=', binding.platform)
      .where('platform_identities.subject', '=', binding.subject)
      .executeTakeFirst();
    const any = await db
      .selectFrom('platform_identities')
      .select('account_id')
      .where('platform', '=', binding.platform)
      .where('subject', '=', binding.subject)
      .executeTakeFirst();
    // Already this student's identity (a new invite after a lost phone): nothing to bind again.
    if (any && !(bound && bound.student_id === invite.student_id)) throw new AppError('IDENTITY_ALREADY_BOUND');
  }

  return db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('student_invites')
      .set({ used_at: at })
      .where('id', '=', invite.id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new AppError('INVITE_USED');
    const student = await trx.selectFrom('students').select(['id', 'account_id']).where('id', '=', invite.student_id).executeTakeFirstOrThrow();
    let accountId = student.account_id;
    if (!accountId) {
      accountId = newId();
      await trx.insertInto('accounts').values({ id: accountId, role: 'student', locale: 'zh-CN', created_at: at, disabled_at: null }).execute();
      await trx.updateTable('students').set({ account_id: accountId, updated_at: at }).where('id', '=', student.id).execute();
    }
    if (binding) {
      const mine = await trx
        .selectFrom('platform_identities')
        .select('id')
        .where('platform', '=', binding.platform)
        .where('subject', '=', binding.subject)
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      if (!mine) {
        await trx
          .insertInto('platform_identities')
          .values({ id: newId(), account_id: accountId, platform: binding.platform, subject: binding.subject, union_id: binding.unionId, created_at: at })
          .execute();
      }
    }
    await recordAudit(trx, null, now, {
      action: 'invites.redeem',
      entityType: 'student_invite',
      entityId: invite.id,
      studentId: student.id,
      detail: { platform: binding?.platform ?? 'demo' },
    });
    return { accountId, studentId: student.id };
  });
}
