import { BackLink, PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { PaymentDetailsEditor } from '@/features/ngo-payment';
import { useT } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import { ROUTES } from '@/lib/routes';

export default function StaffPaymentDetailsPage() {
  const t = useT();
  return (
    <PageShell title={t('paymentDetails.title')} testId='staff-payment-details-page'>
      <RequireSession roles={['caseworker', 'ngo_admin']}>
        <PaymentDetailsEditor headerAction={<BackLink fallback={ROUTES.staffHome} />} />
      </RequireSession>
    </PageShell>
  );
}
