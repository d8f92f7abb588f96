import { View } from '@tarojs/components';
import { useState } from 'react';
import type { FlagActionKind } from '../../../../domain/care/flags';
import { FormFooter, TextInput } from '@/components/ui';
import { confirmAction } from '@/lib/dialog';
import { useT } from '@/lib/i18n';
import { recordFlagAction, type FlagActionBody } from '../api';
import type { FlagFormProps } from './flag-actions';
import { useCaseAction } from './use-case-action';

export const FLAG_NOTE_MAX = 1000;

/** Recording one thing the caseworker did, with an optional note. A record cannot be taken back, so it is confirmed. */
export function FlagActionForm({ kind, view, onChanged, onClose }: FlagFormProps & { kind: FlagActionKind }) {
  const t = useT();
  const [note, setNote] = useState('');
  const action = useCaseAction(onChanged);
  const words = t(`care.flagAction.${kind}`);

  const submit = async () => {
    const text = note.trim();
    const body: FlagActionBody = text ? { kind, note: text } : { kind };
    const yes = await confirmAction({
      title: t('care.flagActionTitle'),
      content: t('care.flagActionBody', { name: view.student.displayName, action: words }),
      confirm: 'care.confirmRecord',
    });
    if (!yes) return;
    const saved = await action.run(`action:${JSON.stringify(body)}`, (key) => recordFlagAction(view.flag.id, body, key), 'care.flagActionSaved');
    if (saved) onClose();
  };

  return (
    <View className='bx-care-form' data-testid='flag-action-form' data-kind={kind}>
      <View className='bx-care-line__head'>{words}</View>
      <TextInput
        name='note'
        label={t('care.noteLabel')}
        hint={t('care.flagActionNoteHint')}
        value={note}
        onChange={setNote}
        maxlength={FLAG_NOTE_MAX}
        multiline
        testId='flag-action-note'
        disabled={action.busy}
      />
      <FormFooter
        error={action.error}
        errorTestId='flag-action-error'
        busy={action.busy}
        submitLabel={t('care.flagActionSave')}
        submitTestId='flag-action-submit'
        onSubmit={() => void submit()}
        onCancel={onClose}
      />
    </View>
  );
}
