import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Card, Notice, StatusBadge } from '@/components/ui';
import { errorMessage } from '@/lib/api-client';
import { confirmAction, toast, type ConfirmRequest } from '@/lib/dialog';
import { formatDateTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { approveLetter, approveLetterRedacted, returnLetter, type HeldLetter, type ReviewDecision } from '../api';
import { mergeSpans, redactText } from '../text-spans';
import { FindingList, TextWithFindings } from './letter-text';
import { LetterPhotos } from './letter-photos';
import './letters.css';

type Mode = 'idle' | 'returning' | 'redacting';

export interface HeldLetterCardProps {
  letter: HeldLetter;
  /** The letter has been decided: it leaves the queue. */
  onDone: (decision: ReviewDecision) => void;
}

/** One held letter for a caseworker: the text with what screening found, and the three decisions. */
export function HeldLetterCard({ letter, onDone }: HeldLetterCardProps) {
  const t = useT();
  const locale = useLocale();
  const [mode, setMode] = useState<Mode>('idle');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const redactions = mergeSpans(letter.findings, letter.body.length);

  const decide = async (question: ConfirmRequest, action: () => Promise<ReviewDecision>) => {
    if (busy) return;
    setError(null);
    if (!(await confirmAction(question))) return;
    setBusy(true);
    try {
      const decision = await action();
      toast('review.done');
      onDone(decision);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  const approve = () =>
    decide({ title: t('review.approveTitle'), content: t('review.approveBody'), confirm: 'review.approve' }, () => approveLetter(letter.id));

  const sendBack = () => {
    const text = reason.trim();
    if (!text) {
      setError(t('review.reasonRequired'));
      return;
    }
    return decide({ title: t('review.returnTitle'), content: t('review.returnBody'), confirm: 'review.returnDialogConfirm' }, () => returnLetter(letter.id, text));
  };

  const approveRedacted = () =>
    decide({ title: t('review.redactTitle'), content: t('review.redactBody'), confirm: 'review.redactDialogConfirm' }, () =>
      approveLetterRedacted(letter.id, redactions),
    );

  return (
    <Card testId='held-letter' data={{ 'data-id': letter.id }} className='bx-held'>
      <View className='bx-held__head'>
        <StatusBadge tone={letter.waitingHours >= 24 ? 'warning' : 'info'} testId='held-waiting' value={String(letter.waitingHours)}>
          {letter.waitingHours < 1 ? t('review.waitingUnderHour') : t('review.waiting', { hours: letter.waitingHours })}
        </StatusBadge>
        <Text className='bx-held__direction'>{t(`review.direction.${letter.direction}`)}</Text>
      </View>
      <View className='bx-held__people'>
        <Text data-testid='held-student'>{t('review.student', { name: letter.studentName })}</Text>
        <Text data-testid='held-writer'>{t('review.writer', { name: letter.writerName })}</Text>
        <Text className='bx-held__time'>{formatDateTime(letter.submittedAt, locale)}</Text>
      </View>

      <View className='bx-held__columns'>
        <View className='bx-held__main'>
          <TextWithFindings text={letter.body} findings={letter.findings} testId='held-body' />
          <LetterPhotos photos={letter.photos} />
        </View>
        <View className='bx-held__side'>
          <View className='bx-held__label'>{t('review.findings')}</View>
          {letter.findings.length > 0 ? (
            <FindingList findings={letter.findings} />
          ) : (
            <View className='bx-letters__hint' data-testid='held-no-findings'>
              {t('review.noFindings')}
            </View>
          )}
        </View>
      </View>

      {mode === 'returning' ? (
        <View className='bx-held__panel' data-testid='return-panel'>
          <View className='bx-held__label'>{t('review.reasonLabel')}</View>
          <Textarea
            className='bx-held__reason'
            value={reason}
            maxlength={500}
            autoHeight
            placeholder={t('review.reasonPlaceholder')}
            ariaLabel={t('review.reasonLabel')}
            data-testid='return-reason'
            onInput={(event) => {
              setError(null);
              setReason(event.detail.value);
            }}
          />
          <View className='bx-held__actions'>
            <Button loading={busy} testId='return-confirm' onClick={() => void sendBack()}>
              {t('review.returnConfirm')}
            </Button>
            <Button variant='quiet' disabled={busy} onClick={() => setMode('idle')}>
              {t('common.cancel')}
            </Button>
          </View>
        </View>
      ) : null}

      {mode === 'redacting' ? (
        <View className='bx-held__panel' data-testid='redact-panel'>
          <View className='bx-held__label'>{t('review.redactPreview')}</View>
          <View className='bx-letter-text bx-held__preview' data-testid='redaction-preview'>
            {redactText(letter.body, redactions)}
          </View>
          <View className='bx-held__actions'>
            <Button loading={busy} testId='redact-confirm' onClick={() => void approveRedacted()}>
              {t('review.redactConfirm')}
            </Button>
            <Button variant='quiet' disabled={busy} onClick={() => setMode('idle')}>
              {t('common.cancel')}
            </Button>
          </View>
        </View>
      ) : null}

      {error ? (
        <Notice tone='danger' testId='held-error'>
          {error}
        </Notice>
      ) : null}

      {mode === 'idle' ? (
        <View className='bx-held__actions'>
          <Button label={t('review.approveLabel')} loading={busy} testId='held-approve' onClick={() => void approve()}>
            {t('review.approve')}
          </Button>
          <Button
            variant='secondary'
            label={t('review.returnLabel')}
            disabled={busy}
            testId='held-return'
            onClick={() => {
              setError(null);
              setMode('returning');
            }}
          >
            {t('review.return')}
          </Button>
          {redactions.length > 0 ? (
            <Button
              variant='secondary'
              label={t('review.redactLabel')}
              disabled={busy}
              testId='held-redact'
              onClick={() => {
                setError(null);
                setMode('redacting');
              }}
            >
              {t('review.redact')}
            </Button>
          ) : null}
        </View>
      ) : null}
    </Card>
  );
}
