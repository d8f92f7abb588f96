import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Sponsorship } from '../api';
import type { SponsorshipStatus } from '../../../../domain/sponsorship';
import { Button, Card, StatusBadge, type BadgeTone } from '@/components/ui';
import { formatAmountPerCadence, formatGrade, formatPlace, formatRelative, formatYuan } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { nextExpectedLine } from '@/lib/next-expected';
import { letterRoutes } from '@/lib/routes';
import { sponsorRoutes } from '@/features/timeline/routes';
import './sponsor.css';

const STATUS_TONE: Record<SponsorshipStatus, BadgeTone> = {
  reserved: 'info',
  active: 'success',
  paused: 'warning',
  completed: 'neutral',
  ended: 'neutral',
};

export interface SponsorshipCardProps {
  sponsorship: Sponsorship;
  now?: Date;
}

/** One sponsored student, as much as a sponsor may see: never surname, school or exact place. */
export function SponsorshipCard({ sponsorship, now }: SponsorshipCardProps) {
  const t = useT();
  const locale = useLocale();
  const { student } = sponsorship;
  const letters = letterRoutes('sponsor');
  const facts = [
    t('student.age', { age: student.age }),
    formatGrade(locale, student.grade, student.schoolStage),
    formatPlace(t, student.province, student.city),
  ].join(' · ');

  return (
    <Card testId='sponsorship-card' data={{ 'data-id': sponsorship.id }}>
      <View className='bx-sponsorship__head'>
        <Text className='bx-sponsorship__name' data-testid='sponsorship-student-name'>
          {student.displayName}
        </Text>
        <StatusBadge tone={STATUS_TONE[sponsorship.status]} testId='sponsorship-status' value={sponsorship.status}>
          {t(`sponsorship.status.${sponsorship.status}`)}
        </StatusBadge>
      </View>
      <View className='bx-sponsorship__facts'>{facts}</View>
      <View className='bx-sponsorship__facts'>{t('sponsor.ngo', { ngo: student.ngoName })}</View>
      <View className='bx-sponsorship__amount' data-testid='sponsorship-amount' data-fen={String(sponsorship.amountFen)}>
        <Text aria-label={formatYuan(sponsorship.amountFen)}>
          {formatAmountPerCadence(t, sponsorship.amountFen, sponsorship.cadence)}
        </Text>
        <Text className='bx-sponsorship__term'>{t('sponsorship.term', { years: sponsorship.termYears })}</Text>
      </View>
      <View className='bx-sponsorship__contact'>
        <View data-testid='sponsorship-last-heard'>
          {sponsorship.lastHeardAt
            ? t('sponsor.lastHeard', { when: formatRelative(sponsorship.lastHeardAt, locale, now) })
            : t('sponsor.lastHeardNever')}
        </View>
        <View data-testid='sponsorship-next-expected'>
          {sponsorship.nextExpectedAt ? nextExpectedLine(t, locale, sponsorship.nextExpectedAt, now) : t('sponsor.nextExpectedNone')}
        </View>
        <View>{t('sponsorship.letters', { count: sponsorship.letterCount })}</View>
      </View>
      <View className='bx-sponsorship__links'>
        <Button
          variant='primary'
          label={t('timeline.openLabel', { name: student.displayName })}
          testId='sponsorship-open'
          onClick={() => void Taro.navigateTo({ url: sponsorRoutes.sponsorship(sponsorship.id) })}
        >
          {t('timeline.open')}
        </Button>
        <Button
          variant='secondary'
          label={t('sponsorship.lettersLabel', { name: student.displayName })}
          testId='sponsorship-letters'
          onClick={() => void Taro.navigateTo({ url: letters.list(sponsorship.id, student.displayName) })}
        >
          {t('sponsorship.lettersLink')}
        </Button>
        <Button
          variant='secondary'
          label={t('sponsorship.writeLabel', { name: student.displayName })}
          testId='sponsorship-write'
          onClick={() => void Taro.navigateTo({ url: letters.compose(sponsorship.id, student.displayName) })}
        >
          {t('sponsorship.write')}
        </Button>
      </View>
    </Card>
  );
}
