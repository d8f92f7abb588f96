import { termCode, type TermHalf } from '../../../domain/terms';

/**
 * Time helpers for the generator. Instants are `Date`s (stored as ISO-8601 UTC); calendar dates are
 * `YYYY-MM-DD` strings in Asia/Shanghai (UTC+8, no daylight saving), where the people live.
 */

export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

export type Ymd = string;

/** Adds a duration, rounded to whole seconds so stored times look like ones people made. */
export const addMs = (at: Date, ms: number): Date => new Date(at.getTime() + Math.round(ms / 1000) * 1000);
export const addMinutes = (at: Date, minutes: number): Date => addMs(at, minutes * MINUTE_MS);
export const addHours = (at: Date, hours: number): Date => addMs(at, hours * HOUR_MS);
export const addDays = (at: Date, days: number): Date => addMs(at, days * DAY_MS);
export const iso = (at: Date): string => at.toISOString();
export const daysBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / DAY_MS;

export const maxDate = (...dates: Date[]): Date => new Date(Math.max(...dates.map((d) => d.getTime())));
export const minDate = (...dates: Date[]): Date => new Date(Math.min(...dates.map((d) => d.getTime())));

/** The Shanghai calendar date of an instant. */
export function localYmd(at: Date): Ymd {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function ymd(year: number, month: number, day: number): Ymd {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseYmd(value: Ymd): { year: number; month: number; day: number } {
  const [year, month, day] = value.split('-').map(Number);
  return { year, month, day };
}

/** The instant of a Shanghai wall-clock time on a date. */
export function atLocal(date: Ymd, hour: number, minute = 0, second = 0): Date {
  const { year, month, day } = parseYmd(date);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - SHANGHAI_OFFSET_MS);
}

export function ymdAddDays(date: Ymd, days: number): Ymd {
  const { year, month, day } = parseYmd(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Adds calendar months, clamping the day to the month's length. */
export function ymdAddMonths(date: Ymd, months: number): Ymd {
  const { year, month, day } = parseYmd(date);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return ymd(first.getUTCFullYear(), first.getUTCMonth() + 1, Math.min(day, lastDay));
}

/** Whole calendar months from `from` to `to` (partial months count as a fraction). */
export function monthsBetween(from: Ymd, to: Ymd): number {
  const a = parseYmd(from);
  const b = parseYmd(to);
  return (b.year - a.year) * 12 + (b.month - a.month) + (b.day - a.day) / 30;
}

/** The Chinese school year (starting in September) that `today` belongs to; July and August count as the coming one. */
export function schoolYearOf(today: Ymd): number {
  const { year, month } = parseYmd(today);
  return month >= 7 ? year : year - 1;
}

export interface Term {
  /** The stored code (domain/terms.ts), e.g. `2025-2026-1`: first (autumn) or second (spring) term of a school year. */
  code: string;
  schoolYear: number;
  half: TermHalf;
  starts: Ymd;
  ends: Ymd;
}

export function termOf(schoolYear: number, half: TermHalf): Term {
  const code = termCode({ startYear: schoolYear, half });
  return half === 1
    ? { code, schoolYear, half, starts: ymd(schoolYear, 9, 1), ends: ymd(schoolYear + 1, 1, 20) }
    : { code, schoolYear, half, starts: ymd(schoolYear + 1, 2, 26), ends: ymd(schoolYear + 1, 7, 5) };
}

/** Terms that started within [from, to], oldest first. */
export function termsBetween(from: Ymd, to: Ymd): Term[] {
  const terms: Term[] = [];
  for (let year = parseYmd(from).year - 1; year <= parseYmd(to).year; year += 1) {
    for (const half of [1, 2] as const) {
      const term = termOf(year, half);
      if (term.ends >= from && term.starts <= to) terms.push(term);
    }
  }
  return terms;
}

/** Whole days from one date to another. */
export function ymdDiffDays(from: Ymd, to: Ymd): number {
  const a = parseYmd(from);
  const b = parseYmd(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

export const minYmd = (a: Ymd, b: Ymd): Ymd => (a < b ? a : b);
export const maxYmd = (a: Ymd, b: Ymd): Ymd => (a > b ? a : b);

interface Draw {
  int(min: number, max: number): number;
}

/** A random date in [from, to]. */
export function dayBetween(rng: Draw, from: Ymd, to: Ymd): Ymd {
  return ymdAddDays(from, rng.int(0, Math.max(0, ymdDiffDays(from, to))));
}

/** A time in office hours (09:00–17:59, Shanghai) on a date. */
export function officeHours(rng: Draw, day: Ymd): Date {
  return atLocal(day, rng.int(9, 17), rng.int(0, 59), rng.int(0, 59));
}

/** A time in the evening after school (18:00–21:59, Shanghai) on a date. */
export function evening(rng: Draw, day: Ymd): Date {
  return atLocal(day, rng.int(18, 21), rng.int(0, 59), rng.int(0, 59));
}
