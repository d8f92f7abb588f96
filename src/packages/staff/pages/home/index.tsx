import Taro from '@tarojs/taro';
import { PageShell } from '@/components/ui';
import { RequireSession, useMe } from '@/features/auth';
import { CareLinks } from '@/features/care';
import { ReviewLink } from '@/features/letters';
import { MerchantSettingsLink } from '@/features/merchant-settings';
import { PaymentDetailsLink } from '@/features/ngo-payment';
import { AddStudentButton, onboardingRoutes } from '@/features/onboarding';
import { PaymentAdminLink } from '@/features/payment-admin';
import { SettingsLink } from '@/features/settings';
import { StaffHome } from '@/features/staff';
import { StaffSponsorshipsLink } from '@/features/staff-ledger';
import { useT } from '@/lib/i18n';
import '@/lib/i18n/staff/register';

export default function StaffHomePage() {
  const t = useT();
  const me = useMe();
  return (
    <PageShell wide title={t('staff.title')} testId='staff-home-page'>
      <RequireSession roles={['caseworker', 'ngo_admin']}>
        <StaffHome
          role={me?.role === 'ngo_admin' ? 'ngo_admin' : 'caseworker'}
          headerAction={<SettingsLink />}
          onOpenStudent={(id) => void Taro.navigateTo({ url: onboardingRoutes.record(id) })}
          banner={
            <>
              <CareLinks admin={me?.role === 'ngo_admin'} />
              <ReviewLink />
              <AddStudentButton />
              {me?.role === 'ngo_admin' ? <StaffSponsorshipsLink /> : null}
              {me?.role === 'ngo_admin' ? <PaymentDetailsLink /> : null}
              {me?.role === 'ngo_admin' ? <MerchantSettingsLink /> : null}
              {me?.role === 'ngo_admin' ? <PaymentAdminLink /> : null}
            </>
          }
        />
      </RequireSession>
    </PageShell>
  );
}
