import { DateField, TextInput } from '@/components/ui';
import { useConfirmedSave } from '@/hooks/use-confirmed-save';
import { useForm, type FieldErrors } from '@/hooks/use-form';
import { formatDate, formatYuan } from '@/lib/format';
import { useLocale, useT, type MessageKey } from '@/lib/i18n';
import { recordPayment, type RecordPaymentBody, type StaffSponsorshipRow } from '../api';
import { chinaToday } from '@/lib/china-date';
import { checkDate, parseYuan } from '../money';
import { LedgerForm } from './ledger-form';

const NOTE_MAX = 200;

interface PaymentValues {
  amount: string;
  date: string;
  note: string;
}

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
  const today = chinaToday(now);
  const { values, set, setErrors, errorOf } = useForm<PaymentValues>({ amount: '', date: today, note: '' });
  const { busy, failure, save } = useConfirmedSave();

  const submit = async () => {
    const a = parseYuan(values.amount);
    const d = checkDate(values.date, today);
    const note = values.note.trim();
    const errors: FieldErrors<PaymentValues> = {};
    if ('error' in a) errors.amount = t(`staffLedger.amountError.${a.error}` as MessageKey);
    if ('error' in d) errors.date = t(`staffLedger.dateError.${d.error}` as MessageKey);
    if (note.length > NOTE_MAX) errors.note = t('staffLedger.tooLong', { max: NOTE_MAX });
    setErrors(errors);
    if ('error' in a || 'error' in d || Object.keys(errors).length > 0) return;

    const body: RecordPaymentBody = { amountFen: a.fen, receivedOn: d.date, ...(note ? { note } : {}) };
    const saved = await save({
      confirm: {
        title: t('staffLedger.paymentConfirmTitle'),
        content: t('staffLedger.paymentConfirmBody', { amount: formatYuan(a.fen), sponsor: row.sponsorName, student: row.studentName, date: formatDate(d.date, locale) }),
        confirm: 'staffLedger.confirmSave',
        cancel: 'staffLedger.confirmBack',
      },
      identity: JSON.stringify(body),
      send: (key) => recordPayment(row.id, body, key),
      done: 'staffLedger.paymentSaved',
    });
    if (saved) onSaved(a.fen);
  };

  return (
    <LedgerForm
      title={t('staffLedger.paymentTitle', { sponsor: row.sponsorName })}
      testId='payment-form'
      submitLabel={t('staffLedger.paymentSubmit')}
      submitTestId='payment-submit'
      saving={busy}
      failure={failure}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <TextInput
        name='amount'
        label={t('staffLedger.amount')}
        hint={t('staffLedger.amountHint')}
        value={values.amount}
        onChange={set('amount')}
        type='digit'
        placeholder='300.00'
        error={errorOf('amount')}
        testId='payment-amount'
        disabled={busy}
      />
      <DateField name='date' label={t('staffLedger.receivedOn')} placeholder={t('form.pickDate')} value={values.date} onChange={set('date')} end={today} error={errorOf('date')} testId='payment-date' disabled={busy} />
      <TextInput name='note' label={t('staffLedger.note')} value={values.note} onChange={set('note')} error={errorOf('note')} testId='payment-note' disabled={busy} maxlength={NOTE_MAX} />
    </LedgerForm>
  );
}
