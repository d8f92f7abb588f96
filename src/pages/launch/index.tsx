import { PageShell } from '@/components/ui';
import { LaunchScreen } from '@/features/auth';

export default function LaunchPage() {
  return (
    <PageShell>
      <LaunchScreen />
    </PageShell>
  );
}
