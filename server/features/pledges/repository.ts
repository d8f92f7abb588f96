import { PAYMENTS_PER_YEAR, type Cadence } from '../../../domain/sponsorship';
import type { PrincipalOf } from '../../access/principal';
import { visibleSponsorships } from '../../access/scopes';
import type { Db } from '../../db/connect';
import { newId } from '../../lib/ids';

type Sponsor = PrincipalOf<'sponsor'>;

const CADENCE_TEXT: Record<Cadence, string> = { monthly: '月', quarterly: '季度', yearly: '年' };
const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });

/** "承诺资助3年，每月250元，共9,000元": the wording of the demo ledger's pledge lines. */
export function pledgeText(amountFen: number, cadence: Cadence, years: number): string {
  const total = amountFen * PAYMENTS_PER_YEAR[cadence] * years;
  return `承诺资助${years}年，每${CADENCE_TEXT[cadence]}${yuan(amountFen)}元，共${yuan(total)}元`;
}

export function carriedOverText(fen: number, fromStudent: string): string {
  return `其中${yuan(fen)}元为资助${fromStudent}时尚未支付的承诺，因其离开项目转入本次资助`;
}

/**
 * Ends reservations of a student whose 15 minutes have passed, so the partial unique index lets the
 * next sponsor hold them. Run inside the reserving transaction.
 */
export async function expireStaleReservations(db: Db, studentId: string, now: Date): Promise<number> {
  const at = now.toISOString();
  const result = await db
    .updateTable('sponsorships')
    .set({ status: 'ended', end_reason: 'reservation_expired', ended_at: at, updated_at: at })
    .where('student_id', '=', studentId)
    .where('status', '=', 'reserved')
    .where('reserved_until', '<=', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The caller's own live reservation of a student, if any. */
export async function liveReservationOf(db: Db, principal: Sponsor, studentId: string, now: Date) {
  return visibleSponsorships(db, principal)
    .select(['sponsorships.id', 'sponsorships.cadence'])
    .where('sponsorships.student_id', '=', studentId)
    .where('sponsorships.status', '=', 'reserved')
    .where('sponsorships.reserved_until', '>', now.toISOString())
    .executeTakeFirst();
}

/** One of the caller's sponsorships, whole row. */
export async function ownSponsorship(db: Db, principal: Sponsor, id: string) {
  return visibleSponsorships(db, principal).selectAll('sponsorships').where('sponsorships.id', '=', id).executeTakeFirst();
}

/** Whether any sponsorship other than `exceptId` holds the student now (a live reservation, active or paused). */
export async function heldByAnother(db: Db, studentId: string, exceptId: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('sponsorships')
    .select('id')
    .where('student_id', '=', studentId)
    .where('id', '!=', exceptId)
    .where((eb) =>
      eb.or([eb('status', 'in', ['active', 'paused']), eb.and([eb('status', '=', 'reserved'), eb('reserved_until', '>', now.toISOString())])]),
    )
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

/** How many students the sponsor supports now (active or paused): the gentle note before another. */
export async function currentSponsorshipCount(db: Db, principal: Sponsor): Promise<number> {
  const row = await visibleSponsorships(db, principal)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sponsorships.status', 'in', ['active', 'paused'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function addLedgerEntry(
  db: Db,
  entry: { sponsorshipId: string; kind: 'pledge'; amountFen: number; occurredOn: string; description: string; recordedBy: string | null },
  now: Date,
) {
  await db
    .insertInto('ledger_entries')
    .values({
      id: newId(),
      sponsorship_id: entry.sponsorshipId,
      kind: entry.kind,
      amount_fen: entry.amountFen,
      occurred_on: entry.occurredOn,
      category: null,
      payee: null,
      description: entry.description,
      receipt_key: null,
      recorded_by: entry.recordedBy,
      created_at: now.toISOString(),
    })
    .execute();
}

/** Pledged minus paid on a sponsorship, never below zero: what carries over when the student leaves. */
export async function remainingPledgeFen(db: Db, sponsorshipId: string): Promise<number> {
  const rows = await db
    .selectFrom('ledger_entries')
    .select((eb) => ['kind', eb.fn.sum<number>('amount_fen').as('total')])
    .where('sponsorship_id', '=', sponsorshipId)
    .where('kind', 'in', ['pledge', 'payment'])
    .groupBy('kind')
    .execute();
  const total = (kind: string) => Number(rows.find((r) => r.kind === kind)?.total ?? 0);
  return Math.max(0, total('pledge') - total('payment'));
}

/** A database refusal because of a unique index (SQLite or PostgreSQL), compared by code and message. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e) return false;
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /unique/i.test(String(e.message ?? ''));
}
