import Taro, { useRouter } from '@tarojs/taro';
import { BackLink, PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { QUEUE_TABS, QueueScreen } from '@/features/care';
import { onboardingRoutes } from '@/features/onboarding';
import { useT } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import { caseRoute, flagRoute, readParam, ROUTES } from '@/lib/routes';

const isTab = (value: string | undefined): value is (typeof QUEUE_TABS)[number] => (QUEUE_TABS as readonly (string | undefined)[]).includes(value);

export default function StaffQueuePage() {
  const t = useT();
  const tab = readParam(useRouter().params, 'tab');
  return (
    <PageShell wide title={t('care.queueTitle')} testId='staff-queue-page'>
      <RequireSession roles={['caseworker', 'ngo_admin']}>
        <QueueScreen
          initialTab={isTab(tab) ? tab : undefined}
          headerAction={<BackLink fallback={ROUTES.staffHome} />}
          onOpenAlert={(id) => void Taro.navigateTo({ url: caseRoute(id) })}
          onOpenFlag={(id) => void Taro.navigateTo({ url: flagRoute(id) })}
          onOpenStudent={(id) => void Taro.navigateTo({ url: onboardingRoutes.record(id) })}
        />
      </RequireSession>
    </PageShell>
  );
}
