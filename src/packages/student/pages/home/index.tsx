import { PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { SettingsLink } from '@/features/settings';
import { StudentHome } from '@/features/student';
import { useT } from '@/lib/i18n';

export default function StudentHomePage() {
  const t = useT();
  return (
    <PageShell title={t('studentHome.title')} testId='student-home-page'>
      <RequireSession roles={['student']}>
        <StudentHome headerAction={<SettingsLink />} />
      </RequireSession>
    </PageShell>
  );
}
