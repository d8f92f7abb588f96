import { sql } from 'kysely';
import type { SelfReportedGift, StatementLine } from '../../../domain/api/statements';
import type { PrincipalOf } from '../../access/principal';
import { visibleSponsorships } from '../../access/scopes';
import type { Db } from '../../db/connect';

type Sponsor = PrincipalOf<'sponsor'>;

/** A statement lists at most this many payments and refunds; its totals still count every one. */
export const MAX_STATEMENT_LINES = 2000;

const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/** The sponsor's payment and refund rows, on any of their sponsorships (ended ones too). */
function moneyRows(db: Db, sponsorId: string) {
  return db
    .selectFrom('ledger_entries')
    .innerJoin('sponsorships', 'sponsorships.id', 'ledger_entries.sponsorship_id')
    .where('sponsorships.sponsor_id', '=', sponsorId)
    .where('ledger_entries.kind', 'in', ['payment', 'refund']);
}

/** Years (China dates) with a payment, a refund or a self-reported gift, newest first. */
export async function statementYears(db: Db, sponsorId: string): Promise<number[]> {
  const money = await moneyRows(db, sponsorId)
    .select(sql<string>`substr(ledger_entries.occurred_on, 1, 4)`.as('year'))
    .distinct()
    .execute();
  const gifts = await db
    .selectFrom('self_reported_gifts')
    .select(sql<string>`substr(given_on, 1, 4)`.as('year'))
    .where('sponsor_id', '=', sponsorId)
    .distinct()
    .execute();
  return [...new Set([...money, ...gifts].map((r) => Number(r.year)))].sort((a, b) => b - a);
}

/**
 * One year's payments and refunds, oldest first. The NGO named is the one that received the money:
 * the order's merchant NGO, else the NGO of the staff member who recorded it, else the student's.
 */
export async function statementLines(db: Db, principal: Sponsor, year: number): Promise<{ lines: StatementLine[]; totalFen: number; truncated: boolean }> {
  const [from, to] = yearRange(year);
  const inYear = moneyRows(db, principal.sponsorId).where('ledger_entries.occurred_on', '>=', from).where('ledger_entries.occurred_on', '<=', to);
  const rows = await inYear
    .innerJoin('students', 'students.id', 'sponsorships.student_id')
    .leftJoin('payment_refunds', 'payment_refunds.id', 'ledger_entries.refund_id')
    .leftJoin('payment_orders', (join) => join.on(sql<boolean>`payment_orders.id = coalesce(ledger_entries.payment_order_id, payment_refunds.order_id)`))
    .leftJoin('staff as recorder', 'recorder.account_id', 'ledger_entries.recorded_by')
    .innerJoin('ngos', (join) => join.on(sql<boolean>`ngos.id = coalesce(payment_orders.ngo_id, recorder.ngo_id, students.ngo_id)`))
    .select((eb) => [
      'ledger_entries.id',
      'ledger_entries.kind',
      'ledger_entries.occurred_on',
      'ledger_entries.amount_fen',
      'ledger_entries.receipt_number',
      'ngos.name as ngo_name',
      'ngos.credit_code',
      'payment_orders.platform',
      'payment_orders.platform_trade_id',
      eb
        .case()
        .when('sponsorships.id', 'in', visibleSponsorships(db, principal).select('sponsorships.id'))
        .then(eb.ref('students.display_name'))
        .else(null)
        .end()
        .as('student_display_name'),
    ])
    .orderBy('ledger_entries.occurred_on')
    .orderBy('ledger_entries.created_at')
    .orderBy('ledger_entries.id')
    .limit(MAX_STATEMENT_LINES + 1)
    .execute();
  const sums = await inYear
    .select((eb) => ['ledger_entries.kind', eb.fn.sum<number | string>('ledger_entries.amount_fen').as('total')])
    .groupBy('ledger_entries.kind')
    .execute();
  const totalFen = sums.reduce((sum, r) => sum + (r.kind === 'refund' ? -1 : 1) * Number(r.total ?? 0), 0);
  return {
    totalFen,
    truncated: rows.length > MAX_STATEMENT_LINES,
    lines: rows.slice(0, MAX_STATEMENT_LINES).map((r) => ({
      id: r.id,
      kind: r.kind === 'refund' ? 'refund' : 'payment',
      occurredOn: r.occurred_on,
      amountFen: r.kind === 'refund' ? -r.amount_fen : r.amount_fen,
      ngoName: r.ngo_name,
      ngoCreditCode: r.credit_code || null,
      platform: r.platform_trade_id ? r.platform : null,
      transactionId: r.platform_trade_id,
      receiptNumber: r.receipt_number || null,
      studentDisplayName: r.student_display_name,
    })),
  };
}

type GiftRow = { id: string; given_on: string; amount_fen: number; recipient: string; note: string | null; created_at: string };

export const toGift = (r: GiftRow): SelfReportedGift => ({
  id: r.id,
  givenOn: r.given_on,
  amountFen: r.amount_fen,
  recipient: r.recipient,
  note: r.note,
  createdAt: r.created_at,
});

const GIFT_COLUMNS = ['id', 'given_on', 'amount_fen', 'recipient', 'note', 'created_at'] as const;

/** The self-reported gifts of one year, oldest first (at most `MAX_GIFTS_PER_YEAR` exist). */
export async function giftsOfYear(db: Db, sponsorId: string, year: number): Promise<SelfReportedGift[]> {
  const [from, to] = yearRange(year);
  const rows = await db
    .selectFrom('self_reported_gifts')
    .select(GIFT_COLUMNS)
    .where('sponsor_id', '=', sponsorId)
    .where('given_on', '>=', from)
    .where('given_on', '<=', to)
    .orderBy('given_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toGift);
}

/** A page of the sponsor's gifts, newest first. */
export async function listGifts(db: Db, sponsorId: string, limit: number, after?: readonly [string, string]) {
  let query = db.selectFrom('self_reported_gifts').select(GIFT_COLUMNS).where('sponsor_id', '=', sponsorId);
  if (after) {
    const [givenOn, id] = after;
    query = query.where((eb) => eb.or([eb('given_on', '<', givenOn), eb.and([eb('given_on', '=', givenOn), eb('id', '<', id)])]));
  }
  return query.orderBy('given_on', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
}

export async function countGiftsInYear(db: Db, sponsorId: string, year: number): Promise<number> {
  const [from, to] = yearRange(year);
  const { n } = await db
    .selectFrom('self_reported_gifts')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('sponsor_id', '=', sponsorId)
    .where('given_on', '>=', from)
    .where('given_on', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(n);
}
