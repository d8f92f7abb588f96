import { View } from '@tarojs/components';
import { Button } from '@/components/ui';
import { useEventSubscription } from '@/features/subscriptions';
import { note } from '@/lib/dialog';
import { useT } from '@/lib/i18n';

/**
 * "Remind me before the next period" in the mini-programs, when the server can send that message and
 * the sponsor holds no send of it yet; asked straight from the tap, as the platforms require.
 */
export function ReminderButton() {
  const t = useT();
  const { offer, ask } = useEventSubscription('payment_due');
  if (!offer || offer.remaining > 0) return null;
  return (
    <View className='bx-pay__reminder' data-testid='pay-reminder'>
      <Button
        variant='secondary'
        block
        testId='pay-reminder-ask'
        onClick={() =>
          void ask().then((answer) => {
            if (answer === 'accept') note(t('pay.reminderOn'));
          })
        }
      >
        {t('pay.reminderAsk')}
      </Button>
    </View>
  );
}
