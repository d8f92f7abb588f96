import type { PayTo } from '../../../domain/api/ngo';
import type { Ledger, LedgerEntryView } from '../../../domain/api/sponsorship';
import type { Locale } from '../../lib/messages';
import { payeeLabel, paymentInstructions, sponsorSafeText } from './labels';
import type { LedgerEntryRow, LedgerSponsorship } from './repository';
import { ledgerFigures } from './schedule';

/** Sponsors get safe labels and text; NGO staff see what they recorded. */
export type LedgerAudience = 'sponsor' | 'staff';

export interface EntryContext {
  audience: LedgerAudience;
  locale: Locale;
  /** The student's legal name, school and village: kept out of sponsor-facing text. */
  protectedValues: readonly (string | null)[];
  signedUrl(key: string): string;
}

export function toEntryView(row: LedgerEntryRow, kind: 'payment' | 'disbursement', ctx: EntryContext): LedgerEntryView {
  const sponsor = ctx.audience === 'sponsor';
  const disbursement = kind === 'disbursement';
  return {
    id: row.id,
    occurredOn: row.occurred_on,
    // A refund is stored positive and shown as money going back.
    amountFen: row.kind === 'refund' ? -row.amount_fen : row.amount_fen,
    description: sponsor ? sponsorSafeText(row.description, [...ctx.protectedValues, row.payee]) : row.description,
    category: disbursement ? row.category : null,
    payeeLabel: disbursement ? (sponsor ? payeeLabel(row.payee_kind, row.category, ctx.locale) : row.payee) : null,
    receiptUrl: row.receipt_key ? ctx.signedUrl(row.receipt_key) : null,
    receiptNumber: row.receipt_number,
  };
}

export function protectedValuesOf(s: Pick<LedgerSponsorship, 'legal_name' | 'school_name' | 'village'>) {
  return [s.legal_name, s.school_name, s.village];
}

export function toLedger(
  s: LedgerSponsorship,
  payments: readonly LedgerEntryRow[],
  disbursements: readonly LedgerEntryRow[],
  totals: { paidFen: number; disbursedFen: number },
  payTo: PayTo,
  ctx: EntryContext,
): Ledger {
  const figures = ledgerFigures({ startDate: s.start_date, endDate: s.end_date, cadence: s.cadence, amountFen: s.amount_fen }, totals.paidFen);
  return {
    sponsorshipId: s.id,
    schedule: figures.schedule,
    payments: payments.map((p) => toEntryView(p, 'payment', ctx)),
    disbursements: disbursements.map((d) => toEntryView(d, 'disbursement', ctx)),
    totals: { pledgedFen: figures.pledgedFen, paidFen: totals.paidFen, disbursedFen: totals.disbursedFen },
    fundedThrough: figures.fundedThrough,
    paymentInstructions: paymentInstructions(ctx.locale),
    payTo,
  };
}
