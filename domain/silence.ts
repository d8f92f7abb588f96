import { addDays } from './dates';

export const DEFAULT_CHECKIN_CADENCE_DAYS = 30;
/** Days after next-due at which a student is considered lost-contact (the alert step of the ladder). */
export const DEFAULT_ALERT_AFTER_DAYS = 30;

export type SilenceState = 'in_touch' | 'overdue' | 'lost_contact';

/** Next due = last heard + cadence. Quiet periods are applied by the silence feature. */
export function nextDueAt(lastHeardAt: Date, cadenceDays: number = DEFAULT_CHECKIN_CADENCE_DAYS): Date {
  return addDays(lastHeardAt, cadenceDays);
}

export function silenceState(
  nextDue: Date | null,
  now: Date,
  alertAfterDays: number = DEFAULT_ALERT_AFTER_DAYS,
): SilenceState {
  if (!nextDue || now < nextDue) return 'in_touch';
  return now < addDays(nextDue, alertAfterDays) ? 'overdue' : 'lost_contact';
}
