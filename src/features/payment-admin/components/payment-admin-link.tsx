import Taro from '@tarojs/taro';
import { Button } from '@/components/ui';
import { useReloadOnReturn } from '@/hooks/use-reload-on-return';
import { useResource } from '@/hooks/use-resource';
import { useT } from '@/lib/i18n';
import { fetchPaymentAlerts } from '../api';

export const PAYMENT_ADMIN_URL = '/packages/staff/pages/payments/index';

/**
 * On the NGO admin's home: to the orders, refunds, alerts and reconciliation of payments made in the
 * app, saying how many alerts wait (a mismatched payment, a failed refund, a reconciliation difference),
 * since nothing else shows an admin they arrived.
 */
export function PaymentAdminLink() {
  const t = useT();
  const alerts = useResource('payment-alerts:open', () => fetchPaymentAlerts('open', undefined));
  useReloadOnReturn(alerts.reload);
  const open = alerts.data?.items.length ?? 0;
  const label =
    open === 0 ? t('paymentAdmin.link') : alerts.data?.nextCursor ? t('paymentAdmin.linkManyAlerts', { count: open }) : t('paymentAdmin.linkAlerts', { count: open });
  return (
    <Button variant={open > 0 ? 'primary' : 'secondary'} testId='payment-admin-link' onClick={() => void Taro.navigateTo({ url: PAYMENT_ADMIN_URL })}>
      {label}
    </Button>
  );
}
