import { useRouter } from '@tarojs/taro';
import { BackLink, PageShell, StateView } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { GuardianRequestScreen } from '@/features/guardian-requests';
import { useT } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import { ROUTES, readParam } from '@/lib/routes';

export default function StaffGuardianRequestPage() {
  const t = useT();
  const id = readParam(useRouter().params, 'id');
  return (
    <PageShell wide title={t('rights.title')} testId='staff-guardian-request-page'>
      <RequireSession roles={['caseworker', 'ngo_admin']}>
        {id ? <GuardianRequestScreen requestId={id} headerAction={<BackLink fallback={ROUTES.staffHome} />} /> : <StateView state='error' message={t('rights.missingId')} />}
      </RequireSession>
    </PageShell>
  );
}
