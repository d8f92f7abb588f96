import { View } from '@tarojs/components';
import { useState } from 'react';
import { FormField, Segmented, TextInput } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { logAttempt, type CaseView } from '../api';
import { ATTEMPT_NOTE_MAX, checkAttemptForm, CONTACT_METHODS, CONTACT_RESULTS, EMPTY_ATTEMPT_FORM, type AttemptErrors, type AttemptForm } from '../attempt';
import { useCaseAction } from './use-case-action';
import { FormFooter } from './form-footer';

export interface CaseFormProps {
  view: CaseView;
  now: Date;
  onChanged: (next: CaseView) => void;
  onClose: () => void;
}

/** Logging a contact attempt: how, what came of it, an optional note and time. */
export function AttemptFormView({ view, now, onChanged, onClose }: CaseFormProps) {
  const t = useT();
  const [form, setForm] = useState<AttemptForm>(EMPTY_ATTEMPT_FORM);
  const [errors, setErrors] = useState<AttemptErrors>({});
  const action = useCaseAction(onChanged);
  const set = <K extends keyof AttemptForm>(field: K) => (value: AttemptForm[K]) => setForm((current) => ({ ...current, [field]: value }));
  const errorOf = (field: keyof AttemptForm) => (errors[field] ? t(errors[field]) : null);

  const submit = async () => {
    const checked = checkAttemptForm(form, view.alert.openedAt, now);
    if ('errors' in checked) return setErrors(checked.errors);
    setErrors({});
    const saved = await action.run(`attempt:${JSON.stringify(checked.body)}`, (key) => logAttempt(view.alert.id, checked.body, key), t('care.attemptSaved'));
    if (saved) onClose();
  };

  return (
    <View className='bx-care-form' data-testid='attempt-form'>
      <FormField name='method' label={t('care.methodLabel')} error={errorOf('method')}>
        <Segmented
          label={t('care.methodLabel')}
          options={CONTACT_METHODS.map((m) => ({ value: m, label: t(`care.method.${m}`) }))}
          value={form.method}
          onChange={set('method')}
          testIdPrefix='attempt-method'
        />
      </FormField>
      <FormField name='result' label={t('care.resultLabel')} error={errorOf('result')}>
        <Segmented
          label={t('care.resultLabel')}
          options={CONTACT_RESULTS.map((r) => ({ value: r, label: t(`care.result.${r}`) }))}
          value={form.result}
          onChange={set('result')}
          testIdPrefix='attempt-result'
        />
      </FormField>
      <TextInput name='note' label={t('care.noteLabel')} hint={t('care.attemptNoteHint')} value={form.note} onChange={set('note')} maxlength={ATTEMPT_NOTE_MAX} multiline error={errorOf('note')} testId='attempt-note' disabled={action.busy} />
      <TextInput name='when' label={t('care.whenLabel')} hint={t('care.whenHint')} placeholder='2026-12-03 14:05' value={form.when} onChange={set('when')} error={errorOf('when')} testId='attempt-when' disabled={action.busy} />
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
