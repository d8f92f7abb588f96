import { View } from '@tarojs/components';
import { Notice, Section } from '@/components/ui';
import { useT } from '@/lib/i18n';
import type { FlagCaseView } from '../api';
import { PhoneCall } from './phone-call';

/**
 * Guardian and school contacts. The harm may be at home, so the guardian's number carries a warning
 * and calling it is confirmed first.
 */
export function FlagContacts({ contacts }: { contacts: FlagCaseView['student']['contacts'] }) {
  const t = useT();
  const guardianCall = {
    title: t('care.callGuardianTitle'),
    content: t('care.callGuardianBody'),
    confirm: 'care.confirmCallGuardian',
    danger: true,
  } as const;
  return (
    <Section title={t('care.contacts')} testId='flag-contacts'>
      {contacts.some((contact) => contact.kind === 'guardian') ? (
        <Notice tone='warm' testId='flag-guardian-warning'>
          {t('care.guardianWarning')}
        </Notice>
      ) : null}
      {contacts.length === 0 ? <View className='bx-care__hint'>{t('care.noContacts')}</View> : null}
      {contacts.map((contact) => (
        <View key={contact.id} className='bx-care-contact' data-testid='flag-contact' data-kind={contact.kind}>
          <View className='bx-care-contact__who'>
            {t(`care.contactKind.${contact.kind}`)} · {contact.name}
            {contact.relation ? `（${contact.relation}）` : ''}
          </View>
          {contact.phone ? (
            <PhoneCall
              phone={contact.phone}
              label={t('care.callLabel', { name: contact.name, phone: contact.phone })}
              confirm={contact.kind === 'guardian' ? guardianCall : undefined}
              testId='flag-contact-call'
            />
          ) : null}
          {contact.note ? <View className='bx-care__hint'>{contact.note}</View> : null}
        </View>
      ))}
    </Section>
  );
}
