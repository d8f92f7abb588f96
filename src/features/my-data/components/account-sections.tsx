import { View } from '@tarojs/components';
import { Section } from '@/components/ui';
import { formatDate, formatDateTime } from '@/lib/format';
import { isLocale, useLocale, useT, type MessageKey } from '@/lib/i18n';
import type { SponsorDataExport } from '../api';

type Data = { data: SponsorDataExport };

function Line({ children, testId }: { children: string; testId?: string }) {
  return (
    <View className='bx-my-data__line' data-testid={testId}>
      {children}
    </View>
  );
}

export function AccountSection({ data }: Data) {
  const t = useT();
  const locale = useLocale();
  const language = isLocale(data.account.locale) ? t(`locale.${data.account.locale}`) : data.account.locale;
  return (
    <Section title={t('myData.section.account')} testId='my-data-account'>
      <Line testId='my-data-display-name'>{t('myData.displayName', { name: data.profile.displayName })}</Line>
      <Line>{t('myData.accountId', { id: data.account.id })}</Line>
      <Line>{t('myData.language', { language })}</Line>
      <Line>{t('myData.createdAt', { date: formatDate(data.account.createdAt, locale) })}</Line>
    </Section>
  );
}

export function SignInSection({ data }: Data) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <Section title={t('myData.section.identities')} testId='my-data-identities'>
        {data.loginIdentities.length === 0 ? <Line>{t('myData.noIdentities')}</Line> : null}
        {data.loginIdentities.map((identity) => (
          <Line key={`${identity.platform}:${identity.subject}`}>
            {t('myData.identityLine', { platform: t(`myData.platform.${identity.platform}`), subject: identity.subject, date: formatDate(identity.createdAt, locale) })}
          </Line>
        ))}
      </Section>
      <Section title={t('myData.section.sessions')} testId='my-data-sessions'>
        {data.sessions.map((session, index) => {
          const line = t('myData.sessionLine', {
            method: t(`myData.method.${session.method}`),
            date: formatDateTime(session.createdAt, locale),
            expires: formatDateTime(session.expiresAt, locale),
          });
          const state = session.current
            ? t('myData.sessionCurrent')
            : session.revokedAt
              ? t('myData.sessionRevoked', { date: formatDateTime(session.revokedAt, locale) })
              : null;
          return <Line key={`${session.createdAt}:${index}`}>{state ? `${line} · ${state}` : line}</Line>;
        })}
      </Section>
    </>
  );
}

const SPONSOR_EVENTS = ['student_checking_in', 'student_back_in_touch', 'letter_delivered'] as const;
const isSponsorEvent = (event: string): event is (typeof SPONSOR_EVENTS)[number] => (SPONSOR_EVENTS as readonly string[]).includes(event);
const ACKNOWLEDGEMENT_TITLES: Record<string, MessageKey> = {
  commitment: 'pledge.commitment.title',
  expectations: 'pledge.expectations.title',
  safeguarding: 'pledge.safeguarding.title',
  disbursement: 'pledge.disbursement.title',
};

export function ConsentsSection({ data }: Data) {
  const t = useT();
  const locale = useLocale();
  const empty = data.messageSubscriptions.length === 0 && data.pledgeAcknowledgements.length === 0;
  return (
    <Section title={t('myData.section.consents')} testId='my-data-consents'>
      {empty ? <Line>{t('myData.noConsents')}</Line> : null}
      {data.messageSubscriptions.map((s) => (
        <Line key={`${s.channel}:${s.event}`}>
          {t('myData.subscriptionLine', { event: isSponsorEvent(s.event) ? t(`myData.event.${s.event}`) : s.event, count: s.remaining })}
        </Line>
      ))}
      {data.pledgeAcknowledgements.map((a) => (
        <Line key={a.sponsorshipId + a.at}>
          {t('myData.acknowledged', {
            date: formatDate(a.at, locale),
            items: a.acknowledgements.map((item) => (ACKNOWLEDGEMENT_TITLES[item] ? t(ACKNOWLEDGEMENT_TITLES[item]) : item)).join(locale === 'zh-CN' ? '、' : ', '),
          })}
        </Line>
      ))}
    </Section>
  );
}

export function UploadsSection({ data }: Data) {
  const t = useT();
  return (
    <Section title={t('myData.section.uploads')} testId='my-data-uploads'>
      <Line>{t('myData.uploads', { count: data.uploads.length, unsent: data.uploads.filter((u) => u.letterId === null).length })}</Line>
    </Section>
  );
}
