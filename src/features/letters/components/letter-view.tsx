import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Card, Notice, PageHeader, Section, StateView } from '@/components/ui';
import { SupportCard } from '@/features/checkin';
import { errorMessage } from '@/lib/api-client';
import { confirmAction, toast } from '@/lib/dialog';
import { useOperationKey } from '@/lib/idempotency';
import { formatDateTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { letterRoutes, type LetterRole } from '@/lib/routes';
import { fetchLetter, markLetterRead, withdrawLetter, type LetterDetail } from '../api';
import { BackLink } from './back-link';
import { LetterPhotos } from './letter-photos';
import { LetterStatusBadge } from './letter-status';
import { FindingList, TextAsDelivered, TextWithFindings, TextWithRedactions } from './letter-text';
import { LetterTimeline } from './letter-timeline';
import './letters.css';

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; letter: LetterDetail; refreshError?: string };

export interface LetterViewProps {
  id: string;
  role: LetterRole;
}

const WAITING = new Set(['submitted', 'screened', 'approved']);

/** One letter: its text and photos, every step with its time, and what its writer or reader can do next. */
export function LetterView({ id, role }: LetterViewProps) {
  const t = useT();
  const locale = useLocale();
  const routes = letterRoutes(role);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [withdrawing, setWithdrawing] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const withdrawKey = useOperationKey();
  const markedRead = useRef(false);

  const reload = useCallback(
    async (refresh = false) => {
      if (!refresh) setLoad({ state: 'loading' });
      try {
        setLoad({ state: 'ready', letter: await fetchLetter(id) });
      } catch (failure) {
        const message = errorMessage(failure);
        setLoad((current) =>
          refresh && current.state === 'ready' ? { ...current, refreshError: message } : { state: 'error', message },
        );
      }
    },
    [id],
  );

  useEffect(() => {
    void reload();
  }, [reload]);
  usePullDownRefresh(() => {
    void reload(true).finally(() => Taro.stopPullDownRefresh());
  });
  // Back from editing or replying: the status has moved on.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload(true);
    shown.current = true;
  });

  // The reader opened a delivered letter: tell the writer it was read (once).
  const letter = load.state === 'ready' ? load.letter : null;
  useEffect(() => {
    if (!letter || letter.mine || letter.status !== 'delivered' || markedRead.current) return;
    markedRead.current = true;
    markLetterRead(letter.id)
      .then((updated) => setLoad((current) => (current.state === 'ready' ? { ...current, letter: updated } : current)))
      .catch(() => {
        // Not fatal: the letter is on screen; it will be marked the next time it is opened.
        markedRead.current = false;
      });
  }, [letter]);

  const withdraw = async (target: LetterDetail) => {
    if (withdrawing.busy) return;
    const yes = await confirmAction({
      title: t('letter.withdrawTitle'),
      content: t('letter.withdrawBody'),
      confirm: 'letter.withdrawConfirm',
      danger: true,
    });
    if (!yes) return;
    setWithdrawing({ busy: true, error: null });
    try {
      const updated = await withdrawLetter(target.id, withdrawKey.for(`withdraw:${target.id}`));
      withdrawKey.done();
      toast('letter.withdrawDone');
      setLoad({ state: 'ready', letter: updated });
      setWithdrawing({ busy: false, error: null });
    } catch (failure) {
      setWithdrawing({ busy: false, error: errorMessage(failure) });
    }
  };

  const header = (title: string, subtitle?: string) => (
    <PageHeader title={title} subtitle={subtitle} action={<BackLink fallback={routes.list()} />} testId='letter-title' />
  );

  if (load.state !== 'ready' || !letter) {
    return (
      <View className='bx-letters' data-testid='letter-view'>
        {header(t('letter.title'))}
        {load.state === 'error' ? (
          <StateView state='error' message={load.message} onRetry={() => void reload()} />
        ) : (
          <StateView state='loading' />
        )}
      </View>
    );
  }

  const title = letter.mine ? t('letters.to', { name: letter.counterpartName }) : t('letters.from', { name: letter.counterpartName });
  const showFindings = letter.mine && letter.findings.length > 0 && (letter.status === 'held' || letter.status === 'returned');

  let text;
  if (showFindings) text = <TextWithFindings text={letter.body} findings={letter.findings} testId='letter-body' />;
  else if (letter.mine && letter.redactions.length > 0)
    text = <TextWithRedactions text={letter.body} redactions={letter.redactions} testId='letter-body' />;
  else text = <TextAsDelivered text={letter.body} testId='letter-body' />;

  return (
    <View className='bx-letters' data-testid='letter-view' data-id={letter.id} data-status={letter.status}>
      {header(title, t('letter.writtenAt', { time: formatDateTime(letter.createdAt, locale) }))}
      {load.refreshError ? <Notice tone='danger'>{load.refreshError}</Notice> : null}

      <View className='bx-letter__status'>
        <LetterStatusBadge status={letter.status} mine={letter.mine} testId='letter-detail-status' />
      </View>

      {letter.mine && letter.status === 'held' && letter.careHold ? (
        <Notice tone='warm' testId='letter-care'>
          <View className='bx-letter__notice-title'>{t('letter.careTitle')}</View>
          <View>{t('letter.careBody')}</View>
        </Notice>
      ) : null}
      {letter.mine && letter.status === 'held' && letter.careHold ? <SupportCard level='urgent' /> : null}
      {letter.mine && letter.status === 'held' && (!letter.careHold || letter.findings.length > 0) ? (
        <Notice tone='info' testId='letter-held'>
          <View className='bx-letter__notice-title'>{t('letter.heldTitle')}</View>
          <View>{t('letter.heldBody')}</View>
          <View>{t('letter.heldChoices')}</View>
        </Notice>
      ) : null}
      {letter.mine && letter.status === 'withdrawn' ? (
        <Notice tone='info' testId='letter-withdrawn'>
          {t('letter.withdrawnNote')}
        </Notice>
      ) : null}
      {letter.mine && WAITING.has(letter.status) ? (
        <Notice tone='info' testId='letter-waiting'>
          {t('letter.waitingBody')}
        </Notice>
      ) : null}
      {letter.mine && letter.status === 'returned' ? (
        <Notice tone='danger' testId='letter-returned'>
          <View className='bx-letter__notice-title'>{t('letter.returnedTitle')}</View>
          {letter.returnReason ? (
            <View data-testid='letter-return-reason'>{t('letter.returnReason', { reason: letter.returnReason })}</View>
          ) : null}
          <View>{t('letter.returnedHint')}</View>
        </Notice>
      ) : null}
      {letter.mine && letter.redactions.length > 0 && !showFindings ? (
        <Notice tone='info' testId='letter-redacted'>
          {t('letter.redactedNote')}
        </Notice>
      ) : null}

      <Card>{text}</Card>
      <LetterPhotos photos={letter.photos} />

      {showFindings ? (
        <Section title={t('letter.findings')} testId='letter-findings'>
          <FindingList findings={letter.findings} />
        </Section>
      ) : null}

      {withdrawing.error ? (
        <Notice tone='danger' testId='letter-withdraw-error'>
          {withdrawing.error}
        </Notice>
      ) : null}
      {letter.canEdit || letter.canReply || letter.canWithdraw ? (
        <View className='bx-letters__actions'>
          {letter.canEdit ? (
            <Button block testId='letter-edit' onClick={() => void Taro.navigateTo({ url: routes.resubmit(letter.id) })}>
              {t('letter.edit')}
            </Button>
          ) : null}
          {letter.canWithdraw ? (
            <Button block variant='quiet' loading={withdrawing.busy} testId='letter-withdraw' onClick={() => void withdraw(letter)}>
              {t('letter.withdraw')}
            </Button>
          ) : null}
          {letter.canReply ? (
            <Button
              block
              label={t('letter.replyLabel', { name: letter.counterpartName })}
              testId='letter-reply'
              onClick={() => void Taro.navigateTo({ url: routes.reply(letter.id) })}
            >
              {t('letter.reply')}
            </Button>
          ) : null}
        </View>
      ) : null}

      <Section title={t('letter.timeline')}>
        <LetterTimeline events={letter.events} counterpartName={letter.counterpartName} />
      </Section>
    </View>
  );
}
