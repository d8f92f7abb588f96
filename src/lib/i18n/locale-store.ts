import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { STORAGE_KEYS, taroJSONStorage } from '../storage';

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

export const useLocaleStore = create<LocaleState>()(
  persist(
    (set) => ({
      locale: DEFAULT_LOCALE,
      setLocale: (locale) => set({ locale }),
    }),
    {
      name: STORAGE_KEYS.locale,
      storage: taroJSONStorage,
      version: 1,
      partialize: (state) => ({ locale: state.locale }),
      // A value written by another version of the app must not break the UI.
      merge: (persisted, current) => {
        const locale = (persisted as { locale?: unknown } | undefined)?.locale;
        return { ...current, locale: isLocale(locale) ? locale : current.locale };
      },
    },
  ),
);

export function getLocale(): Locale {
  return useLocaleStore.getState().locale;
}

// On h5, tell the browser (and screen readers) which language the page is in.
if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
  const applyLang = (locale: Locale) => {
    document.documentElement.lang = locale;
  };
  applyLang(getLocale());
  useLocaleStore.subscribe((state) => applyLang(state.locale));
}
