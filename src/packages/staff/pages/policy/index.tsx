import { BackLink, PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { PolicyEditor } from '@/features/care-policy';
import { useT } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import { ROUTES } from '@/lib/routes';

export default function StaffPolicyPage() {
  const t = useT();
  return (
    <PageShell wide title={t('policy.title')} testId='staff-policy-page'>
      <RequireSession roles={['caseworker', 'ngo_admin']}>
        <PolicyEditor headerAction={<BackLink fallback={ROUTES.staffHome} />} />
      </RequireSession>
    </PageShell>
  );
}
