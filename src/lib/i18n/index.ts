export type { Messages, MessageKey } from './messages';
export { LOCALES, DEFAULT_LOCALE, isLocale, getLocale, useLocaleStore, type Locale } from './locale-store';
export { format, translate, t, type Translate, type MessageParams } from './translate';
export { useT, useLocale } from './use-t';
