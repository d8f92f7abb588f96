import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { Button, Card, Notice, Section, StatusBadge } from '@/components/ui';
import { NextPayment } from '@/features/payment/components/next-payment';
import { RecentOrders } from '@/features/payment/components/recent-orders';
import { buildUrl } from '@/lib/api-client';
import { formatDate, formatYuan } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import type { Ledger, LedgerEntryView } from '../api';
import { categoryLabel } from '../categories';
import { PayToCard } from './pay-to-card';
import './ledger.css';

/** Schedule rows shown before "show all" (a monthly pledge over years is long). */
const SCHEDULE_PREVIEW = 6;

/** Receipt links are paths on the API; mini-programs need the API's own origin. */
export function receiptSrc(url: string): string {
  return /^https?:\/\//.test(url) ? url : buildUrl(url);
}

function Total({ label, fen, testId }: { label: string; fen: number; testId: string }) {
  return (
    <View className='bx-ledger__total' data-testid={testId} data-fen={String(fen)}>
      <Text className='bx-ledger__total-label'>{label}</Text>
      <Text className='bx-ledger__total-value'>{formatYuan(fen)}</Text>
    </View>
  );
}

function DisbursementRow({ entry }: { entry: LedgerEntryView }) {
  const t = useT();
  const locale = useLocale();
  const receipt = entry.receiptUrl ? receiptSrc(entry.receiptUrl) : null;
  const what = categoryLabel(t, entry.category);
  return (
    <View className='bx-ledger__entry' data-testid='ledger-disbursement' data-id={entry.id} data-fen={String(entry.amountFen)}>
      <View className='bx-ledger__entry-head'>
        <Text className='bx-ledger__entry-title'>{what}</Text>
        <Text className='bx-ledger__entry-amount'>{formatYuan(entry.amountFen)}</Text>
      </View>
      <View className='bx-ledger__entry-line' data-testid='ledger-disbursement-payee'>
        {t('ledger.paidTo', { payee: entry.payeeLabel ?? t('ledger.payeeUnknown'), date: formatDate(entry.occurredOn, locale) })}
      </View>
      {entry.description ? <View className='bx-ledger__entry-note'>{entry.description}</View> : null}
      {receipt ? (
        <View
          className='bx-ledger__receipt'
          role='button'
          ariaLabel={t('ledger.receiptLabel', { what })}
          data-testid='ledger-receipt'
          onClick={() => void Promise.resolve(Taro.previewImage({ current: receipt, urls: [receipt] })).catch(() => undefined)}
        >
          <Image className='bx-ledger__receipt-image' src={receipt} mode='aspectFill' lazyLoad ariaLabel={t('ledger.receiptAlt', { what })} />
          <Text className='bx-ledger__receipt-text'>{t('ledger.receiptOpen')}</Text>
        </View>
      ) : (
        <View className='bx-ledger__entry-note'>{t('ledger.noReceipt')}</View>
      )}
    </View>
  );
}

export interface LedgerViewProps {
  ledger: Ledger;
  /** NGO staff see the memo reference (to match a transfer) instead of how to pay. */
  forStaff?: boolean;
  /** Under each payment: what staff can do with it (record the receipt number). */
  paymentAction?: (entry: LedgerEntryView) => ReactNode;
}

/**
 * Where a sponsorship's money went: what was pledged, paid and passed on, how far the payments
 * reach, the pledge schedule, every payment and every disbursement with its receipt.
 */
export function LedgerView({ ledger, forStaff = false, paymentAction }: LedgerViewProps) {
  const t = useT();
  const locale = useLocale();
  const [allSchedule, setAllSchedule] = useState(false);
  const schedule = allSchedule ? ledger.schedule : ledger.schedule.slice(0, SCHEDULE_PREVIEW);

  return (
    <View className='bx-ledger' data-testid='ledger'>
      <Card testId='ledger-totals' title={t('ledger.totals')}>
        <View className='bx-ledger__totals'>
          <Total label={t('ledger.pledged')} fen={ledger.totals.pledgedFen} testId='ledger-total-pledged' />
          <Total label={t('ledger.paid')} fen={ledger.totals.paidFen} testId='ledger-total-paid' />
          <Total label={t('ledger.disbursed')} fen={ledger.totals.disbursedFen} testId='ledger-total-disbursed' />
        </View>
        <View className='bx-ledger__funded' data-testid='ledger-funded-through' data-date={ledger.fundedThrough ?? ''}>
          {ledger.fundedThrough
            ? t('ledger.fundedThrough', { date: formatDate(ledger.fundedThrough, locale) })
            : t('ledger.fundedThroughNone')}
        </View>
      </Card>

      {forStaff ? (
        <View className='bx-ledger__none' data-testid='ledger-reference'>
          {t('ledger.referenceForStaff', { reference: ledger.payTo.reference })}
        </View>
      ) : ledger.onlinePayment ? (
        <>
          <NextPayment sponsorshipId={ledger.sponsorshipId} online={ledger.onlinePayment} />
          <RecentOrders sponsorshipId={ledger.sponsorshipId} />
          <PayToCard payTo={ledger.payTo} />
        </>
      ) : (
        <>
          <Notice tone='info' testId='ledger-payment-instructions'>
            <View className='bx-ledger__how'>{t('ledger.howToPay')}</View>
            <View>{ledger.paymentInstructions}</View>
          </Notice>
          <PayToCard payTo={ledger.payTo} />
        </>
      )}

      <Section title={t('ledger.disbursements')} hint={t('ledger.disbursementsHint')} testId='ledger-disbursements'>
        {ledger.disbursements.length === 0 ? (
          <View className='bx-ledger__none'>{t('ledger.noDisbursements')}</View>
        ) : (
          ledger.disbursements.map((entry) => <DisbursementRow key={entry.id} entry={entry} />)
        )}
      </Section>

      <Section title={t('ledger.payments')} testId='ledger-payments'>
        {ledger.payments.length === 0 ? (
          <View className='bx-ledger__none'>{t('ledger.noPayments')}</View>
        ) : (
          ledger.payments.map((entry) => (
            <View key={entry.id} className='bx-ledger__entry' data-testid='ledger-payment' data-id={entry.id} data-fen={String(entry.amountFen)}>
              <View className='bx-ledger__entry-head'>
                <Text className='bx-ledger__entry-title'>{formatDate(entry.occurredOn, locale)}</Text>
                <Text className='bx-ledger__entry-amount'>{formatYuan(entry.amountFen)}</Text>
              </View>
              {entry.amountFen < 0 ? (
                <View className='bx-ledger__entry-note' data-testid='ledger-refund'>
                  {t('ledger.refund')}
                </View>
              ) : null}
              {entry.description ? <View className='bx-ledger__entry-note'>{entry.description}</View> : null}
              {paymentAction?.(entry)}
            </View>
          ))
        )}
      </Section>

      <Section title={t('ledger.schedule')} hint={t('ledger.scheduleHint')} testId='ledger-schedule'>
        {schedule.map((row) => (
          <View key={row.dueOn} className='bx-ledger__schedule-row' data-testid='ledger-schedule-row' data-paid={row.paid ? 'true' : 'false'}>
            <Text className='bx-ledger__schedule-date'>{formatDate(row.dueOn, locale)}</Text>
            <Text className='bx-ledger__schedule-amount'>{formatYuan(row.amountFen)}</Text>
            <StatusBadge tone={row.paid ? 'success' : 'neutral'} value={row.paid ? 'paid' : 'unpaid'}>
              {row.paid ? t('ledger.schedulePaid') : t('ledger.scheduleUnpaid')}
            </StatusBadge>
          </View>
        ))}
        {ledger.schedule.length > SCHEDULE_PREVIEW ? (
          <Button variant='quiet' onClick={() => setAllSchedule(!allSchedule)} testId='ledger-schedule-toggle'>
            {allSchedule ? t('ledger.scheduleFewer') : t('ledger.scheduleAll', { count: ledger.schedule.length })}
          </Button>
        ) : null}
      </Section>
    </View>
  );
}
