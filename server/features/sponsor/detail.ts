import type { FastifyInstance } from 'fastify';
import type { RenewBody, SponsorshipDetail } from '../../../domain/api/sponsorship';
import { sponsorCareStatus, type AlertOutcome } from '../../../domain/care/alerts';
import { yearsToGraduation } from '../../../domain/pledge';
import { PAYMENTS_PER_YEAR } from '../../../domain/sponsorship';
import type { PrincipalOf } from '../../access/principal';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import { AppError } from '../../lib/errors';
import { daysFromTo, shanghaiToday } from '../../lib/local-date';
import { credibilityForPages } from '../credibility';
import { addLedgerEntry, pledgeText, remainingPledgeFen } from '../pledges/repository';
import { sponsorshipSummaries, toSummary } from './repository';

export type Sponsor = PrincipalOf<'sponsor'>;

/** Renewal is offered in the last 90 days of a term (and after it, until the sponsor decides). */
export const RENEWAL_WINDOW_DAYS = 90;

export const OPEN = ['active', 'paused'] as const;
export const isOpen = (status: string) => (OPEN as readonly string[]).includes(status);

/** What a detail needs beyond the summary: dates, the NGO, and whether the student left. */
export async function detailRow(db: Db, principal: Sponsor, id: string) {
  return sponsorshipSummaries(db, principal)
    .select([
      'sponsorships.end_date',
      'students.ngo_id',
      'students.expected_graduation',
      'students.program_status',
      'students.left_return_expected',
    ])
    .where('sponsorships.id', '=', id)
    .executeTakeFirst();
}

type DetailRow = NonNullable<Awaited<ReturnType<typeof detailRow>>>;

/**
 * The ways to continue, near the end of the term: offered while the sponsorship is open, the student
 * is in the program, the end date is at most 90 days away (or passed), and the student is still at
 * school after it (expected graduation later than the end date). Both options then apply: to
 * graduation, or one more year.
 */
export function renewalFor(row: Pick<DetailRow, 'status' | 'end_date' | 'expected_graduation' | 'program_status'>, today: string): SponsorshipDetail['renewal'] {
  if (!isOpen(row.status) || row.program_status === 'left' || row.program_status === 'handed_over') return null;
  if (daysFromTo(today, row.end_date) > RENEWAL_WINDOW_DAYS) return null;
  if (row.expected_graduation <= row.end_date) return null;
  return { options: ['to_graduation', 'one_year'], endsOn: row.end_date };
}

/** One of the caller's own sponsorships (any other id is a 404), with what they may be asked to decide. */
export async function sponsorshipDetail(app: FastifyInstance, principal: Sponsor, id: string): Promise<SponsorshipDetail> {
  const now = app.clock.now();
  const row = await detailRow(app.db, principal, id);
  if (!row) throw new AppError('NOT_FOUND');
  const left = row.program_status === 'left' && isOpen(row.status);
  return {
    ...toSummary(row, now),
    endDate: row.end_date,
    credibility: await credibilityForPages(app, row.ngo_id, now),
    renewal: renewalFor(row, shanghaiToday(now)),
    studentLeft: left ? { returnExpected: row.left_return_expected === 1, remainingFen: await remainingPledgeFen(app.db, row.id) } : null,
    care: await sponsorCare(app.db, row.student_id, now),
    lettersDelayed: await lettersDelayed(app.db, row.id),
  };
}

/**
 * How many of the student's letters wait before delivery. Held for review, for the student's own
 * safety, or on their way through screening: the sponsor hears only "delayed", whatever the reason.
 */
async function lettersDelayed(db: Db, sponsorshipId: string): Promise<number> {
  const { n } = await db
    .selectFrom('letters')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sponsorship_id', '=', sponsorshipId)
    .where('direction', '=', 'to_sponsor')
    .where('status', 'in', ['submitted', 'screened', 'held', 'approved'])
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** What the sponsor may know of the partner's care for their student (domain `sponsorCareStatus`): never attempts, notes or contacts. */
async function sponsorCare(db: Db, studentId: string, now: Date): Promise<SponsorshipDetail['care']> {
  const open = await db.selectFrom('alerts').select('id').where('student_id', '=', studentId).where('status', '!=', 'resolved').executeTakeFirst();
  const last = open
    ? undefined
    : await db
        .selectFrom('alerts')
        .select(['outcome', 'resolved_at', 'change_kind'])
        .where('student_id', '=', studentId)
        .where('status', '=', 'resolved')
        .orderBy('resolved_at', 'desc')
        .executeTakeFirst();
  const status = sponsorCareStatus(
    {
      openAlert: Boolean(open),
      lastResolved: last?.outcome && last.resolved_at ? { outcome: last.outcome as AlertOutcome, resolvedAt: new Date(last.resolved_at), change: last.change_kind } : null,
    },
    now,
  );
  return { state: status.state, since: status.since?.toISOString() ?? null, change: status.change };
}

/**
 * Renewal: the term grows by one year, or to the student's graduation (whole school years from the
 * current end date), at the same amount and cadence, with a pledge entry for the added period. The
 * update is guarded by the end date read, so a double tap renews once.
 */
export async function renewSponsorship(app: FastifyInstance, principal: Sponsor, id: string, body: RenewBody): Promise<SponsorshipDetail> {
  const now = app.clock.now();
  const row = await detailRow(app.db, principal, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (!renewalFor(row, shanghaiToday(now))) throw new AppError('RENEWAL_NOT_OFFERED');
  const added = body.option === 'one_year' ? 1 : yearsToGraduation(row.end_date, row.expected_graduation);
  const termYears = row.term_years + added;
  if (termYears > 12) throw new AppError('RENEWAL_NOT_OFFERED');
  const [y, m, d] = row.end_date.split('-').map(Number);
  const endDate = new Date(Date.UTC(y + added, m - 1, d)).toISOString().slice(0, 10);
  const nowIso = now.toISOString();
  await app.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('sponsorships')
      .set({ end_date: endDate, term_years: termYears, updated_at: nowIso })
      .where('id', '=', id)
      .where('end_date', '=', row.end_date)
      .where('status', 'in', [...OPEN])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
    await addLedgerEntry(
      trx,
      {
        sponsorshipId: id,
        kind: 'pledge',
        amountFen: row.amount_fen * PAYMENTS_PER_YEAR[row.cadence] * added,
        occurredOn: shanghaiToday(now),
        description: `续期至${endDate}：${pledgeText(row.amount_fen, row.cadence, added)}`,
        recordedBy: principal.accountId,
      },
      now,
    );
    await recordAudit(trx, principal, now, {
      action: 'sponsorships.renew',
      entityType: 'sponsorship',
      entityId: id,
      studentId: row.student_id,
      detail: { option: body.option, addedYears: added, from: row.end_date, to: endDate },
    });
  });
  return sponsorshipDetail(app, principal, id);
}
