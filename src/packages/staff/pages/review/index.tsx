import { PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { ReviewQueue } from '@/features/letters';
import { useT } from '@/lib/i18n';
import '@/lib/i18n/staff/register';

export default function StaffReviewPage() {
  const t = useT();
  return (
    <PageShell wide title={t('review.title')} testId='staff-review-page'>
      <RequireSession roles={['caseworker', 'ngo_admin']}>
        <ReviewQueue />
      </RequireSession>
    </PageShell>
  );
}
