/**
 * Which periods of a pledge schedule an order pays and for how much. `coveredFen` is what is already
 * paid (net of refunds) plus what open orders would pay; periods are covered in order, so a period
 * partly paid is completed first. Amounts are integer fen.
 */
export interface SchedulePeriod {
  dueOn: string;
  amountFen: number;
}

export interface Payable {
  /** The due day of the first period not fully covered, or null when the pledge is. */
  nextDueOn: string | null;
  /** Periods not fully covered yet. */
  maxPeriods: number;
  /** One period's amount (the sponsorship's pledge per period). */
  periodAmountFen: number;
}

function firstUncovered(schedule: readonly SchedulePeriod[], coveredFen: number): { index: number; coveredBefore: number } {
  let cumulative = 0;
  for (let index = 0; index < schedule.length; index += 1) {
    if (cumulative + schedule[index].amountFen > coveredFen) return { index, coveredBefore: cumulative };
    cumulative += schedule[index].amountFen;
  }
  return { index: schedule.length, coveredBefore: cumulative };
}

export function payable(schedule: readonly SchedulePeriod[], coveredFen: number, periodAmountFen: number): Payable {
  const { index } = firstUncovered(schedule, coveredFen);
  return { nextDueOn: schedule[index]?.dueOn ?? null, maxPeriods: schedule.length - index, periodAmountFen };
}

export type PeriodsAmount = { ok: true; amountFen: number; firstDueOn: string } | { ok: false; maxPeriods: number };

/** The amount that completes the next `periods` uncovered periods; refused when fewer remain. */
export function amountForPeriods(schedule: readonly SchedulePeriod[], coveredFen: number, periods: number): PeriodsAmount {
  const { index, coveredBefore } = firstUncovered(schedule, coveredFen);
  const maxPeriods = schedule.length - index;
  if (!Number.isInteger(periods) || periods < 1 || periods > maxPeriods) return { ok: false, maxPeriods };
  let through = coveredBefore;
  for (let k = index; k < index + periods; k += 1) through += schedule[k].amountFen;
  return { ok: true, amountFen: through - coveredFen, firstDueOn: schedule[index].dueOn };
}
