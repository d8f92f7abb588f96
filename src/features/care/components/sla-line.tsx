import { View } from '@tarojs/components';
import { cx } from '@/components/ui';
import { useT } from '@/lib/i18n';
import type { AlertRow, FlagRow } from '../api';
import { describeCountdown, slaCountdown } from '../countdown';
import { describeFlagDue, flagDue } from '../flag-words';

/** The SLA countdown in words; overdue is styled as urgent (and says so in words, not only colour). */
export function SlaLine({ deadline, now }: { deadline: AlertRow['nextDeadline']; now: Date }) {
  const t = useT();
  if (!deadline) {
    return (
      <View className='bx-care-sla bx-care-sla--met' data-testid='sla-line' data-urgency='met'>
        {t('care.sla.met')}
      </View>
    );
  }
  const countdown = slaCountdown(deadline, now);
  return (
    <View className={cx('bx-care-sla', `bx-care-sla--${countdown.urgency}`)} data-testid='sla-line' data-urgency={countdown.urgency}>
      {describeCountdown(t, countdown)}
    </View>
  );
}

/** A flag's deadline in words; once an urgent flag is taken on, a reminder that it is still to be acted on. */
export function FlagDueLine({ flag, now }: { flag: Pick<FlagRow, 'level' | 'status' | 'dueAt' | 'escalatedAt'>; now: Date }) {
  const t = useT();
  const due = flagDue(flag, now);
  if (!due) {
    if (flag.status === 'resolved') return null;
    return (
      <View className='bx-care-sla bx-care-sla--met' data-testid='flag-due' data-urgency='met'>
        {t('care.flagDue.met')}
      </View>
    );
  }
  return (
    <View className={cx('bx-care-sla', `bx-care-sla--${due.urgency}`)} data-testid='flag-due' data-urgency={due.urgency}>
      {describeFlagDue(t, due)}
    </View>
  );
}
