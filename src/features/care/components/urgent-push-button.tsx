import { View } from '@tarojs/components';
import { Button } from '@/components/ui';
import { toast } from '@/lib/dialog';
import { useEventSubscription } from '@/features/subscriptions';
import { useT } from '@/lib/i18n';

/** "Notify me of urgent cases" in the mini-programs, when the server can send that push; nothing on h5. */
export function UrgentPushButton() {
  const t = useT();
  const { offer: push, ask } = useEventSubscription('care_urgent');
  if (!push) return null;
  return (
    <View className='bx-care-push' data-testid='urgent-push'>
      <Button
        variant='secondary'
        testId='urgent-push-ask'
        onClick={() =>
          void ask().then((answer) => {
            if (answer === 'accept') toast('care.urgentPush.on');
          })
        }
      >
        {t(`care.urgentPush.${push.channel}`)}
      </Button>
      <View className='bx-care__hint'>{t('care.urgentPush.hint')}</View>
      {push.remaining > 0 ? (
        <View className='bx-care__hint' data-testid='urgent-push-remaining'>
          {t('care.urgentPush.remaining', { n: push.remaining })}
        </View>
      ) : null}
      {push.channel === 'wechat_subscribe' ? <View className='bx-care__hint'>{t('care.urgentPush.once')}</View> : null}
    </View>
  );
}
