import { useRouter } from '@tarojs/taro';
import { PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { LetterList } from '@/features/letters';
import { useT } from '@/lib/i18n';
import { readParam } from '@/lib/routes';

export default function SponsorLettersPage() {
  const t = useT();
  const { params } = useRouter();
  return (
    <PageShell title={t('letters.title')} testId='sponsor-letters-page'>
      <RequireSession roles={['sponsor']}>
        <LetterList role='sponsor' sponsorshipId={readParam(params, 'sponsorshipId')} name={readParam(params, 'name')} />
      </RequireSession>
    </PageShell>
  );
}
