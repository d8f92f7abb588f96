import Taro from '@tarojs/taro';
import { Button } from '@/components/ui';
import { useT } from '@/lib/i18n';

export const PAYMENT_DETAILS_URL = '/packages/staff/pages/payment-details/index';

/** On the staff home: to the NGO's bank-transfer details and payment contact. */
export function PaymentDetailsLink() {
  const t = useT();
  return (
    <Button variant='secondary' testId='payment-details-link' onClick={() => void Taro.navigateTo({ url: PAYMENT_DETAILS_URL })}>
      {t('paymentDetails.link')}
    </Button>
  );
}
