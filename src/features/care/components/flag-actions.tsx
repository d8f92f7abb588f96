import { View } from '@tarojs/components';
import { useState } from 'react';
import { FLAG_ACTIONS, type FlagActionKind } from '../../../../domain/care/flags';
import { Button, Card, Notice } from '@/components/ui';
import { confirmAction } from '@/lib/dialog';
import { useT } from '@/lib/i18n';
import { acknowledgeFlag, type FlagCaseView } from '../api';
import { FlagActionForm } from './flag-action-form';
import { FlagCloseForm } from './flag-close-form';
import { useCaseAction } from './use-case-action';

type Panel = 'none' | 'close' | FlagActionKind;

export interface FlagFormProps {
  view: FlagCaseView;
  onChanged: (next: FlagCaseView) => void;
  onClose: () => void;
}

/** Taking the flag on (while it is open): the first thing to do, so it sits by the deadline. Confirmed first. */
export function FlagTakeOn({ view, onChanged }: { view: FlagCaseView; onChanged: (next: FlagCaseView) => void }) {
  const t = useT();
  const ack = useCaseAction(onChanged);
  if (view.flag.status !== 'open') return null;

  const acknowledge = async () => {
    const yes = await confirmAction({
      title: t('care.flagAckTitle'),
      content: t('care.flagAckBody', { name: view.student.displayName }),
      confirm: 'care.confirmTakeOn',
    });
    if (yes) await ack.run(`ack:${view.flag.id}`, (key) => acknowledgeFlag(view.flag.id, key), 'care.acknowledged');
  };

  return (
    <View className='bx-care-form'>
      <Button loading={ack.busy} block label={t('care.flagAcknowledgeLabel')} testId='flag-acknowledge' onClick={() => void acknowledge()}>
        {t('care.acknowledge')}
      </Button>
      {ack.error ? (
        <Notice tone='danger' testId='flag-action-error'>
          {ack.error}
        </Notice>
      ) : null}
    </View>
  );
}

/** Recording what was done, and closing the flag; each is confirmed before it is sent. */
export function FlagActions({ view, onChanged }: { view: FlagCaseView; onChanged: (next: FlagCaseView) => void }) {
  const t = useT();
  const [panel, setPanel] = useState<Panel>('none');
  if (view.flag.status === 'resolved') return null;
  const form = { view, onChanged, onClose: () => setPanel('none') };

  return (
    <Card title={t('care.actions')} testId='flag-actions'>
      {panel === 'none' ? (
        <View className='bx-care-form'>
          <View className='bx-care__hint'>{t('care.flagActionsIntro')}</View>
          <View className='bx-care__actions'>
            {FLAG_ACTIONS.map((kind) => (
              <Button
                key={kind}
                variant='secondary'
                label={t('care.flagActionLabel', { action: t(`care.flagAction.${kind}`) })}
                testId={`flag-record-${kind}`}
                onClick={() => setPanel(kind)}
              >
                {t(`care.flagAction.${kind}`)}
              </Button>
            ))}
          </View>
          <Button variant='quiet' testId='flag-close' onClick={() => setPanel('close')}>
            {t('care.flagClose')}
          </Button>
        </View>
      ) : null}
      {panel === 'close' ? <FlagCloseForm {...form} /> : null}
      {panel !== 'none' && panel !== 'close' ? <FlagActionForm kind={panel} {...form} /> : null}
    </Card>
  );
}
