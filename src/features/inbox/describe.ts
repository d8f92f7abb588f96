import type { NotificationItem } from '../../../domain/api/letters';
import { categoryLabel } from '@/features/ledger';
import { sponsorRoutes } from '@/features/timeline';
import { situationChange } from '@/lib/care-terms';
import { formatDate, formatYuan } from '@/lib/format';
import type { Locale, Translate } from '@/lib/i18n';
import { letterRoutes } from '@/lib/routes';
import { termName } from '@/lib/term-name';

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
    case 'sponsorship_closed':
      return t('inbox.kind.sponsorship_closed');
    case 'term_report_posted':
      return str(p, 'term') ? t('inbox.kind.term_report_posted', { name, term: termName(t, str(p, 'term') ?? '') }) : t('inbox.kind.term_report_posted_plain', { name });
    case 'ngo_notice':
      return str(p, 'text') ?? t('inbox.kind.ngo_notice', { name });
    case 'student_checking_in':
      return t('inbox.kind.student_checking_in', { name, ngo: str(p, 'ngoName') ?? t('inbox.theNgo') });
    case 'student_reached': {
      const ngo = str(p, 'ngoName') ?? t('inbox.theNgo');
      const change = situationChange(p.change);
      return change
        ? t('inbox.kind.student_reached_changed', { name, ngo, change: t(`sponsorCare.change.${change}`) })
        : t('inbox.kind.student_reached', { name, ngo });
    }
    case 'exam_encouragement':
      return t('inbox.kind.exam_encouragement', { name });
    case 'student_paused': {
      const resumeOn = str(p, 'resumeOn');
      return resumeOn ? t('inbox.kind.student_paused', { name, date: formatDate(resumeOn, locale) }) : t('inbox.kind.student_paused_plain', { name });
    }
    case 'student_handed_over':
      return t('inbox.kind.student_handed_over', { name, ngo: str(p, 'ngoName') ?? t('inbox.theNgo') });
    case 'checkin_reminder':
      return t('inbox.kind.checkin_reminder');
    case 'alert_assigned':
      return t('inbox.kind.alert_assigned', { name });
    case 'alert_escalated':
      return t('inbox.kind.alert_escalated', { name });
    case 'exam_outreach':
      return t('inbox.kind.exam_outreach', { count: num(p, 'count') ?? 1 });
    case 'handover_requested':
      return t('inbox.kind.handover_requested', { name });
    case 'payment_due': {
      const amount = num(p, 'amountFen');
      const dueOn = str(p, 'dueOn');
      return amount !== undefined && dueOn
        ? t('inbox.kind.payment_due', { name, amount: formatYuan(amount), date: formatDate(dueOn, locale) })
        : t('inbox.kind.payment_due_plain', { name });
    }
    case 'payment_confirmed':
      return t('inbox.kind.payment_confirmed', { name, amount: formatYuan(num(p, 'amountFen') ?? 0) });
    case 'payment_refunded':
      return t('inbox.kind.payment_refunded', { name, amount: formatYuan(num(p, 'amountFen') ?? 0) });
    case 'handover_decided':
      return str(p, 'decision') === 'rejected' ? t('inbox.kind.handover_rejected', { name }) : t('inbox.kind.handover_accepted', { name });
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
    case 'payment_due':
    case 'payment_confirmed':
    case 'payment_refunded':
      return sponsorshipId ? sponsorRoutes.ledger(sponsorshipId) : null;
    case 'exam_encouragement':
      // The letter compose screen, with an encouraging text the sponsor can change.
      return sponsorshipId ? letterRoutes('sponsor').compose(sponsorshipId, str(p, 'studentDisplayName'), 'exam_encouragement') : null;
    default:
      return sponsorshipId ? sponsorRoutes.sponsorship(sponsorshipId) : null;
  }
}
