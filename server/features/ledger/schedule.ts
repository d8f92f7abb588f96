/**
 * Pure ledger arithmetic (no I/O): the pledge schedule of a sponsorship, which periods the payments
 * received so far cover, and the day the money is "funded through". Dates are `YYYY-MM-DD`, money fen.
 */

export type Cadence = 'monthly' | 'quarterly' | 'yearly';

const MONTHS: Record<Cadence, number> = { monthly: 1, quarterly: 3, yearly: 12 };
/** A sponsorship never has more periods than this (20 years monthly); guards against bad dates. */
export const MAX_PERIODS = 240;

export interface ScheduleRow {
  dueOn: string;
  amountFen: number;
  paid: boolean;
}

function parse(date: string) {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `date` plus whole months; the day is clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parse(date);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}-${pad(Math.min(day, lastDay))}`;
}

export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00.000Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * The due day of every period: the start date, then every cadence step counted from the start (so a
 * 31st stays the last day of shorter months), while before the end date.
 */
export function dueDates(startDate: string, endDate: string, cadence: Cadence): string[] {
  const days: string[] = [];
  for (let k = 0; k < MAX_PERIODS; k += 1) {
    const day = addMonths(startDate, k * MONTHS[cadence]);
    if (day >= endDate) break;
    days.push(day);
  }
  return days;
}

export interface LedgerFigures {
  schedule: ScheduleRow[];
  pledgedFen: number;
  /** The last day covered by the fully paid periods, or null while not even the first is. */
  fundedThrough: string | null;
}

/**
 * Applies the total paid to the periods in order: a period is paid when everything up to and including
 * it is covered. A period runs from its due day to the day before the next one's (the last one to the
 * day before the end date), so fundedThrough is that last day of the last fully paid period.
 */
export function ledgerFigures(s: { startDate: string; endDate: string; cadence: Cadence; amountFen: number }, paidFen: number): LedgerFigures {
  const days = dueDates(s.startDate, s.endDate, s.cadence);
  let covered = 0;
  let lastPaid = -1;
  const schedule = days.map((dueOn, i) => {
    covered += s.amountFen;
    const paid = covered <= paidFen;
    if (paid) lastPaid = i;
    return { dueOn, amountFen: s.amountFen, paid };
  });
  const fundedThrough = lastPaid < 0 ? null : addDays(lastPaid + 1 < days.length ? days[lastPaid + 1] : s.endDate, -1);
  return { schedule, pledgedFen: days.length * s.amountFen, fundedThrough };
}
