import { useRouter } from '@tarojs/taro';
import { PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { PoolBackLink, PoolScreen } from '@/features/pool';
import { useT } from '@/lib/i18n';
import { readParam } from '@/lib/routes';

export default function SponsorPoolPage() {
  const t = useT();
  const afterLeaving = readParam(useRouter().params, 'carryFrom');
  return (
    <PageShell title={t('pool.title')} testId='sponsor-pool-page'>
      <RequireSession roles={['sponsor']}>
        <PoolBackLink />
        <PoolScreen afterLeaving={afterLeaving} />
      </RequireSession>
    </PageShell>
  );
}
