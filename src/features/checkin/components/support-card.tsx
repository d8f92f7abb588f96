import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Card, Notice } from '@/components/ui';
import { useT, type MessageKey } from '@/lib/i18n';
import { kickOutbox, refusalMessage } from '@/lib/outbox';
import { queueCheckin } from '../api';
import './checkin.css';

/** Lines a child can call at any hour (DESIGN §6): the number dialled and how the line is named. */
const HOTLINES: { number: string; label: MessageKey }[] = [
  { number: '4001619995', label: 'support.hotline.hope24' },
  { number: '12355', label: 'support.hotline.youth' },
  { number: '12356', label: 'support.hotline.mental' },
];

export interface SupportCardProps {
  level: 'urgent' | 'concern';
}

/**
 * What a student sees right after sending words that may show they are in danger or distress: warm
 * words, never a refusal or a lecture, and how to reach a person now — their caseworker (a request to
 * talk, queued like any check-in so it goes even offline) or a hotline, a tap away.
 */
export function SupportCard({ level }: SupportCardProps) {
  const t = useT();
  const [talk, setTalk] = useState<{ state: 'idle' } | { state: 'sent' } | { state: 'error'; message: string }>({ state: 'idle' });

  const askCaseworker = () => {
    try {
      queueCheckin({ kind: 'talk_to_caseworker' }, t('checkin.kind.talk_to_caseworker'));
      setTalk({ state: 'sent' });
      void kickOutbox();
    } catch (failure) {
      setTalk({ state: 'error', message: refusalMessage(failure) });
    }
  };
  const call = (number: string) => void Promise.resolve(Taro.makePhoneCall({ phoneNumber: number })).catch(() => undefined);

  return (
    <Card title={t(`support.title.${level}`)} testId='support-card' data={{ 'data-level': level }}>
      <View className='bx-support__body'>{t(`support.body.${level}`)}</View>
      {talk.state === 'sent' ? (
        <Notice tone='warm' testId='support-talk-sent'>
          {t('support.talkSent')}
        </Notice>
      ) : (
        <Button block testId='support-talk' onClick={askCaseworker}>
          {t('support.talk')}
        </Button>
      )}
      {talk.state === 'error' ? <Notice tone='danger'>{talk.message}</Notice> : null}
      <View className='bx-support__title'>{t('support.hotlinesTitle')}</View>
      <View className='bx-support__lines' role='list'>
        {HOTLINES.map((line) => (
          <View key={line.number} role='listitem'>
            <Button variant='secondary' block label={t('support.callLabel', { name: t(line.label) })} testId={`support-call-${line.number}`} onClick={() => call(line.number)}>
              {line.number === '4001619995' ? `400-161-9995 · ${t(line.label)}` : t(line.label)}
            </Button>
          </View>
        ))}
      </View>
      <View className='bx-support__emergency' data-testid='support-emergency'>
        {t('support.hotline.emergency')}
      </View>
    </Card>
  );
}
