import { PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { SettingsLink } from '@/features/settings';
import { StaffSponsorships } from '@/features/staff-ledger';
import { useT } from '@/lib/i18n';
import '@/lib/i18n/staff/register';

export default function StaffSponsorshipsPage() {
  const t = useT();
  return (
    <PageShell title={t('staffLedger.title')} testId='staff-sponsorships-page'>
      <RequireSession roles={['ngo_admin']}>
        <StaffSponsorships headerAction={<SettingsLink />} />
      </RequireSession>
    </PageShell>
  );
}
