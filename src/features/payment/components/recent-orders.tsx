import { Text, View } from '@tarojs/components';
import { Section, StatusBadge, type BadgeTone } from '@/components/ui';
import { useReloadOnReturn } from '@/hooks/use-reload-on-return';
import { useResource } from '@/hooks/use-resource';
import { formatDate, formatYuan } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { fetchPaymentOrders, type PaymentOrderView } from '../api';
import './payment.css';

const TONE: Record<PaymentOrderView['status'], BadgeTone> = { created: 'info', paying: 'info', paid: 'success', closed: 'neutral', failed: 'warning' };
/** An order not settled yet reads "confirming": only the platform's word makes it paid. */
const LABEL = { created: 'pay.status.confirming', paying: 'pay.status.confirming', paid: 'pay.status.paid', closed: 'pay.status.closed', failed: 'pay.status.failed' } as const;

/** The sponsorship's payments made in the app: platform, periods, amount, status and any refund. Nothing while there are none. */
export function RecentOrders({ sponsorshipId }: { sponsorshipId: string }) {
  const t = useT();
  const locale = useLocale();
  const { data, reload } = useResource(`payment-orders:${sponsorshipId}`, () => fetchPaymentOrders(sponsorshipId));
  // Back from the pay page: an order may have been paid or closed meanwhile.
  useReloadOnReturn(reload);
  if (!data || data.length === 0) return null;
  return (
    <Section title={t('ledger.orders.title')} testId='ledger-orders'>
      <View className='bx-pay-orders'>
        {data.map((order) => (
          <View key={order.id} className='bx-pay-order' data-testid='ledger-order' data-status={order.status}>
            <Text>{t('ledger.orders.line', { date: formatDate(order.createdAt, locale), platform: t(`pay.platform.${order.platform}`), count: order.periods })}</Text>
            <Text>{formatYuan(order.amountFen)}</Text>
            <StatusBadge tone={TONE[order.status]} value={order.status}>
              {t(LABEL[order.status])}
            </StatusBadge>
            {order.refundedFen > 0 ? (
              <Text className='bx-pay__hint' data-testid='ledger-order-refunded'>
                {t('pay.refunded', { amount: formatYuan(order.refundedFen) })}
              </Text>
            ) : null}
          </View>
        ))}
      </View>
    </Section>
  );
}
