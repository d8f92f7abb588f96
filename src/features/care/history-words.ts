import { formatDate } from '@/lib/format';
import type { Locale, MessageKey, Translate } from '@/lib/i18n';
import type { CaseView } from './api';

type CaseEvent = CaseView['history'][number];
type RecentItem = CaseView['recent'][number];

/** What a resolution says: how a reached student was reached, the kind of change, the resume date. */
function resolutionWords(params: CaseEvent['params'], t: Translate, locale: Locale): string[] {
  if (!params.outcome) return [];
  if (params.outcome === 'reached') return [t('care.eventDetail.reached'), ...(params.method ? [t(`care.method.${params.method}`)] : [])];
  return [
    t(`care.outcome.${params.outcome}`),
    ...(params.change ? [t(`care.change.${params.change}`)] : []),
    ...(params.resumeOn ? [t('care.eventDetail.resumeOn', { date: formatDate(params.resumeOn, locale) })] : []),
  ];
}

/**
 * A history line's detail in the reader's language: the server sends codes and parameters
 * (`attempt` with method and result, an outcome, a receiving NGO); what a person wrote stays as written.
 */
export function caseEventDetail(event: CaseEvent, t: Translate, locale: Locale): string | null {
  const { params } = event;
  const words: string[] = [];
  if (event.kind === 'attempt' && params.method && params.result) words.push(t(`care.method.${params.method}`), t(`care.result.${params.result}`));
  if (params.checkin) words.push(t(`checkin.kind.${params.checkin}`));
  if (event.kind === 'resolved') words.push(...resolutionWords(params, t, locale));
  if (params.staffName) words.push(t('care.eventDetail.reassignedTo', { name: params.staffName }));
  if (params.ngoName) words.push(t('care.eventDetail.handoverTo', { ngo: params.ngoName }));
  if (params.note) words.push(params.note);
  return words.length > 0 ? words.join(' · ') : null;
}

/** What one recent activity was: the check-in's kind, the letter's direction, the contact's method. */
export function recentSummary(item: RecentItem, t: Translate): string {
  if (item.kind === 'checkin') return t(`checkin.kind.${item.summary}` as MessageKey);
  if (item.kind === 'letter') return t(`care.letterDirection.${item.summary}` as MessageKey);
  return t(`care.method.${item.summary}` as MessageKey);
}
