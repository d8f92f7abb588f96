import { View } from '@tarojs/components';
import { ChoiceField, DateTimeField, FormFooter, TextInput } from '@/components/ui';
import { chinaToday } from '@/lib/china-date';
import { translateErrors, useForm } from '@/hooks/use-form';
import { useT } from '@/lib/i18n';
import { logAttempt, type CaseView } from '../api';
import { ATTEMPT_NOTE_MAX, checkAttemptForm, CONTACT_METHODS, CONTACT_RESULTS, EMPTY_ATTEMPT_FORM, type AttemptForm } from '../attempt';
import { useCaseAction } from './use-case-action';

export interface CaseFormProps {
  view: CaseView;
  now: Date;
  onChanged: (next: CaseView) => void;
  onClose: () => void;
}

/** Logging a contact attempt: how, what came of it, an optional note and time. */
export function AttemptFormView({ view, now, onChanged, onClose }: CaseFormProps) {
  const t = useT();
  const { values, set, setErrors, errorOf } = useForm<AttemptForm>(EMPTY_ATTEMPT_FORM);
  const action = useCaseAction(onChanged);

  const submit = async () => {
    const checked = checkAttemptForm(values, view.alert.openedAt, now);
    if ('errors' in checked) return setErrors(translateErrors(checked.errors, t));
    setErrors({});
    const saved = await action.run(`attempt:${JSON.stringify(checked.body)}`, (key) => logAttempt(view.alert.id, checked.body, key), 'care.attemptSaved');
    if (saved) onClose();
  };

  return (
    <View className='bx-care-form' data-testid='attempt-form'>
      <ChoiceField
        name='method'
        label={t('care.methodLabel')}
        error={errorOf('method')}
        options={CONTACT_METHODS.map((m) => ({ value: m, label: t(`care.method.${m}`) }))}
        value={values.method}
        onChange={set('method')}
        testIdPrefix='attempt-method'
      />
      <ChoiceField
        name='result'
        label={t('care.resultLabel')}
        error={errorOf('result')}
        options={CONTACT_RESULTS.map((r) => ({ value: r, label: t(`care.result.${r}`) }))}
        value={values.result}
        onChange={set('result')}
        testIdPrefix='attempt-result'
      />
      <TextInput name='note' label={t('care.noteLabel')} hint={t('care.attemptNoteHint')} value={values.note} onChange={set('note')} maxlength={ATTEMPT_NOTE_MAX} multiline error={errorOf('note')} testId='attempt-note' disabled={action.busy} />
      <DateTimeField
        name='when'
        label={t('care.whenLabel')}
        hint={t('care.whenHint')}
        datePlaceholder={t('form.pickDate')}
        timePlaceholder={t('form.pickTime')}
        value={values.when}
        onChange={set('when')}
        start={chinaToday(new Date(view.alert.openedAt))}
        end={chinaToday(now)}
        error={errorOf('when')}
        testId='attempt-when'
        disabled={action.busy}
      />
      <FormFooter
        error={action.error}
        errorTestId='case-action-error'
        busy={action.busy}
        submitLabel={t('care.attemptSave')}
        submitTestId='attempt-submit'
        onSubmit={() => void submit()}
        onCancel={onClose}
      />
    </View>
  );
}
