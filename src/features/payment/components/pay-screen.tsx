import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Card, Notice, Segmented, StateView } from '@/components/ui';
import { PayToCard, useLedger } from '@/features/ledger';
import { fetchSponsorship } from '@/features/timeline';
import { useResource } from '@/hooks/use-resource';
import { errorMessage } from '@/lib/api-client';
import { confirmAction } from '@/lib/dialog';
import { formatDate, formatYuan } from '@/lib/format';
import { useOperationKey } from '@/lib/idempotency';
import { useLocale, useT } from '@/lib/i18n';
import { currentPlatform } from '@/lib/platform';
import { createPaymentOrder, type ClientPayParams, type OnlinePayment } from '../api';
import { clampPeriods, payChoices, type PayChoice } from '../choices';
import { openPaySheet, type SheetOutcome } from '../pay-sheet';
import { useOrderWatch } from '../use-order-watch';
import { OrderResult } from './order-result';
import { PeriodStepper } from './period-stepper';
import { ReminderButton } from './reminder-button';
import './payment.css';

interface PayFormProps {
  sponsorshipId: string;
  online: OnlinePayment;
  studentName: string;
  ngoName: string;
  /** The ledger changed (an order was made or settled): load it again. */
  onChanged: () => void;
}

/** Choose the periods and the platform, confirm, open the platform's sheet (or QR code), then follow the order. */
function PayFlow({ sponsorshipId, online, studentName, ngoName, onChanged }: PayFormProps) {
  const t = useT();
  const locale = useLocale();
  const choices = payChoices(online.platforms, currentPlatform());
  const [periods, setPeriods] = useState(1);
  const [choice, setChoice] = useState<PayChoice | undefined>(choices[0]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState<{ pay: ClientPayParams; sheet: SheetOutcome | null } | null>(null);
  const operation = useOperationKey();
  const { order, gaveUp, watch, stop } = useOrderWatch();

  if (attempt && order) {
    return (
      <OrderResult
        order={order}
        pay={attempt.pay}
        sheet={attempt.sheet}
        gaveUp={gaveUp}
        onTryAgain={() => {
          stop();
          setAttempt(null);
          onChanged();
        }}
      />
    );
  }

  if (online.maxPeriods < 1 || !online.nextDueOn) return <Notice tone='info' testId='pay-nothing-due'>{t('pay.nothingDue')}</Notice>;
  if (!choice) return <Notice tone='warm' testId='pay-not-here'>{t('pay.notHere')}</Notice>;

  const count = clampPeriods(periods, online.maxPeriods);
  const amount = formatYuan(count * online.periodAmountFen);

  const pay = async () => {
    if (busy) return;
    setFailure(null);
    const confirmed = await confirmAction({
      title: t('pay.confirmTitle'),
      content: t('pay.confirmContent', { name: studentName, count, amount, ngo: ngoName }),
      confirm: 'pay.confirmOk',
    });
    if (!confirmed) return;
    setBusy(true);
    try {
      const body = { periods: count, platform: choice.platform, channel: choice.channel };
      // One key per attempt: a retry after a lost answer gets the same order back, never a second one.
      const created = await createPaymentOrder(sponsorshipId, body, operation.for(`${body.periods}:${body.platform}:${body.channel}`));
      operation.done();
      watch(created.order);
      setAttempt({ pay: created.pay, sheet: null });
      setBusy(false);
      onChanged();
      if (created.pay.kind !== 'qr') {
        const sheet = await openPaySheet(created.pay);
        setAttempt((current) => (current ? { ...current, sheet } : current));
      }
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <Card title={t('pay.for', { name: studentName })} testId='pay-form'>
      <View className='bx-pay'>
        <View className='bx-pay__hint' data-testid='pay-first-due'>
          {t('pay.firstDue', { date: formatDate(online.nextDueOn, locale) })}
        </View>
        <PeriodStepper value={count} max={online.maxPeriods} onChange={(next) => setPeriods(clampPeriods(next, online.maxPeriods))} disabled={busy} />
        <View className='bx-pay__hint'>
          {t('pay.periodAmount', { amount: formatYuan(online.periodAmountFen) })} · {t('pay.maxHint', { count: online.maxPeriods })}
        </View>
        <View className='bx-pay__total' data-testid='pay-total' data-fen={String(count * online.periodAmountFen)}>
          <Text>{t('pay.total', { amount })}</Text>
        </View>
        {choices.length > 1 ? (
          <Segmented
            label={t('pay.how')}
            options={choices.map((c) => ({ value: c.platform, label: t(`pay.platform.${c.platform}`) }))}
            value={choice.platform}
            onChange={(platform) => setChoice(choices.find((c) => c.platform === platform))}
            testIdPrefix='pay-platform'
          />
        ) : (
          <View className='bx-pay__hint' data-testid='pay-platform'>
            {t('pay.howOne', { platform: t(`pay.platform.${choice.platform}`) })}
          </View>
        )}
        <View className='bx-pay__hint'>{t('pay.straightToNgo', { ngo: ngoName })}</View>
        {failure ? (
          <Notice tone='danger' testId='pay-failure'>
            {failure}
          </Notice>
        ) : null}
        <Button block loading={busy} onClick={() => void pay()} testId='pay-confirm'>
          {t('pay.confirmButton', { amount })}
        </Button>
        <ReminderButton />
      </View>
    </Card>
  );
}

/** The pay page: the student's name, the periods still payable, and the way this build pays the NGO. */
export function PayScreen({ sponsorshipId }: { sponsorshipId: string }) {
  const t = useT();
  const ledgerState = useLedger(sponsorshipId);
  const detail = useResource(`sponsorship:${sponsorshipId}`, () => fetchSponsorship(sponsorshipId));
  const { ledger } = ledgerState;
  if (ledgerState.status === 'error' || detail.status === 'error') {
    return <StateView state='error' message={ledgerState.error ?? detail.error ?? undefined} onRetry={() => void Promise.all([ledgerState.reload(), detail.reload()])} />;
  }
  if (!ledger || !detail.data) return <StateView state='loading' />;
  if (!ledger.onlinePayment) {
    return (
      <View className='bx-pay-screen' data-testid='pay-screen'>
        <Notice tone='info' testId='pay-unavailable'>
          {t('pay.unavailable')}
        </Notice>
        <PayToCard payTo={ledger.payTo} />
      </View>
    );
  }
  return (
    <View className='bx-pay-screen' data-testid='pay-screen'>
      <PayFlow
        sponsorshipId={sponsorshipId}
        online={ledger.onlinePayment}
        studentName={detail.data.student.displayName}
        ngoName={ledger.payTo.ngoName}
        onChanged={() => void ledgerState.reload()}
      />
    </View>
  );
}
