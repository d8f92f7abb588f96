import type { Translate } from '@/lib/i18n';
import type { AlertRow } from './api';

export type Deadline = NonNullable<AlertRow['nextDeadline']>;
export type DurationUnit = 'minutes' | 'hours' | 'days';

/** How far a deadline is, in the unit a person would use. */
export interface TimeLeft {
  overdue: boolean;
  /** Whole units, rounded down (never says more time is left than there is); at least 1. */
  amount: number;
  unit: DurationUnit;
  /** overdue: past the deadline; soon: within `SOON_HOURS`; calm otherwise. */
  urgency: 'overdue' | 'soon' | 'calm';
}

export interface Countdown extends TimeLeft {
  kind: Deadline['kind'];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Under this many hours left, a deadline is shown as pressing. */
export const SOON_HOURS = 6;
/** From this many hours on, time is counted in days. */
const DAYS_FROM_HOURS = 48;

/** How far `now` is from `at` (an ISO instant). */
export function timeLeft(at: string, now: Date): TimeLeft {
  const diff = Date.parse(at) - now.getTime();
  const overdue = diff <= 0;
  const span = Math.abs(diff);
  let unit: DurationUnit = 'minutes';
  let amount = Math.floor(span / MINUTE);
  if (span >= DAYS_FROM_HOURS * HOUR) {
    unit = 'days';
    amount = Math.floor(span / (24 * HOUR));
  } else if (span >= HOUR) {
    unit = 'hours';
    amount = Math.floor(span / HOUR);
  }
  const urgency = overdue ? 'overdue' : diff < SOON_HOURS * HOUR ? 'soon' : 'calm';
  return { overdue, amount: Math.max(1, amount), unit, urgency };
}

/** An alert's SLA countdown. */
export function slaCountdown(deadline: Deadline, now: Date): Countdown {
  return { kind: deadline.kind, ...timeLeft(deadline.at, now) };
}

export function formatDuration(t: Translate, amount: number, unit: DurationUnit): string {
  return t(`care.duration.${unit}`, { n: amount });
}

/** "确认期限还剩 5 小时" / "首次联系已逾期 3 小时" — the line the queue and the case show. */
export function describeCountdown(t: Translate, countdown: Countdown): string {
  const time = formatDuration(t, countdown.amount, countdown.unit);
  return t(`care.sla.${countdown.kind}.${countdown.overdue ? 'overdue' : 'left'}`, { time });
}
