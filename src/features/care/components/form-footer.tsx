import { View } from '@tarojs/components';
import { Button, Notice } from '@/components/ui';
import { useT } from '@/lib/i18n';

export interface FormFooterProps {
  /** What the server answered when the action failed, in the user's language. */
  error: string | null;
  errorTestId: string;
  busy: boolean;
  submitLabel: string;
  submitTestId: string;
  submitDisabled?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}

/** The end of every case form: the action's error, then save and cancel. */
export function FormFooter({ error, errorTestId, busy, submitLabel, submitTestId, submitDisabled, onSubmit, onCancel }: FormFooterProps) {
  const t = useT();
  return (
    <>
      {error ? (
        <Notice tone='danger' testId={errorTestId}>
          {error}
        </Notice>
      ) : null}
      <View className='bx-care__actions'>
        <Button loading={busy} disabled={submitDisabled} testId={submitTestId} onClick={onSubmit}>
          {submitLabel}
        </Button>
        <Button variant='quiet' disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </View>
    </>
  );
}
