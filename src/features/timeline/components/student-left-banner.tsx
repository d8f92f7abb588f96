import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { SponsorshipDetail } from '../../../../domain/api/sponsorship';
import { Button, Card, Notice } from '@/components/ui';
import { errorMessage } from '@/lib/api-client';
import { formatYuan } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { letterRoutes } from '@/lib/routes';
import { chooseAfterLeaving } from '../api';
import { sponsorRoutes } from '../routes';
import { confirmAction, toast } from '@/lib/dialog';

export interface StudentLeftBannerProps {
  sponsorshipId: string;
  name: string;
  left: NonNullable<SponsorshipDetail['studentLeft']>;
  /** After "wait" or "end" was saved: the page loads the sponsorship again. */
  onChosen: () => void;
}

/**
 * The NGO recorded that the student left the program: the sponsor chooses, in their own time, to wait,
 * to carry the remaining pledge over to another student (through the pool), or to end (confirmed: it
 * cannot be undone). A goodbye letter is offered whatever they choose.
 */
export function StudentLeftBanner({ sponsorshipId, name, left, onChosen }: StudentLeftBannerProps) {
  const t = useT();
  const [busy, setBusy] = useState<'wait' | 'end' | null>(null);
  const [done, setDone] = useState<'wait' | 'end' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async (choice: 'wait' | 'end') => {
    if (busy) return;
    setError(null);
    const yes =
      choice === 'end'
        ? await confirmAction({
            title: t('timeline.left.endTitle'),
            content: t('timeline.left.endBody', { name }),
            confirm: 'timeline.left.endConfirm',
            danger: true,
          })
        : await confirmAction({
            title: t('timeline.left.waitTitle'),
            content: t('timeline.left.waitBody', { name }),
            confirm: 'timeline.left.waitConfirm',
          });
    if (!yes) return;
    setBusy(choice);
    try {
      await chooseAfterLeaving(sponsorshipId, choice);
      setDone(choice);
      toast(choice === 'end' ? 'timeline.left.endedToast' : 'timeline.left.waitingToast');
      onChosen();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };

  const goodbye = (
    <Button
      variant='secondary'
      testId='student-left-goodbye'
      onClick={() => void Taro.navigateTo({ url: letterRoutes('sponsor').compose(sponsorshipId, name) })}
    >
      {t('timeline.left.goodbye')}
    </Button>
  );

  if (done) {
    return (
      <Card testId='student-left' data={{ 'data-choice': done }}>
        <View className='bx-journey__decision'>
          <Notice tone='warm' testId='student-left-done'>
            {done === 'end' ? t('timeline.left.ended', { name }) : t('timeline.left.waiting', { name })}
          </Notice>
          {goodbye}
        </View>
      </Card>
    );
  }

  return (
    <Card testId='student-left' title={t('timeline.left.title', { name })}>
      <View className='bx-journey__decision'>
        <View className='bx-journey__decision-text'>
          {left.returnExpected ? t('timeline.left.mayReturn', { name }) : t('timeline.left.notReturning', { name })}
        </View>
        <View className='bx-journey__decision-text' data-testid='student-left-remaining' data-fen={String(left.remainingFen)}>
          {t('timeline.left.remaining', { amount: formatYuan(left.remainingFen) })}
        </View>
        <View className='bx-journey__gentle'>{t('timeline.left.noRush')}</View>
        {error ? <Notice tone='danger'>{error}</Notice> : null}
        <Button variant={left.returnExpected ? 'primary' : 'secondary'} block loading={busy === 'wait'} disabled={busy === 'end'} testId='student-left-wait' onClick={() => void save('wait')}>
          {t('timeline.left.wait', { name })}
        </Button>
        <Button
          variant={left.returnExpected ? 'secondary' : 'primary'}
          block
          disabled={busy !== null}
          testId='student-left-another'
          onClick={() => void Taro.navigateTo({ url: sponsorRoutes.poolCarryingFrom(sponsorshipId) })}
        >
          {t('timeline.left.another')}
        </Button>
        <Button variant='secondary' block loading={busy === 'end'} disabled={busy === 'wait'} testId='student-left-end' onClick={() => void save('end')}>
          {t('timeline.left.end')}
        </Button>
        {goodbye}
      </View>
    </Card>
  );
}
