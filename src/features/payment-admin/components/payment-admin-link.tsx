import Taro from '@tarojs/taro';
import { Button } from '@/components/ui';
import { useT } from '@/lib/i18n';

export const PAYMENT_ADMIN_URL = '/packages/staff/pages/payments/index';

/** On the NGO admin's home: to the orders, refunds, alerts and reconciliation of payments made in the app. */
export function PaymentAdminLink() {
  const t = useT();
  return (
    <Button variant='secondary' testId='payment-admin-link' onClick={() => void Taro.navigateTo({ url: PAYMENT_ADMIN_URL })}>
      {t('paymentAdmin.link')}
    </Button>
  );
}
