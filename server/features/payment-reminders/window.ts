import { addDays, type ScheduleRow } from '../ledger/schedule';

/** A period is announced this many days before its due day (China dates), and on the day itself. */
export const REMINDER_DAYS_BEFORE = 3;

/**
 * The unpaid periods of a schedule due between `today` and `REMINDER_DAYS_BEFORE` days later.
 * A period whose due day has passed is never announced again: a missed period is the sponsor's to
 * pay when they choose, and the periods after it are still announced as they come.
 */
export function periodsToRemind(schedule: readonly ScheduleRow[], today: string): ScheduleRow[] {
  const last = addDays(today, REMINDER_DAYS_BEFORE);
  return schedule.filter((row) => !row.paid && row.dueOn >= today && row.dueOn <= last);
}
