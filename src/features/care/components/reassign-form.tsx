import { View } from '@tarojs/components';
import { useState } from 'react';
import { FormField, FormFooter, Segmented, TextInput } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { reassignAlert } from '../api';
import type { CaseFormProps } from './attempt-form';
import { useCaseAction } from './use-case-action';

const REASON_MAX = 300;

/** Handing the alert to another caseworker of the NGO, with an optional reason. */
export function ReassignFormView({ view, onChanged, onClose }: Omit<CaseFormProps, 'now'>) {
  const t = useT();
  const [staffId, setStaffId] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useCaseAction(onChanged);
  const others = view.caseworkers.filter((c) => c.id !== view.alert.assignee?.id);

  const submit = async () => {
    if (!staffId) return setMissing(true);
    setMissing(false);
    const text = reason.trim();
    const body = { staffId, ...(text ? { reason: text } : {}) };
    const saved = await action.run(`reassign:${JSON.stringify(body)}`, (key) => reassignAlert(view.alert.id, body, key), 'care.reassigned');
    if (saved) onClose();
  };

  return (
    <View className='bx-care-form' data-testid='reassign-form'>
      {others.length === 0 ? (
        <View className='bx-care__hint'>{t('care.noOtherCaseworkers')}</View>
      ) : (
        <FormField name='staffId' label={t('care.reassignTo')} error={missing ? t('care.error.chooseCaseworker') : null}>
          <Segmented label={t('care.reassignTo')} options={others.map((c) => ({ value: c.id, label: c.name }))} value={staffId} onChange={setStaffId} testIdPrefix='reassign-to' />
        </FormField>
      )}
      <TextInput name='reason' label={t('care.reassignReason')} hint={t('care.optional')} value={reason} onChange={setReason} maxlength={REASON_MAX} testId='reassign-reason' disabled={action.busy} />
      <FormFooter
        error={action.error}
        errorTestId='case-action-error'
        busy={action.busy}
        submitLabel={t('care.reassignSave')}
        submitTestId='reassign-submit' submitDisabled={others.length === 0}
        onSubmit={() => void submit()}
        onCancel={onClose}
      />
    </View>
  );
}
