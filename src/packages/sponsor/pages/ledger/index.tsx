import { useRouter } from '@tarojs/taro';
import { PageShell, StateView } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { LedgerScreen } from '@/features/ledger';
import { useT } from '@/lib/i18n';
import { readParam } from '@/lib/routes';

export default function SponsorLedgerPage() {
  const t = useT();
  const id = readParam(useRouter().params, 'id');
  return (
    <PageShell title={t('ledger.title')} testId='sponsor-ledger-page'>
      <RequireSession roles={['sponsor']}>
        {id ? <LedgerScreen sponsorshipId={id} /> : <StateView state='error' message={t('errors.generic')} />}
      </RequireSession>
    </PageShell>
  );
}
