import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Card, Section } from '@/components/ui';
import { formatDate, formatGrade, formatPlace, formatRelative } from '@/lib/format';
import { useLocale, useT, type Translate } from '@/lib/i18n';
import { daysOverdue } from '@/lib/china-date';
import { currentPlatform } from '@/lib/platform';
import type { CaseView } from '../api';

/** Who the student is, where they study, when they were last heard from and when next due. */
export function CaseStudent({ student, now }: { student: CaseView['student']; now: Date }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card testId='case-student'>
      <View className='bx-care-case__names'>
        <Text className='bx-care-case__display' data-testid='case-student-name'>
          {student.displayName}
        </Text>
        <Text className='bx-care-case__legal' data-testid='case-student-legal'>
          {t('care.legalName', { name: student.legalName })}
        </Text>
      </View>
      <View className='bx-care-case__facts'>
        {[formatGrade(locale, student.grade, student.schoolStage), student.schoolName, formatPlace(t, student.province, student.city), student.village].filter(Boolean).join(' · ')}
      </View>
      <View className='bx-care-case__facts' data-testid='case-last-heard'>
        {student.lastHeardAt ? t('care.lastHeard', { when: formatRelative(student.lastHeardAt, locale, now) }) : t('care.lastHeardNever')}
      </View>
      <View className='bx-care-case__facts' data-testid='case-next-due'>
        {student.nextDueAt ? nextDueLine(t, formatDate(student.nextDueAt, locale), daysOverdue(student.nextDueAt, now)) : t('care.nextDueNone')}
      </View>
      {student.sponsorDisplayName ? <View className='bx-care-case__facts'>{t('care.sponsor', { name: student.sponsorDisplayName })}</View> : null}
    </Card>
  );
}

function nextDueLine(t: Translate, date: string, overdueDays: number): string {
  return overdueDays > 0 ? t('care.nextDueOverdue', { date, days: overdueDays }) : t('care.nextDue', { date });
}

/** Guardian and school contacts (staff only). In the mini-program a number can be called with one tap. */
export function CaseContacts({ contacts }: { contacts: CaseView['student']['contacts'] }) {
  const t = useT();
  const canCall = currentPlatform() !== 'h5';
  return (
    <Section title={t('care.contacts')} testId='case-contacts'>
      {contacts.length === 0 ? <View className='bx-care__hint'>{t('care.noContacts')}</View> : null}
      {contacts.map((contact) => (
        <View key={contact.id} className='bx-care-contact' data-testid='case-contact' data-kind={contact.kind}>
          <View className='bx-care-contact__who'>
            {t(`care.contactKind.${contact.kind}`)} · {contact.name}
            {contact.relation ? `（${contact.relation}）` : ''}
          </View>
          {contact.phone && canCall ? (
            <Button
              variant='secondary'
              label={t('care.callLabel', { name: contact.name, phone: contact.phone })}
              testId='case-contact-call'
              onClick={() => void Promise.resolve(Taro.makePhoneCall({ phoneNumber: contact.phone ?? '' })).catch(() => undefined)}
            >
              {t('care.call', { phone: contact.phone })}
            </Button>
          ) : null}
          {contact.phone && !canCall ? (
            <Text className='bx-care-contact__phone' data-testid='case-contact-phone'>
              {contact.phone}
            </Text>
          ) : null}
          {contact.note ? <View className='bx-care__hint'>{contact.note}</View> : null}
        </View>
      ))}
    </Section>
  );
}
