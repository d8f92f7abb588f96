import { View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { Segmented } from '@/components/ui';
import { usePagedList } from '@/hooks/use-paged-list';
import { useT } from '@/lib/i18n';
import { fetchPaymentAlerts } from '../api';
import { AlertCard } from './alert-card';
import { ListState, usePageListEvents } from './list-state';

type AlertState = 'open' | 'resolved';

/** Payment alerts for the NGO admin (mismatched notices, failed refunds, reconciliation differences). */
export function AlertsTab() {
  const t = useT();
  const [state, setState] = useState<AlertState>('open');
  // Resolved here: gone from the open list without a reload.
  const [resolved, setResolved] = useState<ReadonlySet<string>>(new Set());
  const fetchPage = useCallback((cursor: string | undefined) => fetchPaymentAlerts(state, cursor), [state]);
  const list = usePagedList(fetchPage);
  usePageListEvents(list);
  const shown = state === 'open' ? list.items.filter((alert) => !resolved.has(alert.id)) : list.items;

  return (
    <View className='bx-payment-admin__tab' data-testid='payment-alerts'>
      <Segmented<AlertState>
        label={t('paymentAdmin.alertStateLabel')}
        options={[
          { value: 'open', label: t('paymentAdmin.alertState.open') },
          { value: 'resolved', label: t('paymentAdmin.alertState.resolved') },
        ]}
        value={state}
        onChange={setState}
        testIdPrefix='alert-state'
      />
      <ListState list={{ ...list, items: shown }} emptyTitle={t(state === 'open' ? 'paymentAdmin.alertsEmptyOpen' : 'paymentAdmin.alertsEmptyResolved')} testId='payment-alerts-empty'>
        <View className='bx-payment-admin__grid'>
          {shown.map((alert) => (
            <AlertCard key={alert.id} alert={alert} onResolved={(id) => setResolved((current) => new Set([...current, id]))} />
          ))}
        </View>
      </ListState>
    </View>
  );
}
