import type { NotificationItem } from '../../../domain/api/letters';
import { categoryLabel } from '@/features/ledger';
import { sponsorRoutes } from '@/features/timeline';
import { formatDate, formatYuan } from '@/lib/format';
import type { Locale, Translate } from '@/lib/i18n';
import { letterRoutes } from '@/lib/routes';

const str = (payload: Record<string, unknown>, key: string): string | undefined => {
  const value = payload[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
};
const num = (payload: Record<string, unknown>, key: string): number | undefined => {
  const value = payload[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

/** The one line a notification shows, in the reader's language, from its kind and payload. */
export function describeNotification(t: Translate, locale: Locale, item: NotificationItem): string {
  const p = item.payload ?? {};
  const name = str(p, 'counterpartName') ?? str(p, 'studentDisplayName') ?? t('inbox.someone');
  switch (item.kind) {
    case 'letter_delivered':
      return t('inbox.kind.letter_delivered', { name });
    case 'letter_delivered_to_reader':
      return t('inbox.kind.letter_delivered_to_reader', { name });
    case 'letter_replied':
      return t('inbox.kind.letter_replied', { name });
    case 'letter_returned':
      return t('inbox.kind.letter_returned', { name });
    case 'disbursement_recorded': {
      const amount = num(p, 'amountFen');
      const occurredOn = str(p, 'occurredOn');
      const base = t('inbox.kind.disbursement_recorded', {
        name,
        category: categoryLabel(t, str(p, 'category')),
        amount: amount === undefined ? '' : formatYuan(amount),
      });
      return occurredOn ? base + t('inbox.on', { date: formatDate(occurredOn, locale) }) : base;
    }
    case 'student_left':
      return t('inbox.kind.student_left', { name });
    case 'term_report_posted':
      return str(p, 'term') ? t('inbox.kind.term_report_posted', { name, term: str(p, 'term') ?? '' }) : t('inbox.kind.term_report_posted_plain', { name });
    case 'ngo_notice':
      return str(p, 'text') ?? t('inbox.kind.ngo_notice', { name });
    case 'student_checking_in':
      return t('inbox.kind.student_checking_in', { name, ngo: str(p, 'ngoName') ?? t('inbox.theNgo') });
    case 'student_reached':
      return t('inbox.kind.student_reached', { name, ngo: str(p, 'ngoName') ?? t('inbox.theNgo') });
    default:
      return t('inbox.kind.generic');
  }
}

/** Where tapping a notification leads a sponsor, or null when it leads nowhere. */
export function notificationTarget(item: NotificationItem): string | null {
  const p = item.payload ?? {};
  const letterId = str(p, 'letterId');
  const sponsorshipId = str(p, 'sponsorshipId');
  switch (item.kind) {
    case 'letter_delivered':
    case 'letter_delivered_to_reader':
    case 'letter_replied':
    case 'letter_returned':
      return letterId ? letterRoutes('sponsor').letter(letterId) : null;
    case 'disbursement_recorded':
      return sponsorshipId ? sponsorRoutes.ledger(sponsorshipId) : null;
    default:
      return sponsorshipId ? sponsorRoutes.sponsorship(sponsorshipId) : null;
  }
}
