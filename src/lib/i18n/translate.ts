import { enUS } from './locales/en-US';
import { zhCN } from './locales/zh-CN';
import { getLocale, type Locale } from './locale-store';
import type { MessageKey, Messages } from './messages';

export const catalogs: Record<Locale, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const PLACEHOLDER = /\{(\w+)\}/g;

export function format(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return format(catalogs[locale][key] ?? catalogs['zh-CN'][key] ?? key, params);
}

/** For code outside React (the API client): translates in the locale chosen right now. */
export const t: Translate = (key, params) => translate(getLocale(), key, params);
