import { View } from '@tarojs/components';
import { useState } from 'react';
import { FLAG_OUTCOMES, flagCloseProblem, type FlagOutcome } from '../../../../domain/care/flags';
import { FormField, FormFooter, Notice, Segmented, TextInput } from '@/components/ui';
import { confirmAction } from '@/lib/dialog';
import { useT, type MessageKey } from '@/lib/i18n';
import { closeFlag, type CloseFlagBody } from '../api';
import { FLAG_NOTE_MAX } from './flag-action-form';
import type { FlagFormProps } from './flag-actions';
import { useCaseAction } from './use-case-action';

type CloseErrors = Partial<Record<'outcome' | 'note', MessageKey>>;

/**
 * Closing a flag: handled (after at least one recorded step) or a false alarm (with the reason, which
 * is audited). Both rules are checked here before anything is sent; closing is confirmed and final.
 */
export function FlagCloseForm({ view, onChanged, onClose }: FlagFormProps) {
  const t = useT();
  const [outcome, setOutcome] = useState<FlagOutcome | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<CloseErrors>({});
  const action = useCaseAction(onChanged);
  const deliversLetter = view.letter?.status === 'held';

  const submit = async () => {
    if (!outcome) return setErrors({ outcome: 'care.error.chooseOutcome' });
    const problem = flagCloseProblem(view.flag.status, outcome, view.actions.length, note);
    if (problem === 'reason_required') return setErrors({ note: 'care.error.flagReasonRequired' });
    if (problem === 'needs_action') return setErrors({ outcome: 'care.error.flagNeedsAction' });
    setErrors({});
    const text = note.trim();
    const body: CloseFlagBody = text ? { outcome, note: text } : { outcome };
    const params = { outcome: t(`care.flagOutcome.${outcome}`), name: view.student.displayName };
    const yes = await confirmAction({
      title: t('care.flagCloseTitle'),
      content: outcome === 'false_alarm' && deliversLetter ? t('care.flagCloseBodyLetter', params) : t('care.flagCloseBody', params),
      confirm: 'care.confirmClose',
      danger: true,
    });
    if (!yes) return;
    const saved = await action.run(`close:${JSON.stringify(body)}`, (key) => closeFlag(view.flag.id, body, key), 'care.flagClosed');
    if (saved) onClose();
  };

  const falseAlarm = outcome === 'false_alarm';
  return (
    <View className='bx-care-form' data-testid='flag-close-form'>
      <FormField name='outcome' label={t('care.outcomeLabel')} error={errors.outcome ? t(errors.outcome) : null}>
        <Segmented
          label={t('care.outcomeLabel')}
          options={FLAG_OUTCOMES.map((o) => ({ value: o, label: t(`care.flagOutcome.${o}`) }))}
          value={outcome}
          onChange={setOutcome}
          testIdPrefix='flag-outcome'
        />
      </FormField>
      {outcome ? <View className='bx-care__hint'>{t(`care.flagOutcomeHint.${outcome}`)}</View> : null}
      {falseAlarm && deliversLetter ? (
        <Notice tone='info' testId='flag-letter-delivered'>
          {t('care.flagLetterDelivered')}
        </Notice>
      ) : null}
      <TextInput
        name='note'
        label={falseAlarm ? t('care.flagReason') : t('care.flagCloseNote')}
        hint={falseAlarm ? t('care.flagReasonHint') : t('care.flagCloseNoteHint')}
        value={note}
        onChange={setNote}
        maxlength={FLAG_NOTE_MAX}
        multiline
        error={errors.note ? t(errors.note) : null}
        testId='flag-close-note'
        disabled={action.busy}
      />
      <FormFooter
        error={action.error}
        errorTestId='flag-action-error'
        busy={action.busy}
        submitLabel={t('care.flagCloseSave')}
        submitTestId='flag-close-submit'
        onSubmit={() => void submit()}
        onCancel={onClose}
      />
    </View>
  );
}
