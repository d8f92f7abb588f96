import { Image, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, ChoiceField, DateField, FormField, TextInput } from '@/components/ui';
import { categoryLabel, DISBURSEMENT_CATEGORIES, PAYEE_KINDS, type DisbursementCategory, type PayeeKind } from '@/features/ledger';
import { choosePhotos } from '@/features/privacy';
import { useConfirmedSave } from '@/hooks/use-confirmed-save';
import { useForm, type FieldErrors } from '@/hooks/use-form';
import { errorMessage } from '@/lib/api-client';
import { formatDate, formatYuan } from '@/lib/format';
import { useLocale, useT, type MessageKey } from '@/lib/i18n';
import { recordDisbursement, uploadReceipt, type RecordDisbursementBody, type StaffSponsorshipRow } from '../api';
import { chinaToday } from '@/lib/china-date';
import { checkDate, parseYuan } from '../money';
import { LedgerForm } from './ledger-form';

const PAYEE_MAX = 100;
const DESCRIPTION_MAX = 200;

export interface DisbursementFormProps {
  row: StaffSponsorshipRow;
  onSaved: (amountFen: number) => void;
  onCancel: () => void;
  now?: Date;
}

interface DisbursementValues {
  amount: string;
  date: string;
  category: DisbursementCategory | '';
  payee: string;
  payeeKind: PayeeKind | '';
  description: string;
}

interface Receipt {
  localPath: string;
  uploadId: string | null;
  uploading: boolean;
}

/**
 * Records money passed on for the student: amount, day, what for, who was paid (the sponsor sees a
 * safe label, never the school's name), a description, and optionally a photo of the receipt.
 */
export function DisbursementForm({ row, onSaved, onCancel, now }: DisbursementFormProps) {
  const t = useT();
  const locale = useLocale();
  const today = chinaToday(now);
  const { values, set, setErrors, errorOf } = useForm<DisbursementValues>({ amount: '', date: today, category: '', payee: '', payeeKind: '', description: '' });
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const { busy, failure, setFailure, save } = useConfirmedSave();

  const pickReceipt = async () => {
    setFailure(null);
    // WeChat's privacy step first; a cancelled or failed pick leaves the form as it was.
    const chosen = await choosePhotos(1);
    const path = 'paths' in chosen ? chosen.paths[0] : undefined;
    if (!path) return;
    setReceipt({ localPath: path, uploadId: null, uploading: true });
    try {
      const uploaded = await uploadReceipt(path);
      setReceipt({ localPath: path, uploadId: uploaded.id, uploading: false });
    } catch (error) {
      setReceipt(null);
      setFailure(t('staffLedger.receiptFailed', { reason: errorMessage(error) }));
    }
  };

  const submit = async () => {
    if (receipt?.uploading) return;
    const { category, payeeKind } = values;
    const a = parseYuan(values.amount);
    const d = checkDate(values.date, today);
    const payee = values.payee.trim();
    const description = values.description.trim();
    const errors: FieldErrors<DisbursementValues> = {};
    if ('error' in a) errors.amount = t(`staffLedger.amountError.${a.error}` as MessageKey);
    if ('error' in d) errors.date = t(`staffLedger.dateError.${d.error}` as MessageKey);
    if (!category) errors.category = t('staffLedger.chooseCategory');
    if (!payee) errors.payee = t('staffLedger.payeeRequired');
    else if (payee.length > PAYEE_MAX) errors.payee = t('staffLedger.tooLong', { max: PAYEE_MAX });
    if (!payeeKind) errors.payeeKind = t('staffLedger.choosePayeeKind');
    if (!description) errors.description = t('staffLedger.descriptionRequired');
    else if (description.length > DESCRIPTION_MAX) errors.description = t('staffLedger.tooLong', { max: DESCRIPTION_MAX });
    setErrors(errors);
    if ('error' in a || 'error' in d || !category || !payeeKind || Object.keys(errors).length > 0) return;

    const body: RecordDisbursementBody = {
      amountFen: a.fen,
      occurredOn: d.date,
      category,
      payee,
      payeeKind,
      description,
      ...(receipt?.uploadId ? { receiptUploadId: receipt.uploadId } : {}),
    };
    const saved = await save({
      confirm: {
        title: t('staffLedger.disbursementConfirmTitle'),
        content: t('staffLedger.disbursementConfirmBody', {
          amount: formatYuan(a.fen),
          category: categoryLabel(t, category),
          payee,
          date: formatDate(d.date, locale),
          student: row.studentName,
          receipt: receipt?.uploadId ? t('staffLedger.withReceipt') : t('staffLedger.withoutReceipt'),
        }),
        confirm: 'staffLedger.confirmSave',
        cancel: 'staffLedger.confirmBack',
      },
      identity: JSON.stringify(body),
      send: (key) => recordDisbursement(row.id, body, key),
      done: 'staffLedger.disbursementSaved',
    });
    if (saved) onSaved(a.fen);
  };

  return (
    <LedgerForm
      title={t('staffLedger.disbursementTitle', { student: row.studentName })}
      testId='disbursement-form'
      submitLabel={t('staffLedger.disbursementSubmit')}
      submitTestId='disbursement-submit'
      saving={busy}
      failure={failure}
      submitDisabled={Boolean(receipt?.uploading)}
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
        placeholder='1500.00'
        error={errorOf('amount')}
        testId='disbursement-amount'
        disabled={busy}
      />
      <DateField name='date' label={t('staffLedger.occurredOn')} placeholder={t('form.pickDate')} value={values.date} onChange={set('date')} end={today} error={errorOf('date')} testId='disbursement-date' disabled={busy} />
      <ChoiceField<DisbursementCategory | ''>
        name='category'
        label={t('staffLedger.category')}
        error={errorOf('category')}
        value={values.category}
        onChange={set('category')}
        testIdPrefix='disbursement-category'
        options={DISBURSEMENT_CATEGORIES.map((value) => ({ value, label: categoryLabel(t, value) }))}
      />
      <TextInput
        name='payee'
        label={t('staffLedger.payee')}
        hint={t('staffLedger.payeeHint')}
        value={values.payee}
        onChange={set('payee')}
        error={errorOf('payee')}
        testId='disbursement-payee'
        disabled={busy}
        maxlength={PAYEE_MAX}
      />
      <ChoiceField<PayeeKind | ''>
        name='payeeKind'
        label={t('staffLedger.payeeKind')}
        hint={t('staffLedger.payeeKindHint')}
        error={errorOf('payeeKind')}
        value={values.payeeKind}
        onChange={set('payeeKind')}
        testIdPrefix='disbursement-payee-kind'
        options={PAYEE_KINDS.map((value) => ({ value, label: t(`staffLedger.payeeKind.${value}` as MessageKey) }))}
      />
      <TextInput
        name='description'
        label={t('staffLedger.description')}
        hint={t('staffLedger.descriptionHint')}
        value={values.description}
        onChange={set('description')}
        error={errorOf('description')}
        testId='disbursement-description'
        disabled={busy}
        maxlength={DESCRIPTION_MAX}
      />
      <FormField name='receipt' label={t('staffLedger.receipt')} hint={t('staffLedger.receiptHint')}>
        {receipt ? (
          <View className='bx-staff-ledger__receipt' data-testid='disbursement-receipt' data-upload-id={receipt.uploadId ?? ''}>
            <Image className='bx-staff-ledger__receipt-image' src={receipt.localPath} mode='aspectFill' ariaLabel={t('staffLedger.receipt')} />
            {receipt.uploading ? (
              <View className='bx-staff-ledger__hint'>{t('staffLedger.receiptUploading')}</View>
            ) : (
              <Button variant='quiet' disabled={busy} onClick={() => setReceipt(null)} testId='disbursement-receipt-remove'>
                {t('staffLedger.receiptRemove')}
              </Button>
            )}
          </View>
        ) : (
          <Button variant='secondary' disabled={busy} onClick={() => void pickReceipt()} testId='disbursement-receipt-add'>
            {t('staffLedger.receiptAdd')}
          </Button>
        )}
      </FormField>
    </LedgerForm>
  );
}
