import { PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { StudentLetterLinks } from '@/features/letters';
import { UnreadBadge } from '@/features/notifications';
import { SettingsLink } from '@/features/settings';
import { StudentHome } from '@/features/student';
import { useT } from '@/lib/i18n';
import { letterRoutes } from '@/lib/routes';

export default function StudentHomePage() {
  const t = useT();
  return (
    <PageShell title={t('studentHome.title')} testId='student-home-page'>
      <RequireSession roles={['student']}>
        <StudentHome
          headerAction={
            <>
              <UnreadBadge url={letterRoutes('student').list()} />
              <SettingsLink />
            </>
          }
          renderLetters={(profile) => <StudentLetterLinks sponsorName={profile.sponsorDisplayName} sponsorshipId={profile.sponsorshipId} />}
        />
      </RequireSession>
    </PageShell>
  );
}
