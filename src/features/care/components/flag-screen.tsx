import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Notice, PageHeader, StateView } from '@/components/ui';
import { useResource } from '@/hooks/use-resource';
import { useT } from '@/lib/i18n';
import { fetchFlag } from '../api';
import { useNow } from '../use-now';
import { FlagActions, FlagTakeOn } from './flag-actions';
import { FlagContacts } from './flag-contacts';
import { FlagHistory } from './flag-history';
import { FlagPassage } from './flag-passage';
import { FlagScript } from './flag-script';
import { FlagSummary } from './flag-summary';
import { UrgentPushButton } from './urgent-push-button';
import './care.css';

export interface FlagScreenProps {
  flagId: string;
  headerAction?: ReactNode;
  now?: Date;
}

/**
 * One wellbeing flag for its caseworker: the student, the deadline, the words that raised it, what to
 * do and whom to call, the actions, the contacts and what has been done.
 */
export function FlagScreen({ flagId, headerAction, now: fixedNow }: FlagScreenProps) {
  const t = useT();
  const now = useNow(fixedNow);
  const resource = useResource(`flag:${flagId}`, () => fetchFlag(flagId));

  usePullDownRefresh(() => {
    void resource.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const view = resource.data;
  if (resource.status === 'loading' || resource.status === 'idle') return <StateView state='loading' />;
  if (!view) return <StateView state='error' message={resource.error ?? undefined} onRetry={() => void resource.reload()} testId='flag-error' />;

  const open = view.flag.status !== 'resolved';
  return (
    <View className='bx-care bx-care-case' data-testid='flag-screen' data-id={view.flag.id} data-level={view.flag.level} data-status={view.flag.status}>
      <PageHeader title={t('care.flagTitle', { name: view.student.displayName })} action={headerAction} testId='flag-title' />
      {resource.error ? <Notice tone='danger'>{resource.error}</Notice> : null}
      <View className='bx-care-case__columns'>
        <View className='bx-care-case__main'>
          <FlagSummary view={view} now={now}>
            <FlagTakeOn view={view} onChanged={resource.replace} />
          </FlagSummary>
          <FlagPassage view={view} />
          {open ? <FlagScript /> : null}
          <FlagActions view={view} onChanged={resource.replace} />
        </View>
        <View className='bx-care-case__side'>
          <FlagContacts contacts={view.student.contacts} />
          <FlagHistory view={view} />
          {open ? <UrgentPushButton /> : null}
        </View>
      </View>
    </View>
  );
}
