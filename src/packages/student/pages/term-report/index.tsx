import { useRouter } from '@tarojs/taro';
import { PageShell } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { TermReportScreen } from '@/features/term-report';
import { useT } from '@/lib/i18n';
import { readParam } from '@/lib/routes';

export default function StudentTermReportPage() {
  const t = useT();
  const { params } = useRouter();
  return (
    <PageShell title={t('termReport.title')} testId='student-term-report-page'>
      <RequireSession roles={['student']}>
        <TermReportScreen initialTerm={readParam(params, 'term')} />
      </RequireSession>
    </PageShell>
  );
}
