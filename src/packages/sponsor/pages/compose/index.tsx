import { useRouter } from '@tarojs/taro';
import { PageShell, StateView } from '@/components/ui';
import { RequireSession } from '@/features/auth';
import { composeTargetFromParams, LetterCompose } from '@/features/letters';
import { useT } from '@/lib/i18n';
import { readParam } from '@/lib/routes';

export default function SponsorComposePage() {
  const t = useT();
  const { params } = useRouter();
  const target = composeTargetFromParams(params);
  const name = readParam(params, 'name');
  const suggestion = readParam(params, 'suggest');
  return (
    <PageShell title={t('compose.titleNew')} testId='sponsor-compose-page'>
      <RequireSession roles={['sponsor']}>
        {target ? (
          <LetterCompose role='sponsor' target={target} name={name} suggestedBody={suggestion === 'exam_encouragement' ? t('compose.suggest.examEncouragement', { name: name ?? '' }) : undefined} />
        ) : (
          <StateView state='error' message={t('compose.noTarget')} />
        )}
      </RequireSession>
    </PageShell>
  );
}
