import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, FormFooter, TextInput } from '@/components/ui';
import { useConfirmedSave } from '@/hooks/use-confirmed-save';
import type { LedgerEntryView } from '@/features/ledger';
import { useT } from '@/lib/i18n';
import { saveReceiptNumber } from '../api';

/** As the server accepts it (domain/api/payment-admin `ReceiptNumber`). */
const RECEIPT_NUMBER = /^[A-Za-z0-9-]{1,40}$/;

/**
 * A payment's donation receipt number (捐赠票据号), recorded or changed by the NGO admin; the sponsor's
 * yearly statement shows it. Saving it empty clears it.
 */
export function ReceiptNumber({ entry }: { entry: LedgerEntryView }) {
  const t = useT();
  const [number, setNumber] = useState(entry.receiptNumber);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { busy, failure, save } = useConfirmedSave();

  // Refunds are rows of their own; a receipt is for money received.
  if (entry.amountFen <= 0) return null;

  const open = () => {
    setDraft(number ?? '');
    setError(null);
    setEditing(true);
  };

  const submit = async () => {
    const text = draft.trim();
    const ok = text === '' || RECEIPT_NUMBER.test(text);
    setError(ok ? null : t('staffLedger.receiptNumberError'));
    if (!ok) return;
    const next = text === '' ? null : text;
    const saved = await save({ identity: `${entry.id}:${text}`, send: () => saveReceiptNumber(entry.id, next), done: 'staffLedger.receiptNumberSaved' });
    if (!saved) return;
    setNumber(next);
    setEditing(false);
  };

  if (editing) {
    return (
      <View className='bx-staff-ledger__receipt-number bx-staff-ledger__receipt-number--form' data-testid='receipt-number-form'>
        <TextInput
          name='receiptNumber'
          label={t('staffLedger.receiptNumberLabel')}
          hint={t('staffLedger.receiptNumberHint')}
          value={draft}
          onChange={setDraft}
          error={error}
          testId='receipt-number-input'
          disabled={busy}
          maxlength={40}
        />
        <FormFooter
          error={failure}
          busy={busy}
          submitLabel={t('staffLedger.receiptNumberSave')}
          submitTestId='receipt-number-save'
          onSubmit={() => void submit()}
          onCancel={() => setEditing(false)}
        />
      </View>
    );
  }
  return (
    <View className='bx-staff-ledger__receipt-number' data-testid='receipt-number' data-value={number ?? ''}>
      <Text className='bx-staff-ledger__hint'>{number ? t('staffLedger.receiptNumber', { number }) : t('staffLedger.receiptNumberNone')}</Text>
      <Button variant='quiet' testId='receipt-number-edit' onClick={open}>
        {number ? t('staffLedger.receiptNumberEdit') : t('staffLedger.receiptNumberAdd')}
      </Button>
    </View>
  );
}
