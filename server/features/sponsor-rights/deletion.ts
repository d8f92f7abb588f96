import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import type { AccountDeleted } from '../../../domain/api/sponsor-data';
import type { PrincipalOf } from '../../access/principal';
import { recordAudit } from '../../audit/record';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { moveLetter } from '../letters/lifecycle';
import { notify } from '../notifications/repository';
import { poolBlockers } from '../onboarding/repository';

type Sponsor = PrincipalOf<'sponsor'>;
type Trx = Transaction<Database>;

/** Why the sponsorships of a deleted account ended (staff see it; the sponsor is gone). */
export const END_REASON = 'sponsor_account_deleted';
/** The caseworker has a week to tell the student, with care, that their sponsor left. */
const SPONSOR_LEFT_TASK_DAYS = 7;
/** Shorter names are not replaced inside free text: one character would match unrelated words. */
const MIN_NAME_LENGTH = 2;

/** The name a deleted sponsor is known by from then on: the same for the same sponsor, and nothing of theirs in it. */
export function pseudonymFor(sponsorId: string): string {
  return `已注销的资助人 #${createHash('sha256').update(sponsorId).digest('hex').slice(0, 4)}`;
}

/**
 * The sponsorship ends as a sponsor's ending does (`ended`, with the time and why, in the audit log).
 * The student is never left with no one: one who meets the NGO's own conditions for the pool is
 * back in it at once, and a student still in the program gets a `sponsor_left` task for their
 * caseworker on the watch list, and a notice, so a person tells the student with care.
 */
async function endSponsorship(trx: Trx, principal: Sponsor, sponsorshipId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const student = await trx
    .selectFrom('sponsorships')
    .innerJoin('students', 'students.id', 'sponsorships.student_id')
    .selectAll('students')
    .where('sponsorships.id', '=', sponsorshipId)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('sponsorships')
    .set({ status: 'ended', end_reason: END_REASON, ended_at: at, updated_at: at })
    .where('id', '=', sponsorshipId)
    .where('status', 'in', ['active', 'paused'])
    .execute();
  const inProgram = student.program_status === 'active' || student.program_status === 'paused';
  // The same conditions as the NGO putting a student in the pool (program active, story approved, consent).
  const consentActive = Boolean(
    await trx.selectFrom('guardian_consents').select('id').where('student_id', '=', student.id).where('withdrawn_at', 'is', null).executeTakeFirst(),
  );
  const backInPool = (await poolBlockers(trx, student, now, consentActive)).length === 0;
  if (backInPool && student.pool_since === null) {
    await trx.updateTable('students').set({ pool_since: at, updated_at: at }).where('id', '=', student.id).where('pool_since', 'is', null).execute();
  }
  await recordAudit(trx, principal, now, {
    action: 'sponsorships.end',
    entityType: 'sponsorship',
    entityId: sponsorshipId,
    studentId: student.id,
    reason: END_REASON,
    detail: { backInPool },
  });
  if (!inProgram) return;
  const dedupeKey = `sponsor_left:${sponsorshipId}`;
  await trx
    .insertInto('caseworker_tasks')
    .values({
      id: newId(),
      ngo_id: student.ngo_id,
      student_id: student.id,
      kind: 'sponsor_left',
      status: 'open',
      dedupe_key: dedupeKey,
      due_at: new Date(now.getTime() + SPONSOR_LEFT_TASK_DAYS * 86_400_000).toISOString(),
      created_at: at,
      done_at: null,
      detail: JSON.stringify({ sponsorshipId, backInPool }),
    })
    .onConflict((oc) => oc.columns(['ngo_id', 'dedupe_key']).doNothing())
    .execute();
  const caseworker = student.caseworker_id
    ? await trx.selectFrom('staff').select('account_id').where('id', '=', student.caseworker_id).executeTakeFirst()
    : undefined;
  if (caseworker) {
    await notify(
      trx,
      {
        accountId: caseworker.account_id,
        kind: 'sponsor_left',
        payload: { studentId: student.id, studentDisplayName: student.display_name, sponsorshipId, backInPool },
        dedupeKey,
      },
      now,
    );
  }
}

/**
 * Where the old name was written into what others keep, the pseudonym takes its place: ledger text
 * staff typed on this sponsor's sponsorships, and the notices their students got of their letters.
 */
async function replaceName(trx: Trx, sponsorId: string, oldName: string, pseudonym: string): Promise<void> {
  const name = oldName.trim();
  if (name.length < MIN_NAME_LENGTH) return;
  const sponsorships = trx.selectFrom('sponsorships').select('sponsorships.id').where('sponsorships.sponsor_id', '=', sponsorId);
  await trx
    .updateTable('ledger_entries')
    .set((eb) => ({
      description: eb.fn<string>('replace', ['description', eb.val(name), eb.val(pseudonym)]),
      payee: eb.fn<string | null>('replace', ['payee', eb.val(name), eb.val(pseudonym)]),
    }))
    .where('sponsorship_id', 'in', sponsorships)
    .execute();
  const studentAccounts = trx
    .selectFrom('sponsorships')
    .innerJoin('students', 'students.id', 'sponsorships.student_id')
    .select('students.account_id')
    .where('sponsorships.sponsor_id', '=', sponsorId)
    .where('students.account_id', 'is not', null);
  const from = `"counterpartName":${JSON.stringify(oldName)}`;
  await trx
    .updateTable('notifications')
    .set((eb) => ({ payload: eb.fn<string>('replace', ['payload', eb.val(from), eb.val(`"counterpartName":${JSON.stringify(pseudonym)}`)]) }))
    .where('account_id', 'in', studentAccounts)
    .execute();
}

/** What an earlier (or concurrent) deletion of this account did, answered again. */
async function alreadyDeleted(trx: Trx, principal: Sponsor): Promise<AccountDeleted | null> {
  const sponsor = await trx.selectFrom('sponsors').select(['display_name', 'deleted_at']).where('id', '=', principal.sponsorId).executeTakeFirstOrThrow();
  if (!sponsor.deleted_at) return null;
  const { n } = await trx
    .selectFrom('sponsorships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sponsor_id', '=', principal.sponsorId)
    .where('end_reason', '=', END_REASON)
    .executeTakeFirstOrThrow();
  return { deletedAt: sponsor.deleted_at, pseudonym: sponsor.display_name, endedSponsorships: Number(n) };
}

/**
 * Deletes the sponsor's account, in one transaction: sign-in identities and sessions gone, the name
 * replaced by a pseudonym everywhere it shows, their own inbox, grants and unsent photos deleted,
 * open sponsorships ended as a sponsor's ending ends them, letters never delivered withdrawn. What
 * the NGO must keep stays: ledger rows (amounts, dates, the sponsorship) and the letters the student
 * received, now under the pseudonym. A second request (a retry, or one racing the first) changes
 * nothing and answers the same.
 */
export async function deleteSponsorAccount(app: FastifyInstance, principal: Sponsor): Promise<AccountDeleted> {
  const now = app.clock.now();
  const at = now.toISOString();
  const pseudonym = pseudonymFor(principal.sponsorId);
  const { result, sessionIds, fileKeys } = await app.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('sponsors').select('display_name').where('id', '=', principal.sponsorId).executeTakeFirstOrThrow();
    // The claim: only one request gets past this update (a concurrent one waits for it, then finds 0 rows).
    const claimed = await trx
      .updateTable('sponsors')
      .set({ display_name: pseudonym, deleted_at: at })
      .where('id', '=', principal.sponsorId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return { result: (await alreadyDeleted(trx, principal))!, sessionIds: [], fileKeys: [] };

    await trx.updateTable('accounts').set({ disabled_at: at }).where('id', '=', principal.accountId).execute();
    const sessions = await trx.selectFrom('sessions').select('id').where('account_id', '=', principal.accountId).where('revoked_at', 'is', null).execute();
    await trx.updateTable('sessions').set({ revoked_at: at }).where('account_id', '=', principal.accountId).where('revoked_at', 'is', null).execute();
    await trx.deleteFrom('platform_identities').where('account_id', '=', principal.accountId).execute();
    await trx.deleteFrom('message_subscriptions').where('account_id', '=', principal.accountId).execute();
    await trx.deleteFrom('outbox_messages').where('account_id', '=', principal.accountId).execute();
    await trx.deleteFrom('notifications').where('account_id', '=', principal.accountId).execute();
    // Gifts made elsewhere are the sponsor's own notes, not the NGO's records: nothing to keep.
    await trx.deleteFrom('self_reported_gifts').where('sponsor_id', '=', principal.sponsorId).execute();
    const unsentPhotos = await trx
      .selectFrom('uploads')
      .select(['id', 'storage_key'])
      .where('owner_account_id', '=', principal.accountId)
      .where('letter_id', 'is', null)
      .where('attached_at', 'is', null)
      .execute();
    if (unsentPhotos.length > 0) await trx.deleteFrom('uploads').where('id', 'in', unsentPhotos.map((u) => u.id)).execute();

    const undelivered = await trx
      .selectFrom('letters')
      .select(['id', 'status'])
      .where('author_account_id', '=', principal.accountId)
      .where('status', 'in', ['held', 'returned'])
      .execute();
    for (const letter of undelivered) {
      await moveLetter(trx, letter, 'withdrawn', 'writer', { actorAccountId: principal.accountId, reason: END_REASON, now });
    }

    const released = await trx
      .updateTable('sponsorships')
      .set({ status: 'ended', end_reason: 'released', ended_at: at, updated_at: at })
      .where('sponsor_id', '=', principal.sponsorId)
      .where('status', '=', 'reserved')
      .executeTakeFirst();
    const open = await trx
      .selectFrom('sponsorships')
      .select('id')
      .where('sponsor_id', '=', principal.sponsorId)
      .where('status', 'in', ['active', 'paused'])
      .orderBy('id')
      .execute();
    for (const sponsorship of open) await endSponsorship(trx, principal, sponsorship.id, now);

    await replaceName(trx, principal.sponsorId, before.display_name, pseudonym);
    await recordAudit(trx, principal, now, {
      action: 'sponsors.delete_account',
      entityType: 'sponsor',
      entityId: principal.sponsorId,
      detail: {
        endedSponsorships: open.map((s) => s.id),
        releasedReservations: Number(released.numUpdatedRows),
        withdrawnLetters: undelivered.map((l) => l.id),
        revokedSessions: sessions.length,
        deletedPhotos: unsentPhotos.length,
      },
    });
    return {
      result: { deletedAt: at, pseudonym, endedSponsorships: open.length },
      sessionIds: sessions.map((s) => s.id),
      fileKeys: unsentPhotos.map((u) => u.storage_key),
    };
  });

  for (const id of sessionIds) app.sessionCache.forgetSession(id);
  for (const key of fileKeys) {
    // The rows are gone already; a file left behind is unreachable (links are made from rows), so log and go on.
    await app.files.delete(key).catch((error: unknown) => app.log.warn({ err: error, key }, 'could not delete an unsent photo'));
  }
  return result;
}
