import { useCallback, useState } from 'react';
import type { MessageKey, Translate } from '@/lib/i18n';

/** What is wrong with each field, in the reader's language. */
export type FieldErrors<F> = Partial<Record<keyof F, string>>;

/** A form's values and the messages of its fields that will not do. */
export function useForm<F extends object>(initial: F | (() => F)) {
  const [values, setValues] = useState<F>(initial);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  /** The change handler of one field. */
  const set = useCallback(<K extends keyof F>(field: K) => (value: F[K]) => setValues((current) => ({ ...current, [field]: value })), []);
  const errorOf = (field: keyof F): string | null => errors[field] ?? null;
  return { values, set, errors, setErrors, errorOf };
}

/** Field errors given as message keys (from a form's pure check), put into words. */
export function translateErrors<F>(errors: Partial<Record<keyof F, MessageKey>>, t: Translate): FieldErrors<F> {
  const words: FieldErrors<F> = {};
  for (const field of Object.keys(errors) as (keyof F)[]) {
    const key = errors[field];
    if (key) words[field] = t(key);
  }
  return words;
}
