import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Card, StatusBadge, type BadgeTone } from '@/components/ui';
import { fetchLedger, LedgerBody, useLedger } from '@/features/ledger';
import { formatAmountPerCadence, formatDate, formatYuan } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import type { StaffSponsorshipRow } from '../api';
import { DisbursementForm } from './disbursement-form';
import { PaymentForm } from './payment-form';
import { ReceiptNumber } from './receipt-number';

const STATUS_TONE: Record<StaffSponsorshipRow['status'], BadgeTone> = {
  reserved: 'info',
  active: 'success',
  paused: 'warning',
  completed: 'neutral',
  ended: 'neutral',
};

type Panel = 'payment' | 'disbursement' | 'ledger' | null;

function LedgerPanel({ id }: { id: string }) {
  return <LedgerBody state={useLedger(id)} forStaff paymentAction={(entry) => <ReceiptNumber entry={entry} />} />;
}

export interface StaffSponsorshipCardProps {
  row: StaffSponsorshipRow;
  /** After a save: the row's new figures. */
  onUpdated: (patch: Partial<StaffSponsorshipRow>) => void;
  now?: Date;
}

/** One sponsorship for NGO staff: paid, passed on, funded through; record a payment or a disbursement. */
export function StaffSponsorshipCard({ row, onUpdated, now }: StaffSponsorshipCardProps) {
  const t = useT();
  const locale = useLocale();
  const [panel, setPanel] = useState<Panel>(null);
  const [ledgerVersion, setLedgerVersion] = useState(0);

  const saved = async (kind: 'payment' | 'disbursement', amountFen: number) => {
    setPanel(null);
    // The server works out the new totals and funded-through date; ask it rather than guess.
    try {
      const ledger = await fetchLedger(row.id);
      onUpdated({ paidFen: ledger.totals.paidFen, disbursedFen: ledger.totals.disbursedFen, fundedThrough: ledger.fundedThrough });
    } catch {
      onUpdated(kind === 'payment' ? { paidFen: row.paidFen + amountFen } : { disbursedFen: row.disbursedFen + amountFen });
    }
    setLedgerVersion((v) => v + 1);
  };

  const toggle = (next: Exclude<Panel, null>) => setPanel(panel === next ? null : next);

  return (
    <Card testId='staff-sponsorship-row' data={{ 'data-id': row.id }} className='bx-staff-ledger__row'>
      <View className='bx-staff-ledger__row-head'>
        <Text className='bx-staff-ledger__student' data-testid='staff-row-student'>
          {row.studentName}
        </Text>
        <StatusBadge tone={STATUS_TONE[row.status]} value={row.status}>
          {t(`sponsorship.status.${row.status}`)}
        </StatusBadge>
      </View>
      <View className='bx-staff-ledger__meta'>
        {t('staffLedger.sponsorLine', { sponsor: row.sponsorName, amount: formatAmountPerCadence(t, row.amountFen, row.cadence) })}
      </View>
      <View className='bx-staff-ledger__figures'>
        <View className='bx-staff-ledger__figure' data-testid='staff-row-paid' data-fen={String(row.paidFen)}>
          <Text className='bx-staff-ledger__figure-label'>{t('ledger.paid')}</Text>
          <Text className='bx-staff-ledger__figure-value'>{formatYuan(row.paidFen)}</Text>
        </View>
        <View className='bx-staff-ledger__figure' data-testid='staff-row-disbursed' data-fen={String(row.disbursedFen)}>
          <Text className='bx-staff-ledger__figure-label'>{t('ledger.disbursed')}</Text>
          <Text className='bx-staff-ledger__figure-value'>{formatYuan(row.disbursedFen)}</Text>
        </View>
        <View className='bx-staff-ledger__figure' data-testid='staff-row-funded' data-date={row.fundedThrough ?? ''}>
          <Text className='bx-staff-ledger__figure-label'>{t('staffLedger.fundedThrough')}</Text>
          <Text className='bx-staff-ledger__figure-value'>{row.fundedThrough ? formatDate(row.fundedThrough, locale) : t('staffLedger.notFunded')}</Text>
        </View>
      </View>
      <View className='bx-staff-ledger__actions'>
        <Button variant={panel === 'payment' ? 'primary' : 'secondary'} onClick={() => toggle('payment')} testId='staff-record-payment'>
          {t('staffLedger.recordPayment')}
        </Button>
        <Button variant={panel === 'disbursement' ? 'primary' : 'secondary'} onClick={() => toggle('disbursement')} testId='staff-record-disbursement'>
          {t('staffLedger.recordDisbursement')}
        </Button>
        <Button variant={panel === 'ledger' ? 'primary' : 'quiet'} onClick={() => toggle('ledger')} testId='staff-view-ledger'>
          {panel === 'ledger' ? t('staffLedger.hideLedger') : t('staffLedger.viewLedger')}
        </Button>
      </View>
      {panel === 'payment' ? <PaymentForm row={row} now={now} onCancel={() => setPanel(null)} onSaved={(fen) => void saved('payment', fen)} /> : null}
      {panel === 'disbursement' ? (
        <DisbursementForm row={row} now={now} onCancel={() => setPanel(null)} onSaved={(fen) => void saved('disbursement', fen)} />
      ) : null}
      {panel === 'ledger' ? <LedgerPanel key={ledgerVersion} id={row.id} /> : null}
    </Card>
  );
}
