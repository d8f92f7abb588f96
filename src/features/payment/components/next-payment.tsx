import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Card } from '@/components/ui';
import { formatDate, formatYuan } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import type { OnlinePayment } from '../api';
import { payRoute } from '../routes';
import './payment.css';

/** On the ledger when the NGO takes payments in the app: the next unpaid period and its "Pay" button. */
export function NextPayment({ sponsorshipId, online }: { sponsorshipId: string; online: OnlinePayment }) {
  const t = useT();
  const locale = useLocale();
  if (!online.nextDueOn || online.maxPeriods < 1) {
    return (
      <Card testId='ledger-next-payment'>
        <View className='bx-pay-next__line'>{t('ledger.pay.allPaid')}</View>
      </Card>
    );
  }
  const amount = formatYuan(online.periodAmountFen);
  return (
    <Card testId='ledger-next-payment'>
      <View className='bx-pay-next'>
        <Text className='bx-pay-next__line' data-testid='ledger-next-due'>
          {t('ledger.pay.next', { date: formatDate(online.nextDueOn, locale), amount })}
        </Text>
        <Button
          label={t('ledger.pay.buttonLabel', { amount })}
          onClick={() => void Promise.resolve(Taro.navigateTo({ url: payRoute(sponsorshipId) })).catch(() => undefined)}
          testId='ledger-pay'
        >
          {t('ledger.pay.button')}
        </Button>
      </View>
    </Card>
  );
}
