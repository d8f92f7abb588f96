import { Image, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, FormField, Segmented, TextInput } from '@/components/ui';
import { categoryLabel, DISBURSEMENT_CATEGORIES, PAYEE_KINDS, type DisbursementCategory, type PayeeKind } from '@/features/ledger';
import { choosePhotos } from '@/features/privacy';
import { errorMessage } from '@/lib/api-client';
import { formatDate, formatYuan } from '@/lib/format';
import { useLocale, useT, type MessageKey } from '@/lib/i18n';
import { recordDisbursement, uploadReceipt, type RecordDisbursementBody, type StaffSponsorshipRow } from '../api';
import { checkDate, parseYuan, todayInChina } from '../money';
import { LedgerForm, useConfirmedSave } from './ledger-form';

const PAYEE_MAX = 100;
const DESCRIPTION_MAX = 200;

export interface DisbursementFormProps {
  row: StaffSponsorshipRow;
  onSaved: (amountFen: number) => void;
  onCancel: () => void;
  now?: Date;
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
  const today = todayInChina(now);
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(today);
  const [category, setCategory] = useState<DisbursementCategory | ''>('');
  const [payee, setPayee] = useState('');
  const [payeeKind, setPayeeKind] = useState<PayeeKind | ''>('');
  const [description, setDescription] = useState('');
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { saving, failure, setFailure, save } = useConfirmedSave();

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
    if (saving || receipt?.uploading) return;
    setFailure(null);
    const a = parseYuan(amount);
    const d = checkDate(date, today);
    const next: Record<string, string> = {};
    if ('error' in a) next.amount = t(`staffLedger.amountError.${a.error}` as MessageKey);
    if ('error' in d) next.date = t(`staffLedger.dateError.${d.error}` as MessageKey);
    if (!category) next.category = t('staffLedger.chooseCategory');
    if (!payee.trim()) next.payee = t('staffLedger.payeeRequired');
    else if (payee.trim().length > PAYEE_MAX) next.payee = t('staffLedger.tooLong', { max: PAYEE_MAX });
    if (!payeeKind) next.payeeKind = t('staffLedger.choosePayeeKind');
    if (!description.trim()) next.description = t('staffLedger.descriptionRequired');
    else if (description.trim().length > DESCRIPTION_MAX) next.description = t('staffLedger.tooLong', { max: DESCRIPTION_MAX });
    setErrors(next);
    if ('error' in a || 'error' in d || !category || !payeeKind || Object.keys(next).length > 0) return;

    const body: RecordDisbursementBody = {
      amountFen: a.fen,
      occurredOn: d.date,
      category,
      payee: payee.trim(),
      payeeKind,
      description: description.trim(),
      ...(receipt?.uploadId ? { receiptUploadId: receipt.uploadId } : {}),
    };
    const saved = await save({
      confirmTitle: t('staffLedger.disbursementConfirmTitle'),
      confirmBody: t('staffLedger.disbursementConfirmBody', {
        amount: formatYuan(a.fen),
        category: categoryLabel(t, category),
        payee: body.payee,
        date: formatDate(d.date, locale),
        student: row.studentName,
        receipt: receipt?.uploadId ? t('staffLedger.withReceipt') : t('staffLedger.withoutReceipt'),
      }),
      body,
      record: (key) => recordDisbursement(row.id, body, key),
      savedMessage: t('staffLedger.disbursementSaved'),
    });
    if (saved) onSaved(a.fen);
  };

  return (
    <LedgerForm
      title={t('staffLedger.disbursementTitle', { student: row.studentName })}
      testId='disbursement-form'
      submitLabel={t('staffLedger.disbursementSubmit')}
      submitTestId='disbursement-submit'
      saving={saving}
      failure={failure}
      submitDisabled={Boolean(receipt?.uploading)}
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
        placeholder='1500.00'
        error={errors.amount}
        testId='disbursement-amount'
        disabled={saving}
      />
      <TextInput name='date' label={t('staffLedger.occurredOn')} hint={t('staffLedger.dateHint')} value={date} onChange={setDate} error={errors.date} testId='disbursement-date' disabled={saving} />
      <FormField name='category' label={t('staffLedger.category')} error={errors.category}>
        <Segmented<DisbursementCategory | ''>
          label={t('staffLedger.category')}
          value={category}
          onChange={setCategory}
          testIdPrefix='disbursement-category'
          options={DISBURSEMENT_CATEGORIES.map((value) => ({ value, label: categoryLabel(t, value) }))}
        />
      </FormField>
      <TextInput
        name='payee'
        label={t('staffLedger.payee')}
        hint={t('staffLedger.payeeHint')}
        value={payee}
        onChange={setPayee}
        error={errors.payee}
        testId='disbursement-payee'
        disabled={saving}
        maxlength={PAYEE_MAX}
      />
      <FormField name='payeeKind' label={t('staffLedger.payeeKind')} hint={t('staffLedger.payeeKindHint')} error={errors.payeeKind}>
        <Segmented<PayeeKind | ''>
          label={t('staffLedger.payeeKind')}
          value={payeeKind}
          onChange={setPayeeKind}
          testIdPrefix='disbursement-payee-kind'
          options={PAYEE_KINDS.map((value) => ({ value, label: t(`staffLedger.payeeKind.${value}` as MessageKey) }))}
        />
      </FormField>
      <TextInput
        name='description'
        label={t('staffLedger.description')}
        hint={t('staffLedger.descriptionHint')}
        value={description}
        onChange={setDescription}
        error={errors.description}
        testId='disbursement-description'
        disabled={saving}
        maxlength={DESCRIPTION_MAX}
      />
      <FormField name='receipt' label={t('staffLedger.receipt')} hint={t('staffLedger.receiptHint')}>
        {receipt ? (
          <View className='bx-staff-ledger__receipt' data-testid='disbursement-receipt' data-upload-id={receipt.uploadId ?? ''}>
            <Image className='bx-staff-ledger__receipt-image' src={receipt.localPath} mode='aspectFill' ariaLabel={t('staffLedger.receipt')} />
            {receipt.uploading ? (
              <View className='bx-staff-ledger__hint'>{t('staffLedger.receiptUploading')}</View>
            ) : (
              <Button variant='quiet' disabled={saving} onClick={() => setReceipt(null)} testId='disbursement-receipt-remove'>
                {t('staffLedger.receiptRemove')}
              </Button>
            )}
          </View>
        ) : (
          <Button variant='secondary' disabled={saving} onClick={() => void pickReceipt()} testId='disbursement-receipt-add'>
            {t('staffLedger.receiptAdd')}
          </Button>
        )}
      </FormField>
    </LedgerForm>
  );
}
