import { visibleSponsorships } from '../../access/scopes';
import type { Principal } from '../../access/principal';
import type { Db } from '../../db/connect';

/** A ledger lists at most this many payments and disbursements each (twenty years of monthly payments fit). */
export const MAX_LEDGER_ROWS = 500;

/**
 * A sponsorship the caller may see, with what the ledger needs and the student's protected values
 * (used only to keep them out of sponsor-facing text). A sponsor never sees a mere reservation.
 */
export async function findLedgerSponsorship(db: Db, principal: Principal, id: string) {
  let query = visibleSponsorships(db, principal)
    .innerJoin('students', 'students.id', 'sponsorships.student_id')
    .select([
      'sponsorships.id',
      'sponsorships.status',
      'sponsorships.amount_fen',
      'sponsorships.cadence',
      'sponsorships.start_date',
      'sponsorships.end_date',
      'sponsorships.ended_at',
      'students.id as student_id',
      'students.ngo_id',
      'students.legal_name',
      'students.school_name',
      'students.village',
    ])
    .where('sponsorships.id', '=', id);
  if (principal.role === 'sponsor') query = query.where('sponsorships.status', '!=', 'reserved');
  return query.executeTakeFirst();
}
export type LedgerSponsorship = NonNullable<Awaited<ReturnType<typeof findLedgerSponsorship>>>;

/** Payments come with the refunds of payments (`kind` tells them apart), newest first. */
export async function ledgerEntries(db: Db, sponsorshipId: string, kind: 'payment' | 'disbursement') {
  return db
    .selectFrom('ledger_entries')
    .select(['id', 'kind', 'occurred_on', 'amount_fen', 'description', 'category', 'payee', 'payee_kind', 'receipt_key', 'receipt_number', 'created_at'])
    .where('sponsorship_id', '=', sponsorshipId)
    .where('kind', 'in', kind === 'payment' ? ['payment', 'refund'] : ['disbursement'])
    .orderBy('occurred_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_LEDGER_ROWS)
    .execute();
}
export type LedgerEntryRow = Awaited<ReturnType<typeof ledgerEntries>>[number];

/** Paid (payments less refunds) and disbursed totals per sponsorship (exact, whatever the number of rows). */
export async function ledgerTotals(db: Db, sponsorshipIds: readonly string[]): Promise<Map<string, { paidFen: number; disbursedFen: number }>> {
  const totals = new Map<string, { paidFen: number; disbursedFen: number }>();
  for (const id of sponsorshipIds) totals.set(id, { paidFen: 0, disbursedFen: 0 });
  if (sponsorshipIds.length === 0) return totals;
  const rows = await db
    .selectFrom('ledger_entries')
    .select((eb) => ['sponsorship_id', 'kind', eb.fn.sum<number | string>('amount_fen').as('total')])
    .where('sponsorship_id', 'in', [...sponsorshipIds])
    .where('kind', 'in', ['payment', 'refund', 'disbursement'])
    .groupBy(['sponsorship_id', 'kind'])
    .execute();
  for (const r of rows) {
    const t = totals.get(r.sponsorship_id)!;
    const total = Number(r.total ?? 0);
    if (r.kind === 'payment') t.paidFen += total;
    else if (r.kind === 'refund') t.paidFen -= total;
    else t.disbursedFen = total;
  }
  return totals;
}
