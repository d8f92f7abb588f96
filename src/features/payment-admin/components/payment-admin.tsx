import { View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { PageHeader, Segmented } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { AlertsTab } from './alerts-tab';
import { OrdersTab } from './orders-tab';
import { ReportsTab } from './reports-tab';
import './payment-admin.css';

export type PaymentAdminTab = 'orders' | 'alerts' | 'reports';
const TABS: readonly PaymentAdminTab[] = ['orders', 'alerts', 'reports'];

export interface PaymentAdminProps {
  headerAction?: ReactNode;
  initialTab?: PaymentAdminTab;
  now?: Date;
}

/** The NGO admin's payments received in the app: orders (and refunds), alerts, and daily reconciliation. */
export function PaymentAdmin({ headerAction, initialTab = 'orders', now }: PaymentAdminProps) {
  const t = useT();
  const [tab, setTab] = useState<PaymentAdminTab>(initialTab);
  return (
    <View className='bx-payment-admin' data-testid='payment-admin'>
      <PageHeader title={t('paymentAdmin.title')} subtitle={t('paymentAdmin.subtitle')} action={headerAction} />
      <Segmented<PaymentAdminTab>
        label={t('paymentAdmin.tabsLabel')}
        options={TABS.map((value) => ({ value, label: t(`paymentAdmin.tab.${value}`) }))}
        value={tab}
        onChange={setTab}
        testIdPrefix='payment-admin-tab'
      />
      {tab === 'orders' ? <OrdersTab /> : null}
      {tab === 'alerts' ? <AlertsTab /> : null}
      {tab === 'reports' ? <ReportsTab now={now} /> : null}
    </View>
  );
}
