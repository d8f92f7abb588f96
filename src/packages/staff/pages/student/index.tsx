import { useRouter } from '@tarojs/taro';
import { BackLink, PageShell, StateView } from '@/components/ui';
import { RequireSession, useMe } from '@/features/auth';
import { StudentRecord } from '@/features/onboarding';
import { useT } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import { readParam, ROUTES } from '@/lib/routes';

export default function StaffStudentPage() {
  const t = useT();
  const me = useMe();
  const id = readParam(useRouter().params, 'id');
  return (
    <PageShell wide title={t('onboarding.record.pageTitle')} testId='staff-student-page'>
      <RequireSession roles={['caseworker', 'ngo_admin']}>
        {id ? (
          <StudentRecord studentId={id} role={me?.role === 'ngo_admin' ? 'ngo_admin' : 'caseworker'} headerAction={<BackLink fallback={ROUTES.staffHome} />} />
        ) : (
          <StateView state='error' message={t('onboarding.record.missingId')} />
        )}
      </RequireSession>
    </PageShell>
  );
}
