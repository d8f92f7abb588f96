import { Text, View } from '@tarojs/components';
import { Card, Section } from '@/components/ui';
import { describeNotification } from '@/features/inbox';
import { LetterStatusBadge } from '@/features/letters';
import { formatAmountPerCadence, formatDate, formatDateTime, formatYuan } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import type { ExportLetter, ExportSponsorship, SponsorDataExport } from '../api';

type Data = { data: SponsorDataExport };

function SponsorshipCard({ sponsorship: s }: { sponsorship: ExportSponsorship }) {
  const t = useT();
  const locale = useLocale();
  const { totals } = s.ledger;
  return (
    <Card title={s.student.displayName} className='bx-my-data__card' testId='my-data-sponsorship' data={{ 'data-id': s.id }}>
      <View className='bx-my-data__line'>
        {[t(`sponsorship.status.${s.status}`), formatAmountPerCadence(t, s.amountFen, s.cadence), t('sponsorship.term', { years: s.termYears })].join(' · ')}
      </View>
      <View className='bx-my-data__line'>{t('myData.period', { start: formatDate(s.startDate, locale), end: formatDate(s.endDate, locale) })}</View>
      <View className='bx-my-data__line' data-testid='my-data-sponsorship-totals'>
        {[
          `${t('ledger.pledged')} ${formatYuan(totals.pledgedFen)}`,
          `${t('ledger.paid')} ${formatYuan(totals.paidFen)}`,
          `${t('ledger.disbursed')} ${formatYuan(totals.disbursedFen)}`,
        ].join(' · ')}
      </View>
      <View className='bx-my-data__line'>{t('myData.entries', { payments: s.ledger.payments.length, disbursements: s.ledger.disbursements.length })}</View>
    </Card>
  );
}

export function SponsorshipsSection({ data }: Data) {
  const t = useT();
  return (
    <Section title={t('myData.section.sponsorships')} testId='my-data-sponsorships'>
      {data.sponsorships.length === 0 ? <View className='bx-my-data__line'>{t('myData.noSponsorships')}</View> : null}
      {data.sponsorships.map((s) => (
        <SponsorshipCard key={s.id} sponsorship={s} />
      ))}
    </Section>
  );
}

function LetterCard({ letter }: { letter: ExportLetter }) {
  const t = useT();
  const locale = useLocale();
  const heading = letter.mine ? t('letters.to', { name: letter.counterpartName }) : t('letters.from', { name: letter.counterpartName });
  return (
    <Card className='bx-my-data__card' testId='my-data-letter' data={{ 'data-id': letter.id }}>
      <View className='bx-my-data__letter-head'>
        <View className='bx-my-data__letter-title' role='heading' aria-level={3}>
          {heading}
        </View>
        <LetterStatusBadge status={letter.status} mine={letter.mine} testId='my-data-letter-status' />
      </View>
      <View className='bx-my-data__meta'>{formatDateTime(letter.createdAt, locale)}</View>
      <Text className='bx-my-data__body' data-testid='my-data-letter-body'>
        {letter.body}
      </Text>
    </Card>
  );
}

export function LettersSection({ data }: Data) {
  const t = useT();
  return (
    <Section title={t('myData.section.letters')} testId='my-data-letters'>
      {data.letters.length === 0 ? <View className='bx-my-data__line'>{t('myData.noLetters')}</View> : null}
      {data.letters.map((letter) => (
        <LetterCard key={letter.id} letter={letter} />
      ))}
    </Section>
  );
}

export function NotificationsSection({ data }: Data) {
  const t = useT();
  const locale = useLocale();
  return (
    <Section title={t('myData.section.notifications')} testId='my-data-notifications'>
      {data.notifications.length === 0 ? <View className='bx-my-data__line'>{t('myData.noNotifications')}</View> : null}
      {data.notifications.map((n) => (
        <View key={n.id} className='bx-my-data__line' data-testid='my-data-notification'>
          <Text className='bx-my-data__meta'>{formatDateTime(n.createdAt, locale)} </Text>
          {describeNotification(t, locale, n)}
        </View>
      ))}
    </Section>
  );
}
