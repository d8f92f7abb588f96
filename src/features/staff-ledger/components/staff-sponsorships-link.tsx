import Taro from '@tarojs/taro';
import { Button } from '@/components/ui';
import { useT } from '@/lib/i18n';

export const STAFF_SPONSORSHIPS_URL = '/packages/staff/pages/sponsorships/index';

/** On the NGO admin's home: to the sponsorships, payments and disbursements. */
export function StaffSponsorshipsLink() {
  const t = useT();
  return (
    <Button variant='secondary' testId='staff-sponsorships-link' onClick={() => void Taro.navigateTo({ url: STAFF_SPONSORSHIPS_URL })}>
      {t('staffLedger.link')}
    </Button>
  );
}
