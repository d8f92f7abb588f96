import { PAYMENTS_PER_YEAR, type Cadence } from './sponsorship';

/** How long "Sponsor this student" holds a student while the sponsor reads the whole commitment. */
export const RESERVATION_MINUTES = 15;

/** The points a sponsor confirms, one by one, before the confirm button works (冷静期). */
export const PLEDGE_ACKNOWLEDGEMENTS = ['commitment', 'expectations', 'safeguarding', 'disbursement'] as const;
export type PledgeAcknowledgement = (typeof PLEDGE_ACKNOWLEDGEMENTS)[number];

export interface Commitment {
  cadence: Cadence;
  /** One payment, in fen: the yearly need split over the cadence, rounded up to a whole yuan. */
  amountFen: number;
  termYears: number;
  paymentsCount: number;
  totalFen: number;
  startDate: string;
  endDate: string;
}

/** Whole school years left from `today` (YYYY-MM-DD) to graduation (YYYY-MM-DD), at least one. */
export function yearsToGraduation(today: string, expectedGraduation: string): number {
  const [ty, tm] = today.split('-').map(Number);
  const [gy, gm] = expectedGraduation.split('-').map(Number);
  const months = (gy - ty) * 12 + (gm - tm);
  return Math.max(1, Math.ceil(months / 12));
}

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(y + years, m - 1, d));
  return shifted.toISOString().slice(0, 10);
}

/** The whole multi-year commitment for a student's yearly need. */
export function commitmentFor(yearlyNeedFen: number, cadence: Cadence, termYears: number, startDate: string): Commitment {
  const perYear = PAYMENTS_PER_YEAR[cadence];
  const amountFen = Math.ceil(yearlyNeedFen / perYear / 100) * 100;
  const paymentsCount = perYear * termYears;
  return {
    cadence,
    amountFen,
    termYears,
    paymentsCount,
    totalFen: amountFen * paymentsCount,
    startDate,
    endDate: addYears(startDate, termYears),
  };
}
