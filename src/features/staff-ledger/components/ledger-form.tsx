import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { FormFooter } from '@/components/ui';

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
  return (
    <View className='bx-staff-ledger__form' data-testid={testId}>
      <View className='bx-staff-ledger__form-title'>{title}</View>
      {children}
      <FormFooter
        error={failure}
        busy={saving}
        submitLabel={submitLabel}
        submitTestId={submitTestId}
        submitDisabled={submitDisabled}
        onSubmit={onSubmit}
        onCancel={onCancel}
        cancelTestId='form-cancel'
      />
    </View>
  );
}
