import { View } from '@tarojs/components';
import { DateField, FormFooter, TextInput } from '@/components/ui';
import { useConfirmedSave } from '@/hooks/use-confirmed-save';
import { useForm, type FieldErrors } from '@/hooks/use-form';
import { chinaToday } from '@/lib/china-date';
import { useT } from '@/lib/i18n';
import { addGift, type SelfReportedGift } from '../api';
import { checkGift, NOTE_MAX, RECIPIENT_MAX, type GiftValues } from '../gift-input';

export interface GiftFormProps {
  onSaved: (gift: SelfReportedGift) => void;
  onCancel: () => void;
  now?: Date;
}

/** Adds a gift made elsewhere: the day, the amount in yuan (sent as fen), who received it, a note. */
export function GiftForm({ onSaved, onCancel, now }: GiftFormProps) {
  const t = useT();
  const today = chinaToday(now);
  const { values, set, setErrors, errorOf } = useForm<GiftValues>({ amount: '', date: today, recipient: '', note: '' });
  const { busy, failure, save } = useConfirmedSave();

  const submit = async () => {
    const checked = checkGift(values, today);
    if ('problems' in checked) {
      const errors: FieldErrors<GiftValues> = {};
      for (const field of Object.keys(checked.problems) as (keyof GiftValues)[]) {
        const problem = checked.problems[field]!;
        errors[field] = t(problem.key, problem.max === undefined ? undefined : { max: problem.max });
      }
      setErrors(errors);
      return;
    }
    setErrors({});
    const saved = await save({ identity: JSON.stringify(checked.body), send: (key) => addGift(checked.body, key), done: 'statement.giftSaved' });
    if (saved) onSaved(saved.result);
  };

  return (
    <View className='bx-statement__form' data-testid='gift-form' role='form' aria-label={t('statement.giftFormTitle')}>
      <DateField name='givenOn' label={t('statement.giftDate')} placeholder={t('statement.pickDate')} value={values.date} onChange={set('date')} start='2000-01-01' end={today} error={errorOf('date')} testId='gift-date' disabled={busy} />
      <TextInput name='amount' label={t('statement.giftAmount')} value={values.amount} onChange={set('amount')} type='digit' placeholder='300.00' error={errorOf('amount')} testId='gift-amount' disabled={busy} />
      <TextInput
        name='recipient'
        label={t('statement.giftRecipient')}
        hint={t('statement.giftRecipientHint')}
        value={values.recipient}
        onChange={set('recipient')}
        error={errorOf('recipient')}
        testId='gift-recipient'
        disabled={busy}
        maxlength={RECIPIENT_MAX}
      />
      <TextInput name='note' label={t('statement.giftNote')} value={values.note} onChange={set('note')} error={errorOf('note')} testId='gift-note' disabled={busy} maxlength={NOTE_MAX} />
      <FormFooter error={failure} busy={busy} submitLabel={t('statement.saveGift')} submitTestId='gift-submit' onSubmit={() => void submit()} onCancel={onCancel} />
    </View>
  );
}
