import type { MessageKey, Translate } from '@/lib/i18n';
import type { CaseView } from './api';

type CaseEvent = CaseView['history'][number];
type RecentItem = CaseView['recent'][number];

const ATTEMPT_DETAIL = /^(\w+):(\w+)$/;

/**
 * The server sends a history line's detail as data (`call:no_answer`, an outcome code) or as words
 * someone wrote (a reason, a name); codes become the reader's language, words stay as written.
 */
export function caseEventDetail(event: CaseEvent, t: Translate): string | null {
  if (!event.detail) return null;
  const attempt = event.kind === 'attempt' ? ATTEMPT_DETAIL.exec(event.detail) : null;
  if (attempt) return `${t(`care.method.${attempt[1]}` as MessageKey)} · ${t(`care.result.${attempt[2]}` as MessageKey)}`;
  if (event.kind === 'resolved') return t(`care.outcome.${event.detail}` as MessageKey);
  return event.detail;
}

/** What one recent activity was: the check-in's kind, the letter's direction, the contact's method. */
export function recentSummary(item: RecentItem, t: Translate): string {
  if (item.kind === 'checkin') return t(`checkin.kind.${item.summary}` as MessageKey);
  if (item.kind === 'letter') return t(`care.letterDirection.${item.summary}` as MessageKey);
  return t(`care.method.${item.summary}` as MessageKey);
}
