import type { CarePolicy, QuietPeriod } from './policy';

const DAY_MS = 86_400_000;
/** China keeps UTC+8 all year (no daylight saving), so local dates are a fixed offset away. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar date (`YYYY-MM-DD`) of an instant. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant of a local (Asia/Shanghai) date. */
export function startOfShanghaiDate(ymd: string): Date {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

function quietPeriodAt(at: Date, periods: readonly QuietPeriod[]): QuietPeriod | undefined {
  const day = shanghaiDate(at);
  // The one ending last, so overlapping periods are passed in one step.
  return periods.filter((q) => q.from <= day && day <= q.to).sort((a, b) => (a.to < b.to ? 1 : -1))[0];
}

/**
 * When a due time falls inside a quiet period (exam weeks, holidays), it moves to the same time of
 * day on the first day after the period, repeatedly while that day is itself quiet (back-to-back or
 * overlapping periods).
 */
export function pushPastQuietPeriods(due: Date, periods: readonly QuietPeriod[]): Date {
  let at = due;
  for (let guard = 0; guard <= periods.length; guard++) {
    const period = quietPeriodAt(at, periods);
    if (!period) return at;
    const days = Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${shanghaiDate(at)}T00:00:00Z`)) / DAY_MS) + 1;
    at = new Date(at.getTime() + days * DAY_MS);
  }
  return at;
}

/** Next due = last heard + the NGO's cadence, pushed past its quiet periods. */
export function nextDueAfter(lastHeardAt: Date, policy: Pick<CarePolicy, 'checkinCadenceDays' | 'quietPeriods'>): Date {
  return pushPastQuietPeriods(new Date(lastHeardAt.getTime() + policy.checkinCadenceDays * DAY_MS), policy.quietPeriods);
}
