import { useRouter } from '@tarojs/taro';
import { PageShell, StateView } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { composeTargetFromParams, LetterCompose } from '@/features/letters';
import { useT } from '@/lib/i18n';
import { readParam } from '@/lib/routes';

export default function StudentComposePage() {
  const t = useT();
  const { params } = useRouter();
  const target = composeTargetFromParams(params);
  return (
    <PageShell title={t('compose.titleNew')} testId='student-compose-page'>
      <RequireSession roles={['student']}>
        {target ? (
          <LetterCompose role='student' target={target} name={readParam(params, 'name')} />
        ) : (
          <StateView state='error' message={t('compose.noTarget')} />
        )}
      </RequireSession>
    </PageShell>
  );
}
