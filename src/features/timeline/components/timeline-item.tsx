import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { SponsorStudentView } from '../../../../domain/api/homes';
import { categoryLabel } from '@/features/ledger';
import { formatDate, formatGrade, formatYuan } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { letterRoutes } from '@/lib/routes';
import { termName } from '@/lib/term-name';
import type { TimelineItem } from '../api';
import './timeline.css';

export interface TimelineItemViewProps {
  item: TimelineItem;
  student: Pick<SponsorStudentView, 'displayName' | 'schoolStage'>;
}

/** `date` is the day shown, when it is not the day the item was recorded (a disbursement shows the day it was paid). */
function Entry({ item, title, date, children, onOpen, label }: { item: TimelineItem; title: string; date?: string; children?: ReactNode; onOpen?: () => void; label?: string }) {
  const locale = useLocale();
  return (
    <View
      className={`bx-timeline__item bx-timeline__item--${item.kind}`}
      role={onOpen ? 'button' : undefined}
      ariaLabel={label}
      hoverClass={onOpen ? 'bx-timeline__item--pressed' : 'none'}
      data-testid='timeline-item'
      data-kind={item.kind}
      data-id={item.id}
      onClick={onOpen}
    >
      <View className='bx-timeline__head'>
        <Text className='bx-timeline__title'>{title}</Text>
        <Text className='bx-timeline__date'>{formatDate(date ?? item.at, locale)}</Text>
      </View>
      {children}
    </View>
  );
}

/**
 * One moment in a sponsored student's life, as the sponsor may see it. Kinds the app does not know
 * render as nothing: a sponsor is only ever shown what this list was written for (never, for example,
 * a student's request to talk to their caseworker).
 */
export function TimelineItemView({ item, student }: TimelineItemViewProps) {
  const t = useT();
  const locale = useLocale();
  const name = student.displayName;
  switch (item.kind) {
    case 'letter': {
      const title = item.direction === 'to_sponsor' ? t('timeline.letterFrom', { name }) : t('timeline.letterTo', { name });
      return (
        <Entry
          item={item}
          title={title}
          label={t('timeline.openLetter', { title })}
          onOpen={() => void Taro.navigateTo({ url: letterRoutes('sponsor').letter(item.letterId) })}
        >
          {item.preview ? <View className='bx-timeline__preview'>{item.preview}</View> : null}
          {item.photoCount > 0 ? <View className='bx-timeline__meta'>{t('timeline.photos', { count: item.photoCount })}</View> : null}
          <View className='bx-timeline__link'>{t('timeline.readLetter')}</View>
        </Entry>
      );
    }
    case 'checkin':
      // Only the two moods a sponsor may see; anything else (a request to talk to the caseworker) never shows.
      if (item.mood !== 'doing_well' && item.mood !== 'busy_exams') return null;
      return (
        <Entry item={item} title={t('timeline.checkin', { name })}>
          <View className='bx-timeline__mood' data-testid='timeline-mood' data-mood={item.mood}>
            {t(`timeline.mood.${item.mood}`)}
          </View>
        </Entry>
      );
    case 'term_report':
      return (
        <Entry item={item} title={t('timeline.termReport', { term: termName(t, item.term) })}>
          <View className='bx-timeline__line'>{formatGrade(locale, item.grade, student.schoolStage)}</View>
          <View className='bx-timeline__line' data-testid='timeline-result'>
            {t('timeline.result', { result: item.overallResult })}
          </View>
          <View className='bx-timeline__meta' data-testid='timeline-author'>
            {item.authoredBy === 'student' ? t('timeline.byStudent') : t('timeline.byCaseworker')}
          </View>
        </Entry>
      );
    case 'disbursement':
      return (
        <Entry item={item} date={item.paidOn} title={t('timeline.disbursement', { category: categoryLabel(t, item.category) })}>
          <View className='bx-timeline__line' data-testid='timeline-disbursement' data-fen={String(item.amountFen)}>
            {t('timeline.disbursementPaid', { amount: formatYuan(item.amountFen), payee: item.payeeLabel })}
          </View>
        </Entry>
      );
    case 'ngo_notice':
      return (
        <Entry item={item} title={t('timeline.ngoNotice')}>
          <View className='bx-timeline__preview'>{item.text}</View>
        </Entry>
      );
    default:
      return null;
  }
}
