import { Textarea, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { Button, Card, Notice, cx } from '@/components/ui';
import { useSubscriptionPrompt } from '@/features/subscriptions';
import { useT, type MessageKey } from '@/lib/i18n';
import { kickOutbox, refusalMessage, useOutbox, type OutboxSnapshot } from '@/lib/outbox';
import { queueCheckin, type CheckinCreated } from '../api';
import { CHECKIN_KINDS, CHECKIN_NOTE_MAX, MOODS, type CheckinKind, type Mood } from '../rules';
import { supportLevelOf } from '../support';
import { SupportCard } from './support-card';
import './checkin.css';

export interface CheckinPanelProps {
  /** Told when the server has the check-in (e.g. to show the next welcome date). */
  onSent?: (created: CheckinCreated) => void;
}

type Last = { itemId: string; kind: CheckinKind } | { error: string };

function stateOf(snapshot: OutboxSnapshot, itemId: string): { state: 'waiting' | 'sending' | 'sent' | 'failed'; message?: string } {
  const item = snapshot.items.find((i) => i.id === itemId);
  if (item) {
    if (item.status === 'failed') return { state: 'failed', message: item.lastError ?? '' };
    return { state: item.status === 'sending' ? 'sending' : 'waiting' };
  }
  return { state: 'sent' };
}

/**
 * Three large one-tap check-ins, with an optional mood and short note tucked away. A tap is saved on
 * the phone at once (the outbox) and thanked warmly, online or not.
 */
export function CheckinPanel({ onSent }: CheckinPanelProps) {
  const t = useT();
  const snapshot = useOutbox();
  const [more, setMore] = useState(false);
  const [mood, setMood] = useState<Mood | null>(null);
  const [note, setNote] = useState('');
  const [last, setLast] = useState<Last | null>(null);
  const [support, setSupport] = useState<'urgent' | 'concern' | null>(null);

  const askToSubscribe = useSubscriptionPrompt();

  const checkIn = (kind: CheckinKind) => {
    // First, while still inside the tap: the platforms show the dialog only then.
    void askToSubscribe();
    const text = note.trim().slice(0, CHECKIN_NOTE_MAX);
    try {
      const item = queueCheckin(
        { kind, ...(mood ? { mood } : {}), ...(text ? { note: text } : {}) },
        t(`checkin.kind.${kind}` as MessageKey),
      );
      setLast({ itemId: item.id, kind });
      setSupport(text ? supportLevelOf(text) : null);
      setMood(null);
      setNote('');
      setMore(false);
      void kickOutbox();
    } catch (failure) {
      setLast({ error: refusalMessage(failure) });
    }
  };

  // The server's answer, once sent (remembered by the outbox), goes to the page.
  const sentRecord = last && 'itemId' in last ? snapshot.sent.find((s) => s.id === last.itemId) : undefined;
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (!sentRecord || reported.current === sentRecord.id) return;
    reported.current = sentRecord.id;
    // No answer to pass on when the server had applied it but lost its first answer.
    if (sentRecord.response) onSent?.(sentRecord.response as CheckinCreated);
  }, [sentRecord, onSent]);

  let confirmation = null;
  if (last && 'error' in last) {
    confirmation = (
      <Notice tone='danger' testId='checkin-confirmation'>
        {last.error}
      </Notice>
    );
  } else if (last) {
    const { state, message } = stateOf(snapshot, last.itemId);
    const text =
      state === 'sent' ? t('checkin.thanksSent') : state === 'failed' ? t('checkin.thanksFailed', { message: message ?? '' }) : t('checkin.thanksWaiting');
    confirmation = (
      <View data-testid='checkin-confirmation' data-state={state} data-kind={last.kind}>
        <Notice tone={state === 'failed' ? 'danger' : 'warm'}>
          {text}
          {last.kind === 'talk_to_caseworker' && state !== 'failed' ? ` ${t('checkin.talkThanks')}` : ''}
        </Notice>
      </View>
    );
  }

  return (
    <Card title={t('checkin.title')} testId='checkin-panel'>
      <View className='bx-checkin__intro'>{t('checkin.intro')}</View>
      <View className='bx-checkin__choices'>
        {CHECKIN_KINDS.map((kind) => (
          <Button key={kind} block variant={kind === 'doing_well' ? 'primary' : 'secondary'} className='bx-checkin__choice' testId={`checkin-${kind}`} onClick={() => checkIn(kind)}>
            {t(`checkin.kind.${kind}` as MessageKey)}
          </Button>
        ))}
      </View>
      <View className='bx-checkin__explain' data-testid='checkin-talk-explain'>
        {t('checkin.talkExplain')}
      </View>

      <View
        className='bx-checkin__more'
        role='button'
        aria-expanded={more}
        data-testid='checkin-more'
        onClick={() => setMore(!more)}
      >
        {more ? t('checkin.less') : t('checkin.more')}
      </View>
      {more ? (
        <View className='bx-checkin__extra' data-testid='checkin-extra'>
          <View className='bx-checkin__label'>{t('checkin.moodLabel')}</View>
          <View className='bx-checkin__moods' role='radiogroup' aria-label={t('checkin.moodLabel')}>
            {MOODS.map((value) => (
              <View
                key={value}
                className={cx('bx-checkin__mood', mood === value && 'is-selected')}
                role='radio'
                aria-checked={mood === value}
                aria-label={t(`checkin.mood.${value}` as MessageKey)}
                data-testid={`checkin-mood-${value}`}
                onClick={() => setMood(mood === value ? null : value)}
              >
                {t(`checkin.mood.${value}` as MessageKey)}
              </View>
            ))}
          </View>
          <Textarea
            className='bx-checkin__note'
            value={note}
            maxlength={CHECKIN_NOTE_MAX}
            placeholder={t('checkin.notePlaceholder', { max: CHECKIN_NOTE_MAX })}
            ariaLabel={t('checkin.noteLabel')}
            data-testid='checkin-note'
            onInput={(event) => setNote(event.detail.value.slice(0, CHECKIN_NOTE_MAX))}
          />
          <View className='bx-checkin__counter'>{t('checkin.counter', { count: note.length, max: CHECKIN_NOTE_MAX })}</View>
        </View>
      ) : null}
      {confirmation}
      {support ? <SupportCard level={support} /> : null}
    </Card>
  );
}
