import { useRouter } from '@tarojs/taro';
import { PageShell, StateView } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { PledgeReview } from '@/features/pledge';
import { useT } from '@/lib/i18n';
import { readParam } from '@/lib/routes';

export default function SponsorPledgePage() {
  const t = useT();
  const params = useRouter().params;
  const sponsorshipId = readParam(params, 'sponsorshipId');
  const studentId = readParam(params, 'studentId');
  return (
    <PageShell title={t('pledge.pageTitle')} testId='sponsor-pledge-page'>
      <RequireSession roles={['sponsor']}>
        {sponsorshipId ? <PledgeReview sponsorshipId={sponsorshipId} studentId={studentId} /> : <StateView state='error' message={t('errors.generic')} />}
      </RequireSession>
    </PageShell>
  );
}
