import { useRouter } from '@tarojs/taro';
import { PageShell, StateView } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { LetterView } from '@/features/letters';
import { useT } from '@/lib/i18n';
import { readParam } from '@/lib/routes';

export default function SponsorLetterPage() {
  const t = useT();
  const id = readParam(useRouter().params, 'id');
  return (
    <PageShell title={t('letter.title')} testId='sponsor-letter-page'>
      <RequireSession roles={['sponsor']}>
        {id ? <LetterView id={id} role='sponsor' /> : <StateView state='error' message={t('errors.generic')} />}
      </RequireSession>
    </PageShell>
  );
}
