import { PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { InboxScreen } from '@/features/inbox';
import { useT } from '@/lib/i18n';

export default function SponsorInboxPage() {
  const t = useT();
  return (
    <PageShell title={t('inbox.title')} testId='sponsor-inbox-page'>
      <RequireSession roles={['sponsor']}>
        <InboxScreen />
      </RequireSession>
    </PageShell>
  );
}
