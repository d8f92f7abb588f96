import { TextInput } from '@/components/ui';
import { useT } from '@/lib/i18n';

export interface SecretInputProps {
  name: string;
  label: string;
  hint?: string;
  /** A value is stored: the box stays empty (nothing of it is ever shown) and empty keeps it. */
  stored: boolean;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  testId: string;
  disabled: boolean;
  multiline?: boolean;
}

/** A write-only secret: never prefilled, and once saved it says so instead of showing any of it. */
export function SecretInput({ stored, hint, ...input }: SecretInputProps) {
  const t = useT();
  const storedHint = stored ? t('merchants.secretStored') : null;
  return <TextInput {...input} hint={[storedHint, hint].filter(Boolean).join(' ') || undefined} placeholder={stored ? t('merchants.secretKeepPlaceholder') : undefined} />;
}
