import { PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { MyDataScreen } from '@/features/my-data';
import { useT } from '@/lib/i18n';

export default function SponsorMyDataPage() {
  const t = useT();
  return (
    <PageShell title={t('myData.title')} testId='sponsor-my-data-page'>
      <RequireSession roles={['sponsor']}>
        <MyDataScreen />
      </RequireSession>
    </PageShell>
  );
}
