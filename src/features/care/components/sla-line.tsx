import { View } from '@tarojs/components';
import { cx } from '@/components/ui';
import { useT } from '@/lib/i18n';
import type { AlertRow } from '../api';
import { describeCountdown, slaCountdown } from '../countdown';

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
