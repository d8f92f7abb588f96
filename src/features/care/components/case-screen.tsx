import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { Button, Card, Notice, PageHeader, StateView, StatusBadge } from '@/components/ui';
import { useResource } from '@/hooks/use-resource';
import { formatDate, formatDateTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { acknowledgeAlert, fetchCase, type CaseView } from '../api';
import { useNow } from '../use-now';
import { AttemptFormView } from './attempt-form';
import { CaseContacts, CaseStudent } from './case-header';
import { CaseAttempts, CaseRecent, CaseTimeline } from './case-history';
import { ReassignFormView } from './reassign-form';
import { ResolveFormView } from './resolve-form';
import { SlaLine } from './sla-line';
import { useCaseAction } from './use-case-action';
import './care.css';

type Panel = 'none' | 'attempt' | 'resolve' | 'reassign';

export interface CaseScreenProps {
  alertId: string;
  headerAction?: ReactNode;
  now?: Date;
}

/** One lost-contact alert for its caseworker: the student, contacts, SLA, history and the actions. */
export function CaseScreen({ alertId, headerAction, now: fixedNow }: CaseScreenProps) {
  const t = useT();
  const now = useNow(fixedNow);
  const resource = useResource(`case:${alertId}`, () => fetchCase(alertId));
  const [panel, setPanel] = useState<Panel>('none');

  usePullDownRefresh(() => {
    void resource.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const view = resource.data;
  if (resource.status === 'loading' || resource.status === 'idle') return <StateView state='loading' />;
  if (!view) return <StateView state='error' message={resource.error ?? undefined} onRetry={() => void resource.reload()} testId='case-error' />;

  return (
    <View className='bx-care bx-care-case' data-testid='case-screen' data-id={view.alert.id} data-status={view.alert.status}>
      <PageHeader title={t('care.caseTitle', { name: view.student.displayName })} action={headerAction} testId='case-title' />
      {resource.error ? <Notice tone='danger'>{resource.error}</Notice> : null}
      <View className='bx-care-case__columns'>
        <View className='bx-care-case__main'>
          <CaseStudent student={view.student} now={now} />
          <AlertStatus view={view} now={now} />
          <CaseActions view={view} now={now} panel={panel} setPanel={setPanel} onChanged={resource.replace} />
          <CaseAttempts attempts={view.attempts} />
        </View>
        <View className='bx-care-case__side'>
          <CaseContacts contacts={view.student.contacts} />
          <CaseTimeline history={view.history} />
          <CaseRecent recent={view.recent} />
        </View>
      </View>
    </View>
  );
}

function AlertStatus({ view, now }: { view: CaseView; now: Date }) {
  const t = useT();
  const locale = useLocale();
  const { alert, handover } = view;
  return (
    <Card testId='case-alert'>
      <View className='bx-care-row__badges'>
        <StatusBadge tone={alert.status === 'resolved' ? 'success' : alert.status === 'open' ? 'warning' : 'info'} value={alert.status} testId='case-status'>
          {t(`care.status.${alert.status}`)}
        </StatusBadge>
        {alert.escalatedAt ? (
          <StatusBadge tone='danger' testId='case-escalated'>
            {t('care.escalated')}
          </StatusBadge>
        ) : null}
      </View>
      {alert.status !== 'resolved' ? <SlaLine deadline={alert.nextDeadline} now={now} /> : null}
      <View className='bx-care-case__facts'>{t('care.openedAt', { when: formatDateTime(alert.openedAt, locale) })}</View>
      <View className='bx-care-case__facts' data-testid='case-assignee'>
        {alert.assignee ? t('care.assignedTo', { name: alert.assignee.name }) : t('care.unassigned')}
      </View>
      {alert.heardSinceOpened && alert.status !== 'resolved' ? <Notice tone='info'>{t('care.heardSinceOpened')}</Notice> : null}
      {alert.outcome ? (
        <View className='bx-care-case__outcome' data-testid='case-outcome' data-outcome={alert.outcome}>
          {t('care.outcomeWas', { outcome: t(`care.outcome.${alert.outcome}`) })}
          {alert.resumeOn ? ` · ${t('care.resumesOn', { date: formatDate(alert.resumeOn, locale) })}` : ''}
          {alert.outcomeNote ? <View className='bx-care-line__note'>{alert.outcomeNote}</View> : null}
        </View>
      ) : null}
      {handover ? (
        <View className='bx-care-case__facts' data-testid='case-handover' data-status={handover.status}>
          {t(`care.handoverStatus.${handover.status}`, { ngo: handover.toNgo.name })}
          {handover.decisionNote ? ` · ${handover.decisionNote}` : ''}
        </View>
      ) : null}
    </Card>
  );
}

function CaseActions({ view, now, panel, setPanel, onChanged }: { view: CaseView; now: Date; panel: Panel; setPanel: (p: Panel) => void; onChanged: (next: CaseView) => void }) {
  const t = useT();
  const ack = useCaseAction(onChanged);
  if (view.alert.status === 'resolved') return null;
  const close = () => setPanel('none');
  const form = { view, now, onChanged, onClose: close };

  return (
    <Card title={t('care.actions')} testId='case-actions'>
      {panel === 'none' ? (
        <View className='bx-care__actions'>
          {view.alert.status === 'open' ? (
            <Button
              loading={ack.busy}
              label={t('care.acknowledgeLabel')}
              testId='case-acknowledge'
              onClick={() => void ack.run(`ack:${view.alert.id}`, (key) => acknowledgeAlert(view.alert.id, key), 'care.acknowledged')}
            >
              {t('care.acknowledge')}
            </Button>
          ) : null}
          <Button variant='secondary' testId='case-log-attempt' onClick={() => setPanel('attempt')}>
            {t('care.logAttempt')}
          </Button>
          <Button variant='secondary' testId='case-resolve' onClick={() => setPanel('resolve')}>
            {t('care.resolve')}
          </Button>
          <Button variant='quiet' testId='case-reassign' onClick={() => setPanel('reassign')}>
            {t('care.reassign')}
          </Button>
        </View>
      ) : null}
      {ack.error ? (
        <Notice tone='danger' testId='case-action-error'>
          {ack.error}
        </Notice>
      ) : null}
      {panel === 'attempt' ? <AttemptFormView {...form} /> : null}
      {panel === 'resolve' ? <ResolveFormView {...form} /> : null}
      {panel === 'reassign' ? <ReassignFormView {...form} /> : null}
    </Card>
  );
}
