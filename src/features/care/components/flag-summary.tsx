import { Text, View } from '@tarojs/components';
import { Card, StatusBadge } from '@/components/ui';
import { formatDateTime, formatGrade, formatPlace } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import type { ReactNode } from 'react';
import type { FlagCaseView } from '../api';
import { FlagDueLine } from './sla-line';

/** Who the student is, how serious the flag is, where it stands and how long is left; `children` go last (taking it on). */
export function FlagSummary({ view, now, children }: { view: FlagCaseView; now: Date; children?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const { flag, student } = view;
  return (
    <Card testId='flag-summary'>
      <View className='bx-care-case__names'>
        <Text className='bx-care-case__display' data-testid='flag-student-name'>
          {student.displayName}
        </Text>
        <Text className='bx-care-case__legal' data-testid='flag-student-legal'>
          {t('care.legalName', { name: student.legalName })}
        </Text>
      </View>
      <View className='bx-care-case__facts' data-testid='flag-student-facts'>
        {formatGrade(locale, student.grade, student.schoolStage)} · {formatPlace(t, student.province, student.city)}
      </View>
      <View className='bx-care-row__badges'>
        <StatusBadge tone={flag.level === 'urgent' ? 'danger' : 'warning'} value={flag.level} testId='flag-level'>
          {t(`care.level.${flag.level}`)}
        </StatusBadge>
        <StatusBadge tone={flag.status === 'resolved' ? 'success' : flag.status === 'open' ? 'warning' : 'info'} value={flag.status} testId='flag-status'>
          {t(`care.status.${flag.status}`)}
        </StatusBadge>
        {flag.escalatedAt ? (
          <StatusBadge tone='danger' testId='flag-escalated'>
            {t('care.escalated')}
          </StatusBadge>
        ) : null}
      </View>
      <FlagDueLine flag={flag} now={now} />
      <View className='bx-care-case__facts'>
        {t('care.flagOpenedAt', { when: formatDateTime(flag.openedAt, locale) })} · {t(`care.flagSource.${flag.sourceKind}`)}
      </View>
      <View className='bx-care-case__facts' data-testid='flag-assignee'>
        {flag.mine ? t('care.assignedToMe') : flag.assignee ? t('care.assignedTo', { name: flag.assignee.name }) : t('care.unassigned')}
      </View>
      {flag.outcome ? (
        <View className='bx-care-case__outcome' data-testid='flag-outcome' data-outcome={flag.outcome}>
          {t('care.outcomeWas', { outcome: t(`care.flagOutcome.${flag.outcome}`) })}
          {flag.outcomeNote ? <View className='bx-care-line__note'>{flag.outcomeNote}</View> : null}
        </View>
      ) : null}
      {children}
    </Card>
  );
}
