import { View } from '@tarojs/components';
import { Section } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import type { CaseView } from '../api';
import { caseEventDetail, recentSummary } from '../history-words';

/** The contact attempts, newest first as the server sends them. */
export function CaseAttempts({ attempts }: { attempts: CaseView['attempts'] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Section title={t('care.attempts', { count: attempts.length })} testId='case-attempts'>
      {attempts.length === 0 ? <View className='bx-care__hint'>{t('care.noAttempts')}</View> : null}
      {attempts.map((attempt) => (
        <View key={attempt.id} className='bx-care-line' data-testid='case-attempt' data-result={attempt.result}>
          <View className='bx-care-line__head'>
            {t(`care.method.${attempt.method}`)} · {t(`care.result.${attempt.result}`)}
          </View>
          <View className='bx-care-line__meta'>
            {formatDateTime(attempt.attemptedAt, locale)} · {attempt.staffName}
          </View>
          {attempt.note ? <View className='bx-care-line__note'>{attempt.note}</View> : null}
        </View>
      ))}
    </Section>
  );
}

/** Everything that happened to the alert, from the ladder's steps to its outcome. */
export function CaseTimeline({ history }: { history: CaseView['history'] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Section title={t('care.history')} testId='case-history'>
      {history.map((event, index) => {
        const detail = caseEventDetail(event, t, locale);
        return (
          <View key={`${event.at}-${index}`} className='bx-care-line' data-testid='case-event' data-kind={event.kind}>
            <View className='bx-care-line__head'>{t(`care.event.${event.kind}`)}</View>
            <View className='bx-care-line__meta'>
              {formatDateTime(event.at, locale)}
              {event.actorName ? ` · ${event.actorName}` : ''}
            </View>
            {detail ? <View className='bx-care-line__note'>{detail}</View> : null}
          </View>
        );
      })}
    </Section>
  );
}

/** The student's own recent check-ins, letters and contacts. */
export function CaseRecent({ recent }: { recent: CaseView['recent'] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Section title={t('care.recent')} testId='case-recent'>
      {recent.length === 0 ? <View className='bx-care__hint'>{t('care.noRecent')}</View> : null}
      {recent.map((item, index) => (
        <View key={`${item.at}-${index}`} className='bx-care-line' data-testid='case-recent-item' data-kind={item.kind}>
          <View className='bx-care-line__head'>
            {t(`care.recentKind.${item.kind}`)} · {recentSummary(item, t)}
          </View>
          <View className='bx-care-line__meta'>{formatDateTime(item.at, locale)}</View>
        </View>
      ))}
    </Section>
  );
}
