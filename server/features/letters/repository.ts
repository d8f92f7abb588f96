import { sql } from 'kysely';
import { visibleSponsorships } from '../../access/scopes';
import type { Principal, PrincipalOf } from '../../access/principal';
import type { Db } from '../../db/connect';
import { decodeCursor, toPage } from '../../lib/cursor';
import { noOpenUrgentFlagOnLetter } from '../wellbeing/open-flags';
import type { EventRow, LetterContext, PhotoRow } from './views';

export type Party = PrincipalOf<'sponsor' | 'student'>;
export type Staff = PrincipalOf<'caseworker' | 'ngo_admin'>;

/** Letters on the sponsorships the caller may see, with both sides' names. Every letter query starts here. */
function visibleLetters(db: Db, principal: Principal) {
  return visibleSponsorships(db, principal)
    .innerJoin('letters', 'letters.sponsorship_id', 'sponsorships.id')
    .innerJoin('students', 'students.id', 'sponsorships.student_id')
    .innerJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
    .select([
      'letters.id',
      'letters.sponsorship_id',
      'letters.direction',
      'letters.author_account_id',
      'letters.in_reply_to',
      'letters.body',
      'letters.status',
      'letters.status_changed_at',
      'letters.created_at',
      'sponsorships.status as sponsorship_status',
      'students.id as student_id',
      'students.display_name as student_name',
      'students.legal_name as student_legal_name',
      'students.account_id as student_account_id',
      'students.ngo_id',
      'sponsors.display_name as sponsor_name',
      'sponsors.account_id as sponsor_account_id',
    ]);
}

/** The direction of letters written to this kind of party. */
export const incomingDirection = (principal: Party) => (principal.role === 'sponsor' ? 'to_sponsor' : 'to_student');

/** A letter the caller writes or reads, whatever its status; the caller decides what they may see of it. */
export async function findPartyLetter(db: Db, principal: Party, id: string): Promise<LetterContext | undefined> {
  return visibleLetters(db, principal).where('letters.id', '=', id).executeTakeFirst();
}

/** A letter of one of the staff member's NGO's students. */
export async function findNgoLetter(db: Db, principal: Staff, id: string): Promise<LetterContext | undefined> {
  return visibleLetters(db, principal).where('letters.id', '=', id).executeTakeFirst();
}

/**
 * The caller's letters, newest first: all they wrote (any status), and those written to them once
 * delivered.
 */
export async function listPartyLetters(db: Db, principal: Party, page: { limit: number; cursor?: string; sponsorshipId?: string }) {
  const after = decodeCursor(page.cursor, ['text', 'text']);
  let query = visibleLetters(db, principal)
    .select(letterListExtras(db))
    .where((eb) =>
      eb.or([
        eb('letters.author_account_id', '=', principal.accountId),
        eb.and([eb('letters.direction', '=', incomingDirection(principal)), eb('letters.status', 'in', ['delivered', 'read', 'replied'])]),
      ]),
    )
    .orderBy('letters.created_at', 'desc')
    .orderBy('letters.id', 'desc')
    .limit(page.limit + 1);
  if (page.sponsorshipId) query = query.where('sponsorships.id', '=', page.sponsorshipId);
  if (after) {
    const [createdAt, id] = after;
    query = query.where((eb) =>
      eb.or([eb('letters.created_at', '<', createdAt), eb.and([eb('letters.created_at', '=', createdAt), eb('letters.id', '<', id)])]),
    );
  }
  const rows = await query.execute();
  return toPage(rows, page.limit, (r) => [r.created_at, r.id]);
}

/** Every step of the given letters, oldest first, with the role of whoever made it. */
export async function eventsOf(db: Db, letterIds: readonly string[], statuses?: readonly string[]): Promise<EventRow[]> {
  if (letterIds.length === 0) return [];
  let query = db
    .selectFrom('letter_events')
    .leftJoin('accounts', 'accounts.id', 'letter_events.actor_account_id')
    .select([
      'letter_events.letter_id',
      'letter_events.from_status',
      'letter_events.to_status',
      'letter_events.actor_account_id',
      'accounts.role as actor_role',
      'letter_events.reason',
      'letter_events.detail',
      'letter_events.created_at',
    ])
    .where('letter_events.letter_id', 'in', [...letterIds])
    .orderBy('letter_events.created_at')
    .orderBy((eb) => eb.fn.coalesce('letter_events.seq', eb.lit(0)))
    .orderBy('letter_events.id');
  if (statuses) query = query.where('letter_events.to_status', 'in', [...statuses]);
  return query.execute();
}

/**
 * What a list shows of each letter beyond its row, as subqueries on `letters` so a page is one query:
 * the detail of its latest approval (which holds the redactions in force, in `eventsOf` order) and
 * its number of photos.
 */
export function letterListExtras(db: Db) {
  const letterId = sql.ref<string>('letters.id');
  return [
    db
      .selectFrom('letter_events')
      .select('letter_events.detail')
      .where('letter_events.letter_id', '=', letterId)
      .where('letter_events.to_status', '=', 'approved')
      .orderBy('letter_events.created_at', 'desc')
      .orderBy((eb) => eb.fn.coalesce('letter_events.seq', eb.lit(0)), 'desc')
      .orderBy('letter_events.id', 'desc')
      .limit(1)
      .as('approved_detail'),
    db
      .selectFrom('letter_photos')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('letter_photos.letter_id', '=', letterId)
      .as('photo_count'),
  ] as const;
}

export async function photosOf(db: Db, letterIds: readonly string[]): Promise<PhotoRow[]> {
  if (letterIds.length === 0) return [];
  return db
    .selectFrom('letter_photos')
    .select(['id', 'letter_id', 'storage_key', 'width', 'height'])
    .where('letter_id', 'in', [...letterIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function hasReply(db: Db, letterId: string): Promise<boolean> {
  const row = await db.selectFrom('letters').select('id').where('in_reply_to', '=', letterId).limit(1).executeTakeFirst();
  return Boolean(row);
}

/** A sponsorship the caller is party to, with what a new letter on it needs. */
export async function findPartySponsorship(db: Db, principal: Party, id: string) {
  return visibleSponsorships(db, principal)
    .innerJoin('students', 'students.id', 'sponsorships.student_id')
    .select(['sponsorships.id', 'sponsorships.status', 'sponsorships.student_id', 'sponsorships.end_reason', 'sponsorships.ended_at'])
    .where('sponsorships.id', '=', id)
    .executeTakeFirst();
}

/** After a student leaves the program, both sides may still write goodbye letters for this long. */
export const GOODBYE_LETTER_DAYS = 30;

/**
 * Whether a new letter may be written on a sponsorship: while it is active or paused, and for 30 days
 * after it ended because the student left (a goodbye, both ways).
 */
export function acceptsLetters(sponsorship: { status: string; end_reason: string | null; ended_at: string | null }, now: Date): boolean {
  if (sponsorship.status === 'active' || sponsorship.status === 'paused') return true;
  if (sponsorship.status !== 'ended' || sponsorship.end_reason !== 'student_left' || !sponsorship.ended_at) return false;
  return now.getTime() - Date.parse(sponsorship.ended_at) <= GOODBYE_LETTER_DAYS * 86_400_000;
}

export async function wechatOpenId(db: Db, accountId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('platform_identities')
    .select('subject')
    .where('account_id', '=', accountId)
    .where('platform', '=', 'wechat')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row?.subject;
}

/** The caller's own uploads among `ids` that are not attached to any letter yet. */
export async function freeUploads(db: Db, accountId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('uploads')
    .select(['id', 'storage_key', 'width', 'height', 'bytes', 'created_at'])
    .where('owner_account_id', '=', accountId)
    .where('attached_at', 'is', null)
    .where('id', 'in', [...ids])
    .execute();
}

/** The NGO's held letters, oldest first. */
export async function listHeldLetters(db: Db, principal: Staff, page: { limit: number; cursor?: string }) {
  const after = decodeCursor(page.cursor, ['text', 'text']);
  let query = visibleLetters(db, principal)
    .where('letters.status', '=', 'held')
    .where(noOpenUrgentFlagOnLetter(sql.ref('letters.id')))
    .orderBy('letters.status_changed_at')
    .orderBy('letters.id')
    .limit(page.limit + 1);
  if (after) {
    const [changedAt, id] = after;
    query = query.where((eb) =>
      eb.or([eb('letters.status_changed_at', '>', changedAt), eb.and([eb('letters.status_changed_at', '=', changedAt), eb('letters.id', '>', id)])]),
    );
  }
  const rows = await query.execute();
  return toPage(rows, page.limit, (r) => [r.status_changed_at, r.id]);
}
