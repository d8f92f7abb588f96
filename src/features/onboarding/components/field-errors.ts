import { useT } from '@/lib/i18n';
import type { FieldErrors } from '../validate';

/** The message for a field's error in the reader's language, or null when the field is fine. */
export function useErrorOf(errors: FieldErrors): (field: string) => string | null {
  const t = useT();
  return (field) => {
    const error = errors[field];
    return error ? t(error.key, error.params) : null;
  };
}
