import { PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { StatementScreen } from '@/features/statement';
import { useT } from '@/lib/i18n';

export default function SponsorStatementPage() {
  const t = useT();
  return (
    <PageShell title={t('statement.title')} testId='sponsor-statement-page'>
      <RequireSession roles={['sponsor']}>
        <StatementScreen />
      </RequireSession>
    </PageShell>
  );
}
