import Taro from '@tarojs/taro';
import { Button } from '@/components/ui';
import { useT } from '@/lib/i18n';

export const MERCHANT_SETTINGS_URL = '/packages/staff/pages/merchants/index';

/** On the NGO admin's home: to the WeChat Pay and Alipay settings. */
export function MerchantSettingsLink() {
  const t = useT();
  return (
    <Button variant='secondary' testId='merchant-settings-link' onClick={() => void Taro.navigateTo({ url: MERCHANT_SETTINGS_URL })}>
      {t('merchants.link')}
    </Button>
  );
}
