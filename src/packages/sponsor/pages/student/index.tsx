import { useRouter } from '@tarojs/taro';
import { PageShell, StateView } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { SponsorAction } from '@/features/pledge';
import { PoolBackLink, StudentScreen } from '@/features/pool';
import { useT } from '@/lib/i18n';
import { readParam } from '@/lib/routes';

export default function SponsorPoolStudentPage() {
  const t = useT();
  const params = useRouter().params;
  const id = readParam(params, 'id');
  const afterLeaving = readParam(params, 'carryFrom');
  return (
    <PageShell title={t('pool.studentTitle')} testId='sponsor-student-page'>
      <RequireSession roles={['sponsor']}>
        <PoolBackLink />
        {id ? (
          <StudentScreen
            id={id}
            afterLeaving={afterLeaving}
            renderAction={(student, { onTaken }) => <SponsorAction student={student} afterLeaving={afterLeaving} onTaken={onTaken} />}
          />
        ) : (
          <StateView state='error' message={t('errors.generic')} />
        )}
      </RequireSession>
    </PageShell>
  );
}
