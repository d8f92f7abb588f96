import { useState } from 'react';
import { TextInput } from '@/components/ui';
import { formatDate, formatYuan } from '@/lib/format';
import { useLocale, useT, type MessageKey } from '@/lib/i18n';
import { recordPayment, type RecordPaymentBody, type StaffSponsorshipRow } from '../api';
import { checkDate, parseYuan, todayInChina } from '../money';
import { LedgerForm, useConfirmedSave } from './ledger-form';

const NOTE_MAX = 200;

export interface PaymentFormProps {
  row: StaffSponsorshipRow;
  onSaved: (amountFen: number) => void;
  onCancel: () => void;
  now?: Date;
}

/** Records money received from the sponsor: amount in yuan (sent as fen), the day it arrived, an optional note. */
export function PaymentForm({ row, onSaved, onCancel, now }: PaymentFormProps) {
  const t = useT();
  const locale = useLocale();
  const today = todayInChina(now);
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { saving, failure, setFailure, save } = useConfirmedSave();

  const submit = async () => {
    if (saving) return;
    setFailure(null);
    const a = parseYuan(amount);
    const d = checkDate(date, today);
    const next: Record<string, string> = {};
    if ('error' in a) next.amount = t(`staffLedger.amountError.${a.error}` as MessageKey);
    if ('error' in d) next.date = t(`staffLedger.dateError.${d.error}` as MessageKey);
    if (note.trim().length > NOTE_MAX) next.note = t('staffLedger.tooLong', { max: NOTE_MAX });
    setErrors(next);
    if ('error' in a || 'error' in d || Object.keys(next).length > 0) return;

    const body: RecordPaymentBody = { amountFen: a.fen, receivedOn: d.date, ...(note.trim() ? { note: note.trim() } : {}) };
    const saved = await save({
      confirmTitle: t('staffLedger.paymentConfirmTitle'),
      confirmBody: t('staffLedger.paymentConfirmBody', { amount: formatYuan(a.fen), sponsor: row.sponsorName, student: row.studentName, date: formatDate(d.date, locale) }),
      body,
      record: (key) => recordPayment(row.id, body, key),
      savedMessage: t('staffLedger.paymentSaved'),
    });
    if (saved) onSaved(a.fen);
  };

  return (
    <LedgerForm
      title={t('staffLedger.paymentTitle', { sponsor: row.sponsorName })}
      testId='payment-form'
      submitLabel={t('staffLedger.paymentSubmit')}
      submitTestId='payment-submit'
      saving={saving}
      failure={failure}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <TextInput
        name='amount'
        label={t('staffLedger.amount')}
        hint={t('staffLedger.amountHint')}
        value={amount}
        onChange={setAmount}
        type='digit'
        placeholder='300.00'
        error={errors.amount}
        testId='payment-amount'
        disabled={saving}
      />
      <TextInput name='date' label={t('staffLedger.receivedOn')} hint={t('staffLedger.dateHint')} value={date} onChange={setDate} error={errors.date} testId='payment-date' disabled={saving} />
      <TextInput name='note' label={t('staffLedger.note')} value={note} onChange={setNote} error={errors.note} testId='payment-note' disabled={saving} maxlength={NOTE_MAX} />
    </LedgerForm>
  );
}
