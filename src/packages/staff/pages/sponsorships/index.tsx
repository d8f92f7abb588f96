import { BackLink, PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { StaffSponsorships } from '@/features/staff-ledger';
import { useT } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import { ROUTES } from '@/lib/routes';

export default function StaffSponsorshipsPage() {
  const t = useT();
  return (
    <PageShell wide title={t('staffLedger.title')} testId='staff-sponsorships-page'>
      <RequireSession roles={['ngo_admin']}>
        <StaffSponsorships headerAction={<BackLink fallback={ROUTES.staffHome} />} />
      </RequireSession>
    </PageShell>
  );
}
