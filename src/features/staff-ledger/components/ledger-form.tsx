import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { Button, Notice } from '@/components/ui';
import { errorMessage } from '@/lib/api-client';
import { useT } from '@/lib/i18n';
import { useOperationKey } from '@/lib/idempotency';

/** False when the person backs out, or the dialog could not be shown. */
async function confirmed(title: string, content: string, confirmText: string, cancelText: string): Promise<boolean> {
  try {
    const answer = await Taro.showModal({ title, content, confirmText, cancelText });
    return Boolean(answer?.confirm);
  } catch {
    return false;
  }
}

export interface SaveRequest {
  /** What the person confirms: money is recorded for good, so they see exactly what will be saved. */
  confirmTitle: string;
  confirmBody: string;
  /** What is sent: the same body keeps the same idempotency key until it is saved. */
  body: object;
  record: (idempotencyKey: string) => Promise<unknown>;
  savedMessage: string;
}

/**
 * Confirm, then save: a retry after a failure reuses the idempotency key, so the money is never
 * recorded twice; a failure is kept in `failure` for the form to show.
 */
export function useConfirmedSave() {
  const t = useT();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const operation = useOperationKey();

  /** True once saved; false when the person backed out or the save failed. */
  const save = async ({ confirmTitle, confirmBody, body, record, savedMessage }: SaveRequest): Promise<boolean> => {
    if (!(await confirmed(confirmTitle, confirmBody, t('staffLedger.confirmSave'), t('staffLedger.confirmBack')))) return false;
    setSaving(true);
    try {
      await record(operation.for(JSON.stringify(body)));
      operation.done();
      void Promise.resolve(Taro.showToast({ title: savedMessage, icon: 'success' })).catch(() => undefined);
      return true;
    } catch (error) {
      setFailure(errorMessage(error));
      return false;
    } finally {
      setSaving(false);
    }
  };

  return { saving, failure, setFailure, save };
}

export interface LedgerFormProps {
  title: string;
  testId: string;
  submitLabel: string;
  submitTestId: string;
  saving: boolean;
  failure: string | null;
  /** The submit button waits (e.g. for a receipt still uploading). */
  submitDisabled?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** The frame of a money form: its title, its fields, what went wrong, submit and cancel. */
export function LedgerForm({ title, testId, submitLabel, submitTestId, saving, failure, submitDisabled, onSubmit, onCancel, children }: LedgerFormProps) {
  const t = useT();
  return (
    <View className='bx-staff-ledger__form' data-testid={testId}>
      <View className='bx-staff-ledger__form-title'>{title}</View>
      {children}
      {failure ? <Notice tone='danger'>{failure}</Notice> : null}
      <View className='bx-staff-ledger__form-actions'>
        <Button loading={saving} disabled={submitDisabled} onClick={onSubmit} testId={submitTestId}>
          {submitLabel}
        </Button>
        <Button variant='secondary' disabled={saving} onClick={onCancel} testId='form-cancel'>
          {t('common.cancel')}
        </Button>
      </View>
    </View>
  );
}
