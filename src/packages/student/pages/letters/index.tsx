import { useRouter } from '@tarojs/taro';
import { PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { LetterList } from '@/features/letters';
import { useT } from '@/lib/i18n';
import { readParam } from '@/lib/routes';

export default function StudentLettersPage() {
  const t = useT();
  const { params } = useRouter();
  return (
    <PageShell title={t('letters.title')} testId='student-letters-page'>
      <RequireSession roles={['student']}>
        <LetterList role='student' sponsorshipId={readParam(params, 'sponsorshipId')} name={readParam(params, 'name')} />
      </RequireSession>
    </PageShell>
  );
}
