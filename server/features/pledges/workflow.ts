import type { FastifyInstance } from 'fastify';
import type { Reservation } from '../../../domain/api/pool';
import type { SponsorshipDetail } from '../../../domain/api/sponsorship';
import { commitmentFor, PLEDGE_ACKNOWLEDGEMENTS, RESERVATION_MINUTES, yearsToGraduation, type PledgeAcknowledgement } from '../../../domain/pledge';
import { PAYMENTS_PER_YEAR, type Cadence } from '../../../domain/sponsorship';
import type { PrincipalOf } from '../../access/principal';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { shanghaiToday } from '../../lib/local-date';
import { disbursementPolicyText, findPoolStudent, toPoolStudent } from '../pool/repository';
import { sponsorshipDetail } from '../sponsor/detail';
import {
  addLedgerEntry,
  carriedOverText,
  currentSponsorshipCount,
  expireStaleReservations,
  heldByAnother,
  isUniqueViolation,
  liveReservationOf,
  ownSponsorship,
  pledgeText,
  remainingPledgeFen,
} from './repository';

type Sponsor = PrincipalOf<'sponsor'>;

/** The longest term the database allows. */
const MAX_TERM_YEARS = 12;

/** A pledge carried over from a sponsorship whose student left: the new one covers at least `remainingFen`. */
export interface CarryOver {
  fromSponsorshipId: string;
  remainingFen: number;
}

/**
 * The commitment for a student: their yearly need at the chosen cadence, to graduation, from today.
 * Carrying a remaining pledge over lengthens the term by whole years until it is covered (at most 12).
 */
function commitmentForStudent(student: { yearly_need_fen: number; expected_graduation: string }, cadence: Cadence, today: string, carry?: CarryOver) {
  let years = yearsToGraduation(today, student.expected_graduation);
  if (carry) {
    const perYear = commitmentFor(student.yearly_need_fen, cadence, 1, today).totalFen;
    years = Math.max(years, Math.ceil(carry.remainingFen / perYear));
  }
  return commitmentFor(student.yearly_need_fen, cadence, Math.min(MAX_TERM_YEARS, years), today);
}

/**
 * "Sponsor this student": holds them for RESERVATION_MINUTES while the sponsor reads the whole
 * commitment. Stale reservations of the student end first, in the same transaction; then the partial
 * unique index (one reserved/active/paused sponsorship per student) decides between two sponsors at the
 * same moment — the loser gets STUDENT_TAKEN. The caller's own live reservation comes back as it is
 * (with the cadence they chose now; the 15 minutes are not extended).
 */
export async function reserveStudent(app: FastifyInstance, principal: Sponsor, body: { studentId: string; cadence: Cadence }, carry?: CarryOver): Promise<Reservation> {
  const now = app.clock.now();
  const nowIso = now.toISOString();
  const today = shanghaiToday(now);
  let sponsorshipId: string;
  try {
    sponsorshipId = await app.db.transaction().execute(async (trx) => {
      await expireStaleReservations(trx, body.studentId, now);
      const student = await findPoolStudent(trx, principal, body.studentId, now);
      if (!student) {
        const exists = await trx.selectFrom('students').select('id').where('id', '=', body.studentId).executeTakeFirst();
        throw new AppError(exists ? 'STUDENT_TAKEN' : 'NOT_FOUND');
      }
      const commitment = commitmentForStudent(student, body.cadence, today, carry);
      const terms = {
        amount_fen: commitment.amountFen,
        cadence: commitment.cadence,
        term_years: commitment.termYears,
        start_date: commitment.startDate,
        end_date: commitment.endDate,
        carried_from_id: carry?.fromSponsorshipId ?? null,
        updated_at: nowIso,
      };
      const mine = await liveReservationOf(trx, principal, body.studentId, now);
      if (mine) {
        await trx.updateTable('sponsorships').set(terms).where('id', '=', mine.id).execute();
        return mine.id;
      }
      const id = newId();
      await trx
        .insertInto('sponsorships')
        .values({
          id,
          sponsor_id: principal.sponsorId,
          student_id: body.studentId,
          status: 'reserved',
          ...terms,
          reserved_until: new Date(now.getTime() + RESERVATION_MINUTES * 60_000).toISOString(),
          confirmed_at: null,
          ended_at: null,
          end_reason: null,
          created_at: nowIso,
        })
        .execute();
      return id;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Lost the race for the student. If the winner is this same sponsor (a double tap, or a retry from
    // a flaky phone that arrived alongside the first), their reservation is the answer.
    const mine = await liveReservationOf(app.db, principal, body.studentId, now);
    if (!mine) throw new AppError('STUDENT_TAKEN', { cause: error });
    sponsorshipId = mine.id;
  }
  return reservationView(app, principal, sponsorshipId);
}

/** The review step for a live reservation of the caller's. */
export async function reservationView(app: FastifyInstance, principal: Sponsor, sponsorshipId: string): Promise<Reservation> {
  const now = app.clock.now();
  const sp = await ownSponsorship(app.db, principal, sponsorshipId);
  if (!sp) throw new AppError('NOT_FOUND');
  const live = sp.status === 'reserved' && sp.reserved_until !== null && sp.reserved_until > now.toISOString();
  const student = live ? await findPoolStudent(app.db, principal, sp.student_id, now) : undefined;
  if (!student) throw await notConfirmable(app.db, sp, now);
  const paymentsCount = PAYMENTS_PER_YEAR[sp.cadence] * sp.term_years;
  return {
    sponsorshipId: sp.id,
    student: toPoolStudent(student, now, (key) => app.signedFileUrl(key)),
    reservedUntil: sp.reserved_until!,
    commitment: {
      cadence: sp.cadence,
      amountFen: sp.amount_fen,
      termYears: sp.term_years,
      paymentsCount,
      totalFen: sp.amount_fen * paymentsCount,
      startDate: sp.start_date,
      endDate: sp.end_date,
    },
    acknowledgements: [...PLEDGE_ACKNOWLEDGEMENTS],
    disbursementPolicy: disbursementPolicyText(student.disbursement_policy),
    currentSponsorships: await currentSponsorshipCount(app.db, principal),
  };
}

/** Why a reservation cannot be confirmed: someone else holds the student now, or the time ran out. */
async function notConfirmable(db: Db, sp: { id: string; student_id: string }, now: Date): Promise<AppError> {
  return new AppError((await heldByAnother(db, sp.student_id, sp.id, now)) ? 'STUDENT_TAKEN' : 'RESERVATION_EXPIRED');
}

/**
 * Confirms a reservation after the cool-down: every acknowledgement, the caller's own reservation,
 * still within its 15 minutes. The sponsorship becomes active with one pledge entry for the whole
 * commitment; a carried-over pledge ends the sponsorship it came from in the same transaction.
 */
export async function confirmPledge(app: FastifyInstance, principal: Sponsor, id: string, acknowledgements: PledgeAcknowledgement[]): Promise<SponsorshipDetail> {
  const db = app.db;
  const now = app.clock.now();
  const nowIso = now.toISOString();
  const sp = await ownSponsorship(db, principal, id);
  if (!sp) throw new AppError('NOT_FOUND');
  const missing = PLEDGE_ACKNOWLEDGEMENTS.filter((a) => !acknowledgements.includes(a));
  if (missing.length > 0) {
    throw new AppError('ACKNOWLEDGEMENTS_MISSING', { details: missing.map((a) => ({ field: `body.acknowledgements.${a}`, message: `ack:${a}` })) });
  }
  // A second tap after it went through answers the same as the first.
  if (sp.status === 'active' && sp.confirmed_at) return sponsorshipDetail(app, principal, id);
  if (sp.status !== 'reserved' || !sp.reserved_until || sp.reserved_until <= nowIso) throw await notConfirmable(db, sp, now);

  const confirmed = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('sponsorships')
      .set({ status: 'active', confirmed_at: nowIso, updated_at: nowIso })
      .where('id', '=', id)
      .where('status', '=', 'reserved')
      .where('reserved_until', '>', nowIso)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;

    const total = sp.amount_fen * PAYMENTS_PER_YEAR[sp.cadence] * sp.term_years;
    let description = pledgeText(sp.amount_fen, sp.cadence, sp.term_years);
    if (sp.carried_from_id) {
      const from = await trx
        .selectFrom('sponsorships')
        .innerJoin('students', 'students.id', 'sponsorships.student_id')
        .select(['sponsorships.id', 'sponsorships.status', 'students.display_name'])
        .where('sponsorships.id', '=', sp.carried_from_id)
        .where('sponsorships.sponsor_id', '=', principal.sponsorId)
        .executeTakeFirst();
      if (from && (from.status === 'active' || from.status === 'paused')) {
        const remaining = await remainingPledgeFen(trx, from.id);
        await trx
          .updateTable('sponsorships')
          .set({ status: 'ended', ended_at: nowIso, end_reason: 'student_left', updated_at: nowIso })
          .where('id', '=', from.id)
          .execute();
        if (remaining > 0) description = `${description}；${carriedOverText(Math.min(remaining, total), from.display_name)}`;
        await recordAudit(trx, principal, now, {
          action: 'sponsorships.carry_over',
          entityType: 'sponsorship',
          entityId: from.id,
          detail: { toSponsorshipId: id, remainingFen: remaining },
        });
      }
    }
    await addLedgerEntry(trx, { sponsorshipId: id, kind: 'pledge', amountFen: total, occurredOn: shanghaiToday(now), description, recordedBy: principal.accountId }, now);
    await recordAudit(trx, principal, now, {
      action: 'sponsorships.confirm',
      entityType: 'sponsorship',
      entityId: id,
      studentId: sp.student_id,
      detail: { acknowledgements: [...PLEDGE_ACKNOWLEDGEMENTS], totalFen: total, termYears: sp.term_years, cadence: sp.cadence },
    });
    return true;
  });
  if (!confirmed) {
    const again = await ownSponsorship(db, principal, id);
    if (again?.status === 'active') return sponsorshipDetail(app, principal, id);
    throw await notConfirmable(db, sp, now);
  }
  return sponsorshipDetail(app, principal, id);
}

/** "Not now": the sponsor leaves the review step and the student is free again at once. */
export async function releaseReservation(app: FastifyInstance, principal: Sponsor, id: string): Promise<void> {
  const sp = await ownSponsorship(app.db, principal, id);
  if (!sp) throw new AppError('NOT_FOUND');
  if (sp.status === 'ended') return;
  if (sp.status !== 'reserved') throw new AppError('CONFLICT');
  const at = app.clock.now().toISOString();
  await app.db
    .updateTable('sponsorships')
    .set({ status: 'ended', end_reason: 'released', ended_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'reserved')
    .execute();
}
