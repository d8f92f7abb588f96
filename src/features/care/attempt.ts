import type { ContactMethod, ContactResult } from '../../../domain/care/alerts';
export { CONTACT_METHODS, CONTACT_RESULTS } from '../../../domain/care/alerts';
import type { MessageKey } from '@/lib/i18n';
import type { LogAttemptBody } from './api';

export const ATTEMPT_NOTE_MAX = 1000;

export interface AttemptForm {
  method: ContactMethod | '';
  result: ContactResult | '';
  note: string;
  /** Blank for now, or China time written "2026-12-03 14:05". */
  when: string;
}

export const EMPTY_ATTEMPT_FORM: AttemptForm = { method: '', result: '', note: '', when: '' };
export type AttemptErrors = Partial<Record<keyof AttemptForm, MessageKey>>;

const CHINA_OFFSET_HOURS = 8;
const LOCAL_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})$/;

/** "2026-12-03 14:05" in China's time as an ISO instant, or null when it is not a real time. */
export function chinaTimeToIso(text: string): string | null {
  const match = LOCAL_TIME.exec(text.trim().replace(/\//g, '-'));
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day, hour - CHINA_OFFSET_HOURS, minute);
  const back = new Date(ms + CHINA_OFFSET_HOURS * 3_600_000);
  const real =
    back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day && back.getUTCHours() === hour && minute < 60;
  return real ? new Date(ms).toISOString() : null;
}

/** The attempt as the server expects it, or what is wrong. A time must lie between the alert opening and now. */
export function checkAttemptForm(form: AttemptForm, openedAt: string, now: Date): { body: LogAttemptBody } | { errors: AttemptErrors } {
  const errors: AttemptErrors = {};
  if (!form.method) errors.method = 'care.error.choose';
  if (!form.result) errors.result = 'care.error.choose';
  const note = form.note.trim();
  if (note.length > ATTEMPT_NOTE_MAX) errors.note = 'care.error.tooLong';
  let attemptedAt: string | undefined;
  if (form.when.trim()) {
    const iso = chinaTimeToIso(form.when);
    if (!iso) errors.when = 'care.error.time';
    else if (Date.parse(iso) > now.getTime()) errors.when = 'care.error.timeFuture';
    else if (Date.parse(iso) < Date.parse(openedAt)) errors.when = 'care.error.timeBeforeAlert';
    else attemptedAt = iso;
  }
  if (Object.keys(errors).length > 0 || !form.method || !form.result) return { errors };
  return { body: { method: form.method, result: form.result, ...(note ? { note } : {}), ...(attemptedAt ? { attemptedAt } : {}) } };
}
