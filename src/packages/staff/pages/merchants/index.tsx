import { BackLink, PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { MerchantSettings } from '@/features/merchant-settings';
import { useT } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import { ROUTES } from '@/lib/routes';

export default function StaffMerchantsPage() {
  const t = useT();
  return (
    <PageShell wide title={t('merchants.title')} testId='staff-merchants-page'>
      <RequireSession roles={['ngo_admin']}>
        <MerchantSettings headerAction={<BackLink fallback={ROUTES.staffHome} />} />
      </RequireSession>
    </PageShell>
  );
}
