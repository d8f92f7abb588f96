import { BackLink, PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { HandoversScreen } from '@/features/care';
import { useT } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import { ROUTES } from '@/lib/routes';

export default function StaffHandoversPage() {
  const t = useT();
  return (
    <PageShell wide title={t('care.handoversTitle')} testId='staff-handovers-page'>
      <RequireSession roles={['ngo_admin']}>
        <HandoversScreen headerAction={<BackLink fallback={ROUTES.staffHome} />} />
      </RequireSession>
    </PageShell>
  );
}
