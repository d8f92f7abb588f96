import Taro from '@tarojs/taro';
import { BackLink, PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { QueueScreen } from '@/features/care';
import { onboardingRoutes } from '@/features/onboarding';
import { useT } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import { caseRoute, ROUTES } from '@/lib/routes';

export default function StaffQueuePage() {
  const t = useT();
  return (
    <PageShell title={t('care.queueTitle')} testId='staff-queue-page'>
      <RequireSession roles={['caseworker', 'ngo_admin']}>
        <QueueScreen
          headerAction={<BackLink fallback={ROUTES.staffHome} />}
          onOpenAlert={(id) => void Taro.navigateTo({ url: caseRoute(id) })}
          onOpenStudent={(id) => void Taro.navigateTo({ url: onboardingRoutes.record(id) })}
        />
      </RequireSession>
    </PageShell>
  );
}
