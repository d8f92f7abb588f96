import { enUS } from './locales/en-US';
import { zhCN } from './locales/zh-CN';
import { formatMessage, type MessageParams } from '../../../domain/text/message-format';
import { DEFAULT_LOCALE, getLocale, type Locale } from './locale-store';
import type { MessageKey } from './messages';

type Catalog = Partial<Record<MessageKey, string>>;

// The core catalog loads with the app; a sub-package adds its own text when its pages load, so that
// text is downloaded only by the people who open those pages.
const catalogs: Record<Locale, Catalog> = { 'zh-CN': { ...zhCN }, 'en-US': { ...enUS } };

/** Adds a sub-package's text to what `t()` finds. Called once, at module load, by that package's register module. */
export function registerCatalog(byLocale: Record<Locale, Catalog>): void {
  for (const locale of Object.keys(byLocale) as Locale[]) Object.assign(catalogs[locale], byLocale[locale]);
}

export type { MessageParams };
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Fills `{name}` placeholders and `{count, plural, one {# year} other {# years}}` forms (see domain/text/message-format). */
export function format(template: string, params?: MessageParams, locale: Locale = DEFAULT_LOCALE): string {
  return formatMessage(template, params, locale);
}

/** A key whose catalog is not registered yet falls back to zh-CN, then shows the key itself. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return format(catalogs[locale][key] ?? catalogs['zh-CN'][key] ?? key, params, locale);
}

/** For code outside React (the API client): translates in the locale chosen right now. */
export const t: Translate = (key, params) => translate(getLocale(), key, params);
