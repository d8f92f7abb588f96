import { Text, View } from '@tarojs/components';
import type { StaffStudent } from '../api';
import type { SilenceState } from '../../../../domain/silence';
import { Card, StatusBadge, type BadgeTone } from '@/components/ui';
import { formatGrade, formatRelative } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import './staff.css';

const SILENCE_TONE: Record<SilenceState, BadgeTone> = {
  in_touch: 'success',
  overdue: 'warning',
  lost_contact: 'danger',
};

export function StaffStudentRow({ student, now, onOpen }: { student: StaffStudent; now?: Date; onOpen?: (id: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const card = (
    <Card testId='staff-student-row' data={{ 'data-id': student.id }}>
      <View className='bx-staff-row__head'>
        <Text className='bx-staff-row__name' data-testid='staff-student-name'>
          {student.legalName}
        </Text>
        {student.displayName && student.displayName !== student.legalName ? (
          <Text className='bx-staff-row__alias'>{t('staff.displayName', { name: student.displayName })}</Text>
        ) : null}
      </View>
      <View className='bx-staff-row__facts'>
        {`${formatGrade(locale, student.grade, student.schoolStage)} · ${student.city}`}
      </View>
      <View className='bx-staff-row__facts'>
        {student.caseworkerName ? t('staff.caseworker', { name: student.caseworkerName }) : t('staff.noCaseworker')}
      </View>
      <View className='bx-staff-row__facts' data-testid='staff-student-last-heard'>
        {student.lastHeardAt
          ? t('staff.lastHeard', { when: formatRelative(student.lastHeardAt, locale, now) })
          : t('staff.lastHeardNever')}
      </View>
      <View className='bx-staff-row__badges'>
        <StatusBadge tone={SILENCE_TONE[student.silence]} testId='staff-student-silence' value={student.silence}>
          {t(`silence.${student.silence}`)}
        </StatusBadge>
        <StatusBadge
          tone={student.sponsored ? 'info' : 'neutral'}
          testId='staff-student-sponsored'
          value={student.sponsored ? 'sponsored' : 'waiting'}
        >
          {student.sponsored ? t('staff.sponsored') : t('staff.waiting')}
        </StatusBadge>
        {student.programStatus !== 'active' ? (
          <StatusBadge tone='neutral' value={student.programStatus}>
            {t(`program.${student.programStatus}`)}
          </StatusBadge>
        ) : null}
      </View>
    </Card>
  );
  if (!onOpen) return card;
  return (
    <View
      className='bx-staff-row__open'
      role='button'
      hoverClass='bx-staff-row__open--pressed'
      ariaLabel={t('onboarding.openStudent', { name: student.legalName })}
      data-testid='staff-student-open'
      data-id={student.id}
      onClick={() => onOpen(student.id)}
    >
      {card}
    </View>
  );
}
