import { BackLink, PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { PaymentAdmin } from '@/features/payment-admin';
import { useT } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import { ROUTES } from '@/lib/routes';

export default function StaffPaymentsPage() {
  const t = useT();
  return (
    <PageShell wide title={t('paymentAdmin.title')} testId='staff-payments-page'>
      <RequireSession roles={['ngo_admin']}>
        <PaymentAdmin headerAction={<BackLink fallback={ROUTES.staffHome} />} />
      </RequireSession>
    </PageShell>
  );
}
