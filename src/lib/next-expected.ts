import { daysOverdue } from './china-date';
import { formatDate } from './format';
import type { Locale, Translate } from './i18n';

/** When the sponsor may expect news: the date, or once that day has passed, how long ago it was. */
export function nextExpectedLine(t: Translate, locale: Locale, dueIso: string, now: Date = new Date()): string {
  const date = formatDate(dueIso, locale);
  const days = daysOverdue(dueIso, now);
  return days > 0 ? t('sponsor.nextExpectedPast', { date, days }) : t('sponsor.nextExpected', { date });
}
