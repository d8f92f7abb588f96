import { Image, Text, View } from '@tarojs/components';
import type { PoolStudent } from '../../../../domain/api/pool';
import { Card } from '@/components/ui';
import { formatGrade, formatPlace, formatYuan } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import './pool.css';

export interface PoolStudentCardProps {
  student: PoolStudent;
  /** `summary` in lists (story cut short, the card opens the student); `full` on the student's page. */
  variant?: 'summary' | 'full';
  onOpen?: () => void;
  testId?: string;
}

/**
 * A waiting student as any sponsor may see them. Only these fields are drawn, whatever else an answer
 * carries: never surname, school, village, ID or contact details.
 */
export function PoolStudentCard({ student, variant = 'summary', onOpen, testId = 'pool-card' }: PoolStudentCardProps) {
  const t = useT();
  const locale = useLocale();
  const facts = [
    t('student.age', { age: student.age }),
    formatGrade(locale, student.grade, student.schoolStage),
    formatPlace(t, student.province, student.city),
  ].join(' · ');
  const summary = variant === 'summary';

  const body = (
    <>
      <View className='bx-pool-card__head'>
        {student.photoUrl ? (
          <Image
            className='bx-pool-card__photo'
            src={student.photoUrl}
            mode='aspectFill'
            lazyLoad
            ariaLabel={t('pool.photoAlt', { name: student.displayName })}
            data-testid='pool-card-photo'
          />
        ) : (
          <View className='bx-pool-card__initial' aria-hidden='true'>
            {student.displayName.slice(0, 1)}
          </View>
        )}
        <View className='bx-pool-card__who'>
          <Text className='bx-pool-card__name' data-testid='pool-card-name'>
            {student.displayName}
          </Text>
          <View className='bx-pool-card__facts' data-testid='pool-card-facts'>
            {facts}
          </View>
        </View>
      </View>
      <View className={summary ? 'bx-pool-card__story bx-pool-card__story--clamped' : 'bx-pool-card__story'} data-testid='pool-card-story'>
        {student.story}
      </View>
      <View className='bx-pool-card__numbers'>
        <View className='bx-pool-card__need' data-testid='pool-card-need' data-fen={String(student.yearlyNeedFen)}>
          {t('pool.yearlyNeed', { amount: formatYuan(student.yearlyNeedFen) })}
        </View>
        <View className='bx-pool-card__years' data-testid='pool-card-years'>
          {t('pool.yearsToGraduation', { years: student.yearsToGraduation })}
        </View>
      </View>
      <View className='bx-pool-card__ngo' data-testid='pool-card-ngo'>
        {t('sponsor.ngo', { ngo: student.ngo.name })}
      </View>
    </>
  );

  if (summary && onOpen) {
    return (
      <View
        className='bx-pool-card bx-pool-card--link'
        hoverClass='bx-pool-card--pressed'
        role='button'
        ariaLabel={t('pool.openLabel', { name: student.displayName })}
        data-testid={testId}
        data-id={student.id}
        onClick={onOpen}
      >
        {body}
        <View className='bx-pool-card__more' aria-hidden='true'>
          {t('pool.open')} ›
        </View>
      </View>
    );
  }
  return (
    <Card className='bx-pool-card' testId={testId} data={{ 'data-id': student.id }}>
      {body}
    </Card>
  );
}
