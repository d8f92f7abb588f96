import { useRouter } from '@tarojs/taro';
import { BackLink, PageShell, StateView } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { GuardianRequestsScreen } from '@/features/guardian-requests';
import { onboardingRoutes } from '@/features/onboarding';
import { useT } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import { readParam } from '@/lib/routes';

export default function StaffGuardianRequestsPage() {
  const t = useT();
  const studentId = readParam(useRouter().params, 'studentId');
  return (
    <PageShell wide title={t('rights.title')} testId='staff-guardian-requests-page'>
      <RequireSession roles={['caseworker', 'ngo_admin']}>
        {studentId ? (
          <GuardianRequestsScreen studentId={studentId} headerAction={<BackLink fallback={onboardingRoutes.record(studentId)} />} />
        ) : (
          <StateView state='error' message={t('rights.missingId')} />
        )}
      </RequireSession>
    </PageShell>
  );
}
