import { useRouter } from '@tarojs/taro';
import { BackLink, PageShell, StateView } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { CaseScreen } from '@/features/care';
import { useT } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import { readParam, ROUTES } from '@/lib/routes';

export default function StaffCasePage() {
  const t = useT();
  const { params } = useRouter();
  const id = readParam(params, 'id');
  return (
    <PageShell wide title={t('care.caseTitlePlain')} testId='staff-case-page'>
      <RequireSession roles={['caseworker', 'ngo_admin']}>
        {id ? <CaseScreen alertId={id} headerAction={<BackLink fallback={ROUTES.staffQueue} />} /> : <StateView state='error' message={t('care.noCase')} />}
      </RequireSession>
    </PageShell>
  );
}
