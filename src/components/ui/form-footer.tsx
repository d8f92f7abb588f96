import { View } from '@tarojs/components';
import { useT } from '@/lib/i18n';
import { Button } from './button';
import { Notice } from './notice';
import './form-field.css';

export interface FormFooterProps {
  /** Why the save failed, in the reader's language. */
  error: string | null;
  errorTestId?: string;
  busy: boolean;
  submitLabel: string;
  submitTestId: string;
  /** The submit button waits (e.g. for a receipt still uploading). */
  submitDisabled?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  cancelTestId?: string;
}

/** The end of a form: what went wrong, then save and cancel. */
export function FormFooter({ error, errorTestId, busy, submitLabel, submitTestId, submitDisabled, onSubmit, onCancel, cancelTestId }: FormFooterProps) {
  const t = useT();
  return (
    <>
      {error ? (
        <Notice tone='danger' testId={errorTestId}>
          {error}
        </Notice>
      ) : null}
      <View className='bx-form-footer'>
        <Button loading={busy} disabled={submitDisabled} testId={submitTestId} onClick={onSubmit}>
          {submitLabel}
        </Button>
        <Button variant='quiet' disabled={busy} testId={cancelTestId} onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </View>
    </>
  );
}
