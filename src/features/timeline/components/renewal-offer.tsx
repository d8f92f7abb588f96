import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Card, Notice } from '@/components/ui';
import { errorMessage } from '@/lib/api-client';
import { formatAmountPerCadence, formatDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { renewSponsorship, type RenewOption, type SponsorshipDetail } from '../api';
import { confirmAction, toast } from '@/lib/dialog';

export interface RenewalOfferProps {
  sponsorship: SponsorshipDetail;
  onRenewed: (next: SponsorshipDetail) => void;
}

/** Near the end of the term: continue to graduation or for one more year, each confirmed first. Saying nothing is fine too. */
export function RenewalOffer({ sponsorship, onRenewed }: RenewalOfferProps) {
  const t = useT();
  const locale = useLocale();
  const [busy, setBusy] = useState<RenewOption | null>(null);
  const [error, setError] = useState<string | null>(null);
  const renewal = sponsorship.renewal;
  if (!renewal) return null;
  const name = sponsorship.student.displayName;
  const amount = formatAmountPerCadence(t, sponsorship.amountFen, sponsorship.cadence);

  const choose = async (option: RenewOption) => {
    if (busy) return;
    setError(null);
    const yes = await confirmAction({
      title: t('timeline.renew.confirmTitle'),
      content: t(`timeline.renew.confirm.${option}`, { name, amount }),
      confirm: 'timeline.renew.confirm',
    });
    if (!yes) return;
    setBusy(option);
    try {
      const next = await renewSponsorship(sponsorship.id, option);
      toast('timeline.renew.done');
      onRenewed(next);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card testId='renewal-offer' title={t('timeline.renew.title', { name, date: formatDate(renewal.endsOn, locale) })}>
      <View className='bx-journey__decision'>
        <View className='bx-journey__decision-text'>{t('timeline.renew.body', { amount })}</View>
        {error ? <Notice tone='danger'>{error}</Notice> : null}
        <View className='bx-journey__actions'>
          {renewal.options.map((option) => (
            <Button
              key={option}
              variant={option === 'to_graduation' ? 'primary' : 'secondary'}
              loading={busy === option}
              disabled={busy !== null && busy !== option}
              testId={`renewal-option-${option}`}
              onClick={() => void choose(option)}
            >
              {t(`timeline.renew.option.${option}`)}
            </Button>
          ))}
        </View>
        <View className='bx-journey__gentle'>{t('timeline.renew.noPressure')}</View>
      </View>
    </Card>
  );
}
