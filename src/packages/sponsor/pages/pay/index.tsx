import { useRouter } from '@tarojs/taro';
import { PageShell, StateView } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { PayScreen } from '@/features/payment';
import { useT } from '@/lib/i18n';
import { readParam } from '@/lib/routes';

export default function SponsorPayPage() {
  const t = useT();
  const id = readParam(useRouter().params, 'sponsorshipId');
  return (
    <PageShell title={t('pay.title')} testId='sponsor-pay-page'>
      <RequireSession roles={['sponsor']}>{id ? <PayScreen sponsorshipId={id} /> : <StateView state='error' message={t('errors.generic')} />}</RequireSession>
    </PageShell>
  );
}
