import { useRouter } from '@tarojs/taro';
import { BackLink, PageShell, StateView } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { FlagScreen } from '@/features/care';
import { useT } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import { readParam, ROUTES } from '@/lib/routes';

/** Opened from the queue, and by the urgent push (`?id=<flagId>`), possibly as the first page of a cold start. */
export default function StaffFlagPage() {
  const t = useT();
  const { params } = useRouter();
  const id = readParam(params, 'id');
  return (
    <PageShell wide title={t('care.flagTitlePlain')} testId='staff-flag-page'>
      <RequireSession roles={['caseworker', 'ngo_admin']}>
        {id ? <FlagScreen flagId={id} headerAction={<BackLink fallback={ROUTES.staffQueue} />} /> : <StateView state='error' message={t('care.noFlag')} />}
      </RequireSession>
    </PageShell>
  );
}
