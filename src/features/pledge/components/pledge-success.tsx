import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Notice, PageHeader, Section } from '@/components/ui';
import { PayToCard, useLedger } from '@/features/ledger';
import { useSubscriptionPrompt } from '@/features/subscriptions';
import { formatAmountPerCadence, formatDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { letterRoutes, ROUTES } from '@/lib/routes';
import type { SponsorshipDetail } from '../api';
import './pledge.css';

/** After confirming: thanks, what was promised, what happens next, and the way home. */
export function PledgeSuccess({ sponsorship }: { sponsorship: SponsorshipDetail }) {
  const t = useT();
  const locale = useLocale();
  const askToSubscribe = useSubscriptionPrompt();
  const { ledger } = useLedger(sponsorship.id);
  // Asked inside the tap (the platforms require it); the next page opens once any dialog is answered.
  const go = (navigate: () => void) => {
    const asking = askToSubscribe();
    if (asking) void asking.finally(navigate);
    else navigate();
  };
  const { student } = sponsorship;
  return (
    <View className='bx-pledge' data-testid='pledge-success' data-id={sponsorship.id}>
      <PageHeader title={t('pledge.success.title')} subtitle={t('pledge.success.body', { name: student.displayName, years: sponsorship.termYears })} />
      <Notice tone='info' testId='pledge-success-summary'>
        {t('pledge.success.summary', {
          amount: formatAmountPerCadence(t, sponsorship.amountFen, sponsorship.cadence),
          start: formatDate(sponsorship.startDate, locale),
          end: formatDate(sponsorship.endDate, locale),
        })}
      </Notice>
      <Section title={t('pledge.success.nextTitle')}>
        <View className='bx-pledge__card'>
          <View className='bx-pledge__line'>• {t('pledge.success.nextPayment', { ngo: student.ngoName })}</View>
          <View className='bx-pledge__line'>• {t('pledge.success.nextLetter', { name: student.displayName })}</View>
          <View className='bx-pledge__line'>• {t('pledge.success.nextHome')}</View>
        </View>
      </Section>
      {ledger ? <PayToCard payTo={ledger.payTo} /> : null}
      <Button block testId='pledge-go-home' onClick={() => go(() => void Taro.reLaunch({ url: ROUTES.sponsorHome }))}>
        {t('pledge.success.home')}
      </Button>
      <Button
        variant='secondary'
        block
        testId='pledge-write'
        onClick={() => go(() => void Taro.redirectTo({ url: letterRoutes('sponsor').compose(sponsorship.id, student.displayName) }))}
      >
        {t('pledge.success.write', { name: student.displayName })}
      </Button>
    </View>
  );
}
