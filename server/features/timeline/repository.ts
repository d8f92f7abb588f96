import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect';
import { letterListExtras } from '../letters/repository';

/** The kinds a timeline merges; the cursor orders equal instants by kind, then id (all descending). */
export const TIMELINE_KINDS = ['checkin', 'disbursement', 'letter', 'ngo_notice', 'term_report'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineCursor {
  at: string;
  kind: TimelineKind;
  id: string;
}

/** The span of a sponsorship: its start day, and its end once completed or ended. */
export interface TimelineWindow {
  sponsorshipId: string;
  studentId: string;
  ngoId: string;
  sponsorAccountId: string;
  from: string;
  to: string | null;
}

/**
 * Keyset condition for one source (all of one kind) under the merged order (at, kind, id) descending:
 * rows strictly after the cursor.
 */
function after(atColumn: string, idColumn: string, kind: TimelineKind, c: TimelineCursor | undefined): Expression<SqlBool> {
  if (!c) return sql<SqlBool>`1 = 1`;
  const at = sql.ref(atColumn);
  if (kind < c.kind) return sql<SqlBool>`${at} <= ${c.at}`;
  if (kind > c.kind) return sql<SqlBool>`${at} < ${c.at}`;
  return sql<SqlBool>`(${at} < ${c.at} or (${at} = ${c.at} and ${sql.ref(idColumn)} < ${c.id}))`;
}

/**
 * Letters of the sponsorship the sponsor may see: their own in any status, and any delivered or later;
 * each with its redactions in force and photo count.
 */
export function timelineLetters(db: Db, w: TimelineWindow, c: TimelineCursor | undefined, limit: number) {
  return db
    .selectFrom('letters')
    .select(['id', 'created_at as at', 'direction', 'body', 'author_account_id'])
    .select(letterListExtras(db))
    .where('sponsorship_id', '=', w.sponsorshipId)
    .where((eb) => eb.or([eb('author_account_id', '=', w.sponsorAccountId), eb('status', 'in', ['delivered', 'read', 'replied'])]))
    .where(after('letters.created_at', 'letters.id', 'letter', c))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * The student's check-ins during the sponsorship, only "doing well" and "busy with exams". A request to
 * talk to the caseworker is filtered out here, in the query: it never reaches the sponsor.
 */
export function timelineCheckins(db: Db, w: TimelineWindow, c: TimelineCursor | undefined, limit: number) {
  let query = db
    .selectFrom('checkins')
    .select(['id', 'created_at as at', 'kind'])
    .where('student_id', '=', w.studentId)
    .where('kind', 'in', ['doing_well', 'busy_exams'])
    .where('created_at', '>=', w.from)
    .where(after('checkins.created_at', 'checkins.id', 'checkin', c))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  if (w.to) query = query.where('created_at', '<=', w.to);
  return query.execute();
}

/** Term reports during the sponsorship, except one whose comment a caseworker has yet to clear (`held_for_care`). */
export function timelineTermReports(db: Db, w: TimelineWindow, c: TimelineCursor | undefined, limit: number) {
  let query = db
    .selectFrom('term_reports')
    .select(['id', 'created_at as at', 'term', 'grade', 'overall_result', 'authored_by'])
    .where('student_id', '=', w.studentId)
    .where('held_for_care', '=', 0)
    .where('created_at', '>=', w.from)
    .where(after('term_reports.created_at', 'term_reports.id', 'term_report', c))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  if (w.to) query = query.where('created_at', '<=', w.to);
  return query.execute();
}

/** Disbursements of the sponsorship, in the order they were recorded, with the day each was paid. */
export function timelineDisbursements(db: Db, w: TimelineWindow, c: TimelineCursor | undefined, limit: number) {
  return db
    .selectFrom('ledger_entries')
    .select(['id', 'created_at as at', 'occurred_on as paid_on', 'category', 'payee', 'payee_kind', 'amount_fen'])
    .where('sponsorship_id', '=', w.sponsorshipId)
    .where('kind', '=', 'disbursement')
    .where(after('ledger_entries.created_at', 'ledger_entries.id', 'disbursement', c))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Notices of the student's NGO during the sponsorship: to all its sponsors, or about this student. */
export function timelineNotices(db: Db, w: TimelineWindow, c: TimelineCursor | undefined, limit: number) {
  let query = db
    .selectFrom('ngo_notices')
    .select(['id', 'created_at as at', 'text'])
    .where('ngo_id', '=', w.ngoId)
    .where((eb) => eb.or([eb('student_id', 'is', null), eb('student_id', '=', w.studentId)]))
    .where('created_at', '>=', w.from)
    .where(after('ngo_notices.created_at', 'ngo_notices.id', 'ngo_notice', c))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  if (w.to) query = query.where('created_at', '<=', w.to);
  return query.execute();
}
