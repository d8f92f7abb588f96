import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Card, StatusBadge, type BadgeTone } from '@/components/ui';
import { formatDateTime, formatYuan } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import type { PaymentOrderStatus, RefundView, StaffPaymentOrderRow } from '../api';
import { RefundForm } from './refund-form';

export const ORDER_STATUS_TONE: Record<PaymentOrderStatus, BadgeTone> = {
  created: 'neutral',
  paying: 'info',
  paid: 'success',
  closed: 'neutral',
  failed: 'danger',
};

const REFUND_STATUS_TONE: Record<RefundView['status'], BadgeTone> = {
  requested: 'info',
  processing: 'info',
  succeeded: 'success',
  failed: 'danger',
};

export interface OrderCardProps {
  order: StaffPaymentOrderRow;
  /** After a refund was asked for: the order with it. */
  onUpdated: (order: StaffPaymentOrderRow) => void;
}

/** One payment order: who paid for whom, how much, through which platform, its refunds, and a refund form. */
export function OrderCard({ order, onUpdated }: OrderCardProps) {
  const t = useT();
  const locale = useLocale();
  const [refunding, setRefunding] = useState(false);

  const refunded = (refund: RefundView) => {
    setRefunding(false);
    onUpdated({
      ...order,
      refunds: [refund, ...order.refunds],
      refundableFen: Math.max(0, order.refundableFen - (refund.status === 'failed' ? 0 : refund.amountFen)),
      refundedFen: order.refundedFen + (refund.status === 'succeeded' ? refund.amountFen : 0),
    });
  };

  return (
    <Card testId='payment-order' data={{ 'data-id': order.id }} className='bx-payment-admin__card'>
      <View className='bx-payment-admin__head'>
        <Text className='bx-payment-admin__name'>{order.studentName}</Text>
        <StatusBadge tone={ORDER_STATUS_TONE[order.status]} value={order.status} testId='payment-order-status'>
          {t(`paymentAdmin.orderStatus.${order.status}`)}
        </StatusBadge>
      </View>
      <View className='bx-payment-admin__line' data-testid='payment-order-summary' data-fen={String(order.amountFen)}>
        {t('paymentAdmin.order.summary', {
          sponsor: order.sponsorName,
          amount: formatYuan(order.amountFen),
          count: order.periods,
          platform: t(`paymentAdmin.platform.${order.platform}`),
        })}
      </View>
      <View className='bx-payment-admin__meta'>
        {order.paidAt ? t('paymentAdmin.order.paidAt', { at: formatDateTime(order.paidAt, locale) }) : t('paymentAdmin.order.createdAt', { at: formatDateTime(order.createdAt, locale) })}
      </View>
      {order.platformTradeId ? <View className='bx-payment-admin__meta bx-payment-admin__code'>{t('paymentAdmin.order.tradeId', { id: order.platformTradeId })}</View> : null}
      {order.refunds.length > 0 ? (
        <View className='bx-payment-admin__refunds' data-testid='payment-order-refunds'>
          {order.refunds.map((refund) => (
            <View key={refund.id} className='bx-payment-admin__refund' data-testid='payment-order-refund' data-id={refund.id}>
              <Text>{t('paymentAdmin.refund.line', { amount: formatYuan(refund.amountFen), reason: refund.reason, at: formatDateTime(refund.createdAt, locale) })}</Text>
              <StatusBadge tone={REFUND_STATUS_TONE[refund.status]} value={refund.status}>
                {t(`paymentAdmin.refundStatus.${refund.status}`)}
              </StatusBadge>
            </View>
          ))}
        </View>
      ) : null}
      {order.status === 'paid' && order.refundableFen > 0 && !refunding ? (
        <Button variant='secondary' testId='payment-order-refund-open' onClick={() => setRefunding(true)}>
          {t('paymentAdmin.refund.open')}
        </Button>
      ) : null}
      {refunding ? <RefundForm order={order} onRefunded={refunded} onCancel={() => setRefunding(false)} /> : null}
    </Card>
  );
}
