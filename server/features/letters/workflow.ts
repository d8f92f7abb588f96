import type { FastifyInstance } from 'fastify';
import type { ComposeLetterBody, LetterDetail, LetterPhoto, Redaction, ResubmitLetterBody, ReviewDecision } from '../../../domain/api/letters';
import { assertTransition, canBeRepliedTo, isVisibleToReader, isWithdrawable } from '../../../domain/letters';
import { recordAudit } from '../../audit/record';
import { recordHeardFrom } from '../../care-clock/heard-from';
import type { Db } from '../../db/connect';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { Locale } from '../../lib/messages';
import { notify } from '../notifications/repository';
import { hasOpenUrgentFlag } from '../wellbeing/open-flags';
import { assessStudentWords } from '../wellbeing/record';
import { notifyDelivered } from './delivery';
import { moveLetter, recordLetterEvent, type LetterState } from './lifecycle';
import {
  acceptsLetters,
  eventsOf,
  findNgoLetter,
  findPartyLetter,
  findPartySponsorship,
  freeUploads,
  hasReply,
  incomingDirection,
  photosOf,
  type Party,
  type Staff,
} from './repository';
import { screenLetter, type LetterScreening } from './screening';
import { counterpartName, normalizeRedactions, toDetail, type LetterContext, type PartyRole } from './views';

/** Whether the caller wrote the letter, reads it, or neither. */
export function partyRole(principal: Party, ctx: LetterContext): PartyRole | null {
  if (ctx.author_account_id === principal.accountId) return 'writer';
  if (ctx.direction === incomingDirection(principal)) return 'reader';
  return null;
}

/** The letter as the caller may see it, or 404 — the same answer whether it does not exist or is not theirs to see. */
async function seeLetter(db: Db, principal: Party, id: string) {
  const ctx = await findPartyLetter(db, principal, id);
  const role = ctx ? partyRole(principal, ctx) : null;
  if (!ctx || !role || (role === 'reader' && !isVisibleToReader(ctx.status))) throw new AppError('NOT_FOUND');
  return { ctx, role };
}

export function signedPhotos(app: FastifyInstance, rows: { id: string; storage_key: string; width: number; height: number }[]): LetterPhoto[] {
  return rows.map((p) => ({ id: p.id, url: app.signedFileUrl(p.storage_key), width: p.width, height: p.height }));
}

export async function letterDetail(app: FastifyInstance, principal: Party, id: string, locale: Locale): Promise<LetterDetail> {
  const { ctx, role } = await seeLetter(app.db, principal, id);
  const [events, photos, replied] = await Promise.all([eventsOf(app.db, [id]), photosOf(app.db, [id]), hasReply(app.db, id)]);
  return toDetail(ctx, { role, callerRole: principal.role, accountId: principal.accountId, locale }, events, signedPhotos(app, photos), replied);
}

/**
 * submitted → screened → delivered | held, by the system, recording what screening found. A student's
 * letter is also assessed for their wellbeing: urgent words hold it for the caseworker (`care`), and
 * the sponsor sees only that a letter is delayed.
 */
async function screenAndRoute(db: Db, ctx: LetterContext, letter: LetterState, screening: LetterScreening, now: Date) {
  const careHold = ctx.direction === 'to_sponsor' && (await assessStudentLetter(db, ctx, now)) === 'urgent';
  await moveLetter(db, letter, 'screened', 'system', { actorAccountId: null, now });
  if (screening.verdict === 'pass' && !careHold) {
    await moveLetter(db, letter, 'delivered', 'system', { actorAccountId: null, now });
    await notifyDelivered(db, ctx, now);
    return;
  }
  const detail: Record<string, unknown> = { findings: screening.findings };
  if (screening.contentSecurity) detail.contentSecurity = screening.contentSecurity;
  if (careHold) detail.care = true;
  await moveLetter(db, letter, 'held', 'system', { actorAccountId: null, detail, now });
}

/** Assesses the words of a student's letter as sent this time (each sending is a new revision). */
async function assessStudentLetter(db: Db, ctx: LetterContext, now: Date) {
  const { n } = await db
    .selectFrom('letter_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('letter_id', '=', ctx.id)
    .where('to_status', '=', 'submitted')
    .executeTakeFirstOrThrow();
  const outcome = await assessStudentWords(db, ctx.student_id, { kind: 'letter', id: ctx.id, revision: Math.max(1, Number(n)) }, ctx.body, now);
  return outcome.level;
}

/** Attaches the caller's own unattached uploads to a letter; anything else is refused. */
async function attachPhotos(db: Db, accountId: string, letterId: string, photoIds: readonly string[], now: Date) {
  if (photoIds.length === 0) return;
  const uploads = await freeUploads(db, accountId, photoIds);
  if (uploads.length !== photoIds.length) throw new AppError('PHOTO_UNAVAILABLE');
  const at = now.toISOString();
  const byId = new Map(uploads.map((u) => [u.id, u]));
  for (const [index, id] of photoIds.entries()) {
    const upload = byId.get(id)!;
    const claimed = await db
      .updateTable('uploads')
      .set({ letter_id: letterId, attached_at: at })
      .where('id', '=', id)
      .where('attached_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('PHOTO_UNAVAILABLE');
    await db
      .insertInto('letter_photos')
      // Photos keep the order they were given in: created_at steps by a millisecond each.
      .values({ id, letter_id: letterId, storage_key: upload.storage_key, width: upload.width, height: upload.height, bytes: upload.bytes, created_at: new Date(now.getTime() + index).toISOString() })
      .execute();
  }
}

/** Hearing from a student: their letter moves last-heard and next-due. */
async function heardFromWriter(db: Db, ctx: LetterContext, now: Date) {
  if (ctx.direction === 'to_sponsor') await recordHeardFrom(db, ctx.student_id, now);
}

/**
 * A new letter or a reply: stored, screened and delivered or held, all in one transaction. Replies
 * move the letter they answer to `replied`.
 */
export async function composeLetter(app: FastifyInstance, principal: Party, input: ComposeLetterBody): Promise<string> {
  const db = app.db;
  let sponsorshipId: string;
  let parent: LetterContext | null = null;
  if (input.inReplyTo) {
    const found = await findPartyLetter(db, principal, input.inReplyTo);
    if (!found || partyRole(principal, found) !== 'reader' || !isVisibleToReader(found.status)) throw new AppError('NOT_FOUND');
    if (input.sponsorshipId && input.sponsorshipId !== found.sponsorship_id) {
      throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.sponsorshipId', message: 'const' }] });
    }
    if (!canBeRepliedTo(found.status) || (await hasReply(db, found.id))) throw new AppError('LETTER_NOT_REPLYABLE');
    parent = found;
    sponsorshipId = found.sponsorship_id;
  } else {
    if (!input.sponsorshipId) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.sponsorshipId', message: 'required' }] });
    sponsorshipId = input.sponsorshipId;
  }
  const sponsorship = await findPartySponsorship(db, principal, sponsorshipId);
  if (!sponsorship) throw new AppError('NOT_FOUND');
  if (!acceptsLetters(sponsorship, app.clock.now())) throw new AppError('SPONSORSHIP_CLOSED');
  const photoIds = input.photoIds ?? [];
  if ((await freeUploads(db, principal.accountId, photoIds)).length !== photoIds.length) throw new AppError('PHOTO_UNAVAILABLE');

  const screening = await screenLetter(app, input.body, principal.accountId);
  const now = app.clock.now();
  const at = now.toISOString();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    // A letter is written in the app and arrives here already sent: draft → submitted happens now.
    assertTransition('draft', 'submitted', 'writer');
    await trx
      .insertInto('letters')
      .values({
        id,
        sponsorship_id: sponsorshipId,
        direction: principal.role === 'sponsor' ? 'to_student' : 'to_sponsor',
        author_account_id: principal.accountId,
        in_reply_to: parent?.id ?? null,
        body: input.body,
        status: 'submitted',
        status_changed_at: at,
        created_at: at,
      })
      .execute();
    await recordLetterEvent(trx, id, null, 'submitted', { actorAccountId: principal.accountId, now });
    await attachPhotos(trx, principal.accountId, id, photoIds, now);
    if (parent) {
      const answered: LetterState = { id: parent.id, status: parent.status };
      if (answered.status === 'delivered') await moveLetter(trx, answered, 'read', 'reader', { actorAccountId: principal.accountId, now });
      await moveLetter(trx, answered, 'replied', 'reader', { actorAccountId: principal.accountId, now });
    }
    const ctx = await findPartyLetter(trx, principal, id);
    await screenAndRoute(trx, ctx!, { id, status: 'submitted' }, screening, now);
    await heardFromWriter(trx, ctx!, now);
  });
  return id;
}

/** The writer sends a held or returned letter again, edited: it is screened (and assessed) afresh. */
export async function resubmitLetter(app: FastifyInstance, principal: Party, id: string, input: ResubmitLetterBody): Promise<void> {
  const db = app.db;
  const { ctx, role } = await seeLetter(db, principal, id);
  if (role !== 'writer') throw new AppError('NOT_FOUND');
  if (!isWithdrawable(ctx.status)) throw new AppError('LETTER_NOT_WITHDRAWABLE');
  const current = await photosOf(db, [id]);
  const keep = new Set(current.map((p) => p.id));
  const wanted = input.photoIds ?? [...keep];
  const added = wanted.filter((p) => !keep.has(p));
  if ((await freeUploads(db, principal.accountId, added)).length !== added.length) throw new AppError('PHOTO_UNAVAILABLE');
  const removed = current.filter((p) => !wanted.includes(p.id));

  const screening = await screenLetter(app, input.body, principal.accountId);
  const now = app.clock.now();
  await db.transaction().execute(async (trx) => {
    const letter: LetterState = { id, status: ctx.status };
    await moveLetter(trx, letter, 'submitted', 'writer', { actorAccountId: principal.accountId, now });
    await trx.updateTable('letters').set({ body: input.body }).where('id', '=', id).execute();
    if (removed.length > 0) {
      const removedIds = removed.map((p) => p.id);
      await trx.deleteFrom('letter_photos').where('id', 'in', removedIds).execute();
      await trx.deleteFrom('uploads').where('id', 'in', removedIds).execute();
    }
    await attachPhotos(trx, principal.accountId, id, added, now);
    // The photos keep the order the writer gave this time.
    for (const [index, photoId] of wanted.entries()) {
      await trx.updateTable('letter_photos').set({ created_at: new Date(now.getTime() + index).toISOString() }).where('id', '=', photoId).execute();
    }
    await screenAndRoute(trx, { ...ctx, body: input.body }, letter, screening, now);
    await heardFromWriter(trx, ctx, now);
  });
  // Photos taken out of a returned letter are not kept (they may be why it was returned).
  for (const photo of removed) await app.files.delete(photo.storage_key);
}

/**
 * The writer takes back a letter still held or returned: it is never delivered. A wellbeing flag its
 * words raised stays with the caseworker (a flag is never dropped by withdrawing the letter).
 */
export async function withdrawLetter(app: FastifyInstance, principal: Party, id: string): Promise<void> {
  const { ctx, role } = await seeLetter(app.db, principal, id);
  if (role !== 'writer') throw new AppError('NOT_FOUND');
  if (!isWithdrawable(ctx.status)) throw new AppError('LETTER_NOT_WITHDRAWABLE');
  const now = app.clock.now();
  await app.db.transaction().execute(async (trx) => {
    try {
      await moveLetter(trx, { id, status: ctx.status }, 'withdrawn', 'writer', { actorAccountId: principal.accountId, now });
    } catch (error) {
      // Reviewed (or withdrawn) between reading and writing: say so in words the writer can act on.
      if (error instanceof AppError && error.code === 'CONFLICT') throw new AppError('LETTER_NOT_WITHDRAWABLE');
      throw error;
    }
  });
}

/** The reader opens a delivered letter. Opening it again changes nothing. */
export async function markRead(app: FastifyInstance, principal: Party, id: string): Promise<void> {
  const { ctx, role } = await seeLetter(app.db, principal, id);
  if (role !== 'reader') throw new AppError('NOT_FOUND');
  if (ctx.status !== 'delivered') return;
  const now = app.clock.now();
  try {
    await app.db.transaction().execute(async (trx) => {
      await moveLetter(trx, { id, status: 'delivered' }, 'read', 'reader', { actorAccountId: principal.accountId, now });
    });
  } catch (error) {
    // Two taps raced (or a reply landed first): the letter is read either way.
    if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
  }
}

export type ReviewAction = { kind: 'approve' } | { kind: 'return'; reason: string } | { kind: 'approve_redacted'; redactions: Redaction[] };

/** A caseworker's decision on a held letter of their NGO; audited with the letter and the student. */
export async function reviewLetter(app: FastifyInstance, principal: Staff, id: string, action: ReviewAction): Promise<ReviewDecision> {
  const ctx = await findNgoLetter(app.db, principal, id);
  if (!ctx) throw new AppError('NOT_FOUND');
  if (ctx.status !== 'held') throw new AppError('CONFLICT');
  if (await hasOpenUrgentFlag(app.db, 'letter', id)) throw new AppError('LETTER_CARE_HOLD');
  let redactions: Redaction[] | null = null;
  if (action.kind === 'approve_redacted') {
    redactions = normalizeRedactions(ctx.body, action.redactions);
    if (!redactions) throw new AppError('REDACTION_INVALID');
  }
  const now = app.clock.now();
  const letter: LetterState = { id, status: 'held' };
  await app.db.transaction().execute(async (trx) => {
    if (action.kind === 'return') {
      await moveLetter(trx, letter, 'returned', 'staff', { actorAccountId: principal.accountId, reason: action.reason, now });
      await notify(
        trx,
        {
          accountId: ctx.author_account_id,
          kind: 'letter_returned',
          payload: { letterId: id, sponsorshipId: ctx.sponsorship_id, counterpartName: counterpartName(ctx, ctx.direction === 'to_student' ? 'sponsor' : 'student') },
          dedupeKey: `letter:${id}:returned:${now.toISOString()}`,
        },
        now,
      );
    } else {
      await moveLetter(trx, letter, 'approved', 'staff', { actorAccountId: principal.accountId, detail: redactions ? { redactions } : null, now });
      await moveLetter(trx, letter, 'delivered', 'system', { actorAccountId: null, now });
      await notifyDelivered(trx, ctx, now);
    }
    await recordAudit(trx, principal, now, {
      action: `letters.${action.kind}`,
      entityType: 'letter',
      entityId: id,
      studentId: ctx.student_id,
      reason: action.kind === 'return' ? action.reason : null,
      detail: { direction: ctx.direction, ...(redactions ? { redactions } : {}) },
    });
  });
  return { id, status: letter.status };
}
