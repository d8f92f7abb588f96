import { useRouter } from '@tarojs/taro';
import { PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { StudentForm } from '@/features/onboarding';
import { useT } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import { readParam } from '@/lib/routes';

export default function StaffStudentEditPage() {
  const t = useT();
  const params = useRouter().params;
  const id = readParam(params, 'id');
  return (
    <PageShell wide title={id ? t('onboarding.form.editTitle') : t('onboarding.form.createTitle')} testId='staff-student-edit-page'>
      <RequireSession roles={['caseworker', 'ngo_admin']}>
        <StudentForm studentId={id} guardianRequestId={id ? readParam(params, 'requestId') : undefined} />
      </RequireSession>
    </PageShell>
  );
}
