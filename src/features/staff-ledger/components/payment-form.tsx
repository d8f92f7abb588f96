import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Notice } from '@/components/ui';
import { errorMessage } from '@/lib/api-client';
import { formatDate, formatYuan } from '@/lib/format';
import { useLocale, useT, type MessageKey } from '@/lib/i18n';
import { useOperationKey } from '@/lib/idempotency';
import { recordPayment, type RecordPaymentBody, type StaffSponsorshipRow } from '../api';
import { checkDate, parseYuan, todayInChina } from '../money';
import { confirmSave, savedToast } from './confirm';
import { TextField } from './field';

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
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const operation = useOperationKey();

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
    const yes = await confirmSave(
      t('staffLedger.paymentConfirmTitle'),
      t('staffLedger.paymentConfirmBody', { amount: formatYuan(a.fen), sponsor: row.sponsorName, student: row.studentName, date: formatDate(d.date, locale) }),
      t,
    );
    if (!yes) return;
    setSaving(true);
    try {
      await recordPayment(row.id, body, operation.for(JSON.stringify(body)));
      operation.done();
      savedToast(t('staffLedger.paymentSaved'));
      onSaved(a.fen);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className='bx-staff-ledger__form' data-testid='payment-form'>
      <View className='bx-staff-ledger__form-title'>{t('staffLedger.paymentTitle', { sponsor: row.sponsorName })}</View>
      <TextField
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
      <TextField name='date' label={t('staffLedger.receivedOn')} hint={t('staffLedger.dateHint')} value={date} onChange={setDate} error={errors.date} testId='payment-date' disabled={saving} />
      <TextField name='note' label={t('staffLedger.note')} value={note} onChange={setNote} error={errors.note} testId='payment-note' disabled={saving} maxlength={NOTE_MAX} />
      {failure ? <Notice tone='danger'>{failure}</Notice> : null}
      <View className='bx-staff-ledger__form-actions'>
        <Button loading={saving} onClick={() => void submit()} testId='payment-submit'>
          {t('staffLedger.paymentSubmit')}
        </Button>
        <Button variant='secondary' disabled={saving} onClick={onCancel} testId='form-cancel'>
          {t('common.cancel')}
        </Button>
      </View>
    </View>
  );
}
