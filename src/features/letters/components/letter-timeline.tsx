import { View } from '@tarojs/components';
import type { LetterDetail } from '../api';
import { formatDateTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import './letters.css';

type Event = LetterDetail['events'][number];

/** Every step of the letter with its time (Asia/Shanghai) and who took it. */
export function LetterTimeline({ events, counterpartName }: { events: readonly Event[]; counterpartName: string }) {
  const t = useT();
  const locale = useLocale();
  const who = (by: Event['by']) => {
    if (by === 'you') return t('letterBy.you');
    if (by === 'staff') return t('letterBy.staff');
    if (by === 'system') return t('letterBy.system');
    return counterpartName;
  };
  return (
    <View className='bx-timeline' role='list' data-testid='letter-timeline'>
      {events.map((event, index) => (
        <View
          key={`${event.status}-${event.at}-${index}`}
          className={`bx-timeline__item${index === events.length - 1 ? ' bx-timeline__item--last' : ''}`}
          role='listitem'
          data-testid='letter-event'
          data-status={event.status}
        >
          <View className='bx-timeline__dot' aria-hidden='true' />
          <View className='bx-timeline__body'>
            <View className='bx-timeline__title'>{t(`letterEvent.${event.status}`)}</View>
            <View className='bx-timeline__meta'>
              {t('letter.eventMeta', { who: who(event.by), time: formatDateTime(event.at, locale) })}
            </View>
            {event.reason ? <View className='bx-timeline__reason'>{event.reason}</View> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
