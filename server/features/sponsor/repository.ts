import type { SponsorshipSummary } from '../../../domain/api/homes';
import { ageOn } from '../../../domain/dates';
import { visibleSponsorships } from '../../access/scopes';
import type { PrincipalOf } from '../../access/principal';
import type { Db } from '../../db/connect';
import { decodeCursor, toPage } from '../../lib/cursor';

const DELIVERED_LETTER_STATUSES = ['delivered', 'read', 'replied'] as const;
/** The check-ins a sponsor's timeline shows (a request to talk to the caseworker never reaches them). */
const SPONSOR_VISIBLE_CHECKINS = ['doing_well', 'busy_exams'] as const;

const latest = (...times: (string | null)[]) => times.reduce<string | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);

/** The caller's sponsorships with what a summary shows: only sponsor-safe student fields. */
export function sponsorshipSummaries(db: Db, principal: PrincipalOf<'sponsor'>) {
  return visibleSponsorships(db, principal)
    .innerJoin('students', 'students.id', 'sponsorships.student_id')
    .innerJoin('ngos', 'ngos.id', 'students.ngo_id')
    .select((eb) => [
      'sponsorships.id',
      'sponsorships.status',
      'sponsorships.amount_fen',
      'sponsorships.cadence',
      'sponsorships.term_years',
      'sponsorships.start_date',
      'students.id as student_id',
      'students.display_name',
      'students.date_of_birth',
      'students.grade',
      'students.school_stage',
      'students.province',
      'students.city',
      'students.next_due_at',
      'ngos.name as ngo_name',
      // Latest news is only what the student sent and the sponsor can read: a caseworker reaching the
      // student restarts the care clock (last heard), but is news of the NGO, told as the care state.
      eb
        .selectFrom('checkins')
        .select((c) => c.fn.max('checkins.created_at').as('at'))
        .whereRef('checkins.student_id', '=', 'students.id')
        .where('checkins.kind', 'in', SPONSOR_VISIBLE_CHECKINS)
        .as('last_checkin_at'),
      eb
        .selectFrom('letters')
        .select((l) => l.fn.max('letters.created_at').as('at'))
        .whereRef('letters.sponsorship_id', '=', 'sponsorships.id')
        .where('letters.direction', '=', 'to_sponsor')
        .where('letters.status', 'in', DELIVERED_LETTER_STATUSES)
        .as('last_letter_at'),
      eb
        .selectFrom('letters')
        .select((l) => l.fn.countAll<number>().as('n'))
        .whereRef('letters.sponsorship_id', '=', 'sponsorships.id')
        .where('letters.status', 'in', DELIVERED_LETTER_STATUSES)
        .as('letter_count'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof sponsorshipSummaries>['executeTakeFirstOrThrow']>>;

export function toSummary(r: SummaryRow, now: Date): SponsorshipSummary {
  return {
    id: r.id,
    status: r.status,
    amountFen: r.amount_fen,
    cadence: r.cadence,
    termYears: r.term_years,
    startDate: r.start_date,
    student: {
      id: r.student_id,
      displayName: r.display_name,
      age: ageOn(r.date_of_birth, now),
      grade: r.grade,
      schoolStage: r.school_stage,
      province: r.province,
      city: r.city,
      ngoName: r.ngo_name,
    },
    lastHeardAt: latest(r.last_checkin_at, r.last_letter_at),
    nextExpectedAt: r.next_due_at,
    letterCount: Number(r.letter_count ?? 0),
  };
}

/** The sponsor's own sponsorships, newest first, with only sponsor-safe student fields. */
export async function listSponsorships(
  db: Db,
  principal: PrincipalOf<'sponsor'>,
  page: { limit: number; cursor?: string },
  now: Date,
) {
  const after = decodeCursor(page.cursor, ['text', 'text']);
  let query = sponsorshipSummaries(db, principal)
    .where('sponsorships.status', '!=', 'reserved')
    .orderBy('sponsorships.start_date', 'desc')
    .orderBy('sponsorships.id', 'desc')
    .limit(page.limit + 1);
  if (after) {
    const [startDate, id] = after;
    query = query.where((eb) =>
      eb.or([
        eb('sponsorships.start_date', '<', startDate),
        eb.and([eb('sponsorships.start_date', '=', startDate), eb('sponsorships.id', '<', id)]),
      ]),
    );
  }
  const rows = await query.execute();
  const { items, nextCursor } = toPage(rows, page.limit, (r) => [r.start_date, r.id]);
  return { items: items.map((r) => toSummary(r, now)), nextCursor };
}
