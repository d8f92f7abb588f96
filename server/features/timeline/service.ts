import type { FastifyInstance } from 'fastify';
import type { TimelineItem, TimelinePage } from '../../../domain/api/sponsorship';
import type { PrincipalOf } from '../../access/principal';
import { decodeCursor, toPage } from '../../lib/cursor';
import { AppError } from '../../lib/errors';
import type { Locale } from '../../lib/messages';
import { payeeLabel, sponsorSafeText } from '../ledger/labels';
import { findLedgerSponsorship } from '../ledger/repository';
import { applyRedactions, parseEventDetail, previewOf } from '../letters/views';
import {
  TIMELINE_KINDS,
  timelineCheckins,
  timelineDisbursements,
  timelineLetters,
  timelineNotices,
  timelineTermReports,
  type TimelineCursor,
  type TimelineKind,
  type TimelineWindow,
} from './repository';

function parseCursor(cursor: string | undefined): TimelineCursor | undefined {
  const values = decodeCursor(cursor, ['text', 'text', 'text']);
  if (!values) return undefined;
  const [at, kind, id] = values;
  if (!TIMELINE_KINDS.includes(kind as TimelineKind)) {
    throw new AppError('VALIDATION_FAILED', { details: [{ field: 'cursor', message: 'cursor' }] });
  }
  return { at, kind: kind as TimelineKind, id };
}

/** Newest first; equal instants by kind, then id, all descending (the order the cursor encodes). */
function compare(a: TimelineItem, b: TimelineItem): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.kind !== b.kind) return a.kind < b.kind ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * The sponsor's timeline of one of their sponsorships (404 for anyone else's): letters, check-ins
 * ("doing well" / "busy with exams" only), term reports, disbursements and NGO notices, merged newest
 * first. Each source reads at most limit + 1 rows after the cursor, so a page costs six small reads
 * (the sponsorship, then the five sources).
 */
export async function sponsorTimeline(
  app: FastifyInstance,
  principal: PrincipalOf<'sponsor'>,
  id: string,
  page: { limit: number; cursor?: string },
  locale: Locale,
): Promise<TimelinePage> {
  const cursor = parseCursor(page.cursor);
  const s = await findLedgerSponsorship(app.db, principal, id);
  if (!s) throw new AppError('NOT_FOUND');
  const closed = s.status === 'completed' || s.status === 'ended';
  const w: TimelineWindow = {
    sponsorshipId: s.id,
    studentId: s.student_id,
    ngoId: s.ngo_id,
    sponsorAccountId: principal.accountId,
    from: s.start_date,
    to: closed ? s.ended_at : null,
  };
  const n = page.limit + 1;
  const [letters, checkins, reports, disbursements, notices] = await Promise.all([
    timelineLetters(app.db, w, cursor, n),
    timelineCheckins(app.db, w, cursor, n),
    timelineTermReports(app.db, w, cursor, n),
    timelineDisbursements(app.db, w, cursor, n),
    timelineNotices(app.db, w, cursor, n),
  ]);
  const protectedValues = [s.legal_name, s.school_name, s.village];
  // Letter previews are filled in below, for the letters that make the page only.
  const merged: TimelineItem[] = letters.map((l) => ({ kind: 'letter', id: l.id, at: l.at, letterId: l.id, direction: l.direction, preview: '', photoCount: 0 }));
  for (const c of checkins) merged.push({ kind: 'checkin', id: c.id, at: c.at, mood: c.kind as 'doing_well' | 'busy_exams' });
  for (const r of reports) {
    merged.push({ kind: 'term_report', id: r.id, at: r.at, term: r.term, grade: r.grade, overallResult: sponsorSafeText(r.overall_result, protectedValues), authoredBy: r.authored_by });
  }
  for (const d of disbursements) {
    merged.push({ kind: 'disbursement', id: d.id, at: d.at, paidOn: d.paid_on, category: d.category ?? 'other', payeeLabel: payeeLabel(d.payee_kind, d.category, locale), amountFen: d.amount_fen });
  }
  for (const x of notices) merged.push({ kind: 'ngo_notice', id: x.id, at: x.at, text: sponsorSafeText(x.text, protectedValues) });
  merged.sort(compare);

  const { items, nextCursor } = toPage(merged.slice(0, n), page.limit, (item) => [item.at, item.kind, item.id]);
  // Letter previews only for the letters on this page: the writer's own text, the reader's redacted.
  const bodies = new Map(letters.map((l) => [l.id, l]));
  return {
    items: items.map((item) => {
      if (item.kind !== 'letter') return item;
      const l = bodies.get(item.id)!;
      const mine = l.author_account_id === principal.accountId;
      const body = mine ? l.body : applyRedactions(l.body, parseEventDetail(l.approved_detail).redactions);
      return { ...item, preview: previewOf(body), photoCount: Number(l.photo_count) };
    }),
    nextCursor,
  };
}
