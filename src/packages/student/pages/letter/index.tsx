import { useRouter } from '@tarojs/taro';
import { PageShell, StateView } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { LetterView } from '@/features/letters';
import { useT } from '@/lib/i18n';
import { readParam } from '@/lib/routes';

export default function StudentLetterPage() {
  const t = useT();
  const id = readParam(useRouter().params, 'id');
  return (
    <PageShell title={t('letter.title')} testId='student-letter-page'>
      <RequireSession roles={['student']}>
        {id ? <LetterView id={id} role='student' /> : <StateView state='error' message={t('errors.generic')} />}
      </RequireSession>
    </PageShell>
  );
}
