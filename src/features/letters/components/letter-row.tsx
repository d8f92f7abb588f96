import { Text, View } from '@tarojs/components';
import type { LetterSummary } from '../api';
import { cx } from '@/components/ui';
import { formatRelative } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { isUnreadForMe, LetterStatusBadge } from './letter-status';
import './letters.css';

export interface LetterRowProps {
  letter: LetterSummary;
  onOpen: (letter: LetterSummary) => void;
  now?: Date;
}

/** One letter in the list: who, status, a preview and when. Unread letters stand out for their reader. */
export function LetterRow({ letter, onOpen, now }: LetterRowProps) {
  const t = useT();
  const locale = useLocale();
  const unread = isUnreadForMe(letter);
  const title = letter.mine ? t('letters.to', { name: letter.counterpartName }) : t('letters.from', { name: letter.counterpartName });
  const when = formatRelative(letter.mine ? letter.statusChangedAt : letter.createdAt, locale, now);
  return (
    <View
      className={cx('bx-letter-row', unread && 'bx-letter-row--unread', letter.mine && 'bx-letter-row--mine')}
      hoverClass='bx-letter-row--pressed'
      role='button'
      ariaLabel={t('letters.openLabel', { title: `${title}${unread ? `, ${t('letters.unread')}` : ''}` })}
      data-testid='letter-row'
      data-id={letter.id}
      data-status={letter.status}
      data-mine={letter.mine ? 'true' : 'false'}
      data-unread={unread ? 'true' : 'false'}
      onClick={() => onOpen(letter)}
    >
      <View className='bx-letter-row__head'>
        {unread ? <View className='bx-letter-row__dot' aria-hidden='true' /> : null}
        <Text className='bx-letter-row__who' data-testid='letter-counterpart'>
          {title}
        </Text>
        <LetterStatusBadge status={letter.status} mine={letter.mine} />
      </View>
      <View className='bx-letter-row__preview' data-testid='letter-preview'>
        {letter.preview}
      </View>
      <View className='bx-letter-row__meta'>
        <Text data-testid='letter-time'>{when}</Text>
        {letter.photoCount > 0 ? <Text>{t('letters.photoCount', { count: letter.photoCount })}</Text> : null}
      </View>
    </View>
  );
}
