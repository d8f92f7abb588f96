import { View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { Segmented } from '@/components/ui';
import { usePagedList } from '@/hooks/use-paged-list';
import { useT } from '@/lib/i18n';
import { fetchPaymentOrders, type PaymentOrderStatus, type StaffPaymentOrderRow } from '../api';
import { ListState, usePageListEvents } from './list-state';
import { OrderCard } from './order-card';

type StatusFilter = PaymentOrderStatus | 'all';
const FILTERS: readonly StatusFilter[] = ['all', 'paid', 'paying', 'created', 'closed', 'failed'];

/** The NGO's payment orders, newest first, filtered by status; a paid one can be refunded. */
export function OrdersTab() {
  const t = useT();
  const [filter, setFilter] = useState<StatusFilter>('all');
  // Orders changed here (a refund asked for), on top of what the list loaded.
  const [patches, setPatches] = useState<Record<string, StaffPaymentOrderRow>>({});
  const fetchPage = useCallback(
    (cursor: string | undefined) => {
      if (!cursor) setPatches({});
      return fetchPaymentOrders(filter === 'all' ? undefined : filter, cursor);
    },
    [filter],
  );
  const list = usePagedList(fetchPage);
  usePageListEvents(list);

  return (
    <View className='bx-payment-admin__tab' data-testid='payment-orders'>
      <Segmented<StatusFilter>
        label={t('paymentAdmin.filterLabel')}
        options={FILTERS.map((value) => ({ value, label: value === 'all' ? t('paymentAdmin.filterAll') : t(`paymentAdmin.orderStatus.${value}`) }))}
        value={filter}
        onChange={setFilter}
        testIdPrefix='order-filter'
      />
      <ListState list={list} emptyTitle={t('paymentAdmin.ordersEmpty')} testId='payment-orders-empty'>
        <View className='bx-payment-admin__grid'>
          {list.items.map((order) => (
            <OrderCard key={order.id} order={patches[order.id] ?? order} onUpdated={(next) => setPatches((current) => ({ ...current, [next.id]: next }))} />
          ))}
        </View>
      </ListState>
    </View>
  );
}
