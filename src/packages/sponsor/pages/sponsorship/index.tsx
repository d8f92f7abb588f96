import { useRouter } from '@tarojs/taro';
import { PageShell, StateView } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { SponsorshipScreen, type SponsorshipTab } from '@/features/timeline';
import { useT } from '@/lib/i18n';
import { readParam } from '@/lib/routes';

const TABS: readonly SponsorshipTab[] = ['timeline', 'ledger', 'ngo'];

export default function SponsorSponsorshipPage() {
  const t = useT();
  const { params } = useRouter();
  const id = readParam(params, 'id');
  const tab = readParam(params, 'tab');
  return (
    <PageShell title={t('timeline.pageTitle')} testId='sponsor-sponsorship-page'>
      <RequireSession roles={['sponsor']}>
        {id ? (
          <SponsorshipScreen id={id} initialTab={TABS.find((x) => x === tab) ?? 'timeline'} />
        ) : (
          <StateView state='error' message={t('errors.generic')} />
        )}
      </RequireSession>
    </PageShell>
  );
}
