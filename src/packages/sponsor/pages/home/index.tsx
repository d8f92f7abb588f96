import { PageShell } from '@/components/ui';
import { RequireSession, useMe } from '@/features/auth';
import { UnreadBadge } from '@/features/notifications';
import { SettingsLink } from '@/features/settings';
import { SponsorHome } from '@/features/sponsor';
import { useT } from '@/lib/i18n';
import { letterRoutes } from '@/lib/routes';

export default function SponsorHomePage() {
  const t = useT();
  const me = useMe();
  return (
    <PageShell title={t('sponsor.title')} testId='sponsor-home-page'>
      <RequireSession roles={['sponsor']}>
        <SponsorHome
          name={me?.displayName}
          headerAction={
            <>
              <UnreadBadge url={letterRoutes('sponsor').list()} />
              <SettingsLink />
            </>
          }
        />
      </RequireSession>
    </PageShell>
  );
}
