import { useCallback } from 'react';
import { useLocaleStore } from './locale-store';
import { translate, type Translate } from './translate';

/** The translate function for the current locale; components re-render when the locale changes. */
export function useT(): Translate {
  const locale = useLocaleStore((state) => state.locale);
  return useCallback<Translate>((key, params) => translate(locale, key, params), [locale]);
}

export function useLocale() {
  return useLocaleStore((state) => state.locale);
}
