import { PageShell } from '@/components/ui';
import { RequireSession, useMe } from '@/features/auth';
import { UnreadBadge } from '@/features/notifications';
import { SettingsLink } from '@/features/settings';
import { SponsorHome } from '@/features/sponsor';
import { sponsorRoutes } from '@/features/timeline';
import { useT } from '@/lib/i18n';

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
              <UnreadBadge url={sponsorRoutes.inbox()} opens='inbox' />
              <SettingsLink />
            </>
          }
        />
      </RequireSession>
    </PageShell>
  );
}
