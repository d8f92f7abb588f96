import fs from 'node:fs';
import path from 'node:path';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { StateView } from '@/components/ui';
import { LanguageSwitch } from '@/features/settings';
import * as Taro from '@/test/taro-mock';
import { messageArguments } from '../../../domain/text/message-format';
import { format, LOCALES, t, translate, useLocaleStore, useT, type Locale } from '.';
import { enUS } from './locales/en-US';
import { zhCN } from './locales/zh-CN';
import { staffEnUS } from './staff/en-US';
import { staffZhCN } from './staff/zh-CN';

const placeholders = messageArguments;

const catalogSets: [string, Record<Locale, Record<string, string>>][] = [
  ['core', { 'zh-CN': { ...zhCN }, 'en-US': { ...enUS } }],
  ['staff', { 'zh-CN': { ...staffZhCN }, 'en-US': { ...staffEnUS } }],
];

describe.each(catalogSets)('the %s message catalog', (_name, catalogs) => {
  const [reference, ...others] = LOCALES;

  it.each(others)('%s has exactly the keys of zh-CN', (locale) => {
    expect(Object.keys(catalogs[locale]).sort()).toEqual(Object.keys(catalogs[reference]).sort());
  });

  it.each(others)('%s uses the same {placeholders} as zh-CN in every message', (locale) => {
    const mismatched = Object.keys(catalogs[reference]).filter(
      (key) => placeholders(catalogs[locale][key]).join() !== placeholders(catalogs[reference][key]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it.each(LOCALES)('%s has only well-formed templates (every plural closed, with an "other" form)', (locale) => {
    const malformed = Object.entries(catalogs[locale]).filter(([, text]) => {
      try {
        messageArguments(text);
        return false;
      } catch {
        return true;
      }
    });
    expect(malformed.map(([key]) => key)).toEqual([]);
  });

  it.each(LOCALES)('%s has no empty message', (locale) => {
    const empty = Object.entries(catalogs[locale]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });
});

describe('the staff catalog', () => {
  it('shares no key with the core catalog, so registering it overrides nothing', () => {
    expect(Object.keys(staffZhCN).filter((key) => key in zhCN)).toEqual([]);
  });

  it('is registered by every staff page entry, whichever page the app is opened on', () => {
    const pagesDir = path.join(__dirname, '../../packages/staff/pages');
    const withoutRegistration = fs
      .readdirSync(pagesDir)
      .filter((page) => !fs.readFileSync(path.join(pagesDir, page, 'index.tsx'), 'utf8').includes("import '@/lib/i18n/staff/register';"));
    expect(withoutRegistration).toEqual([]);
  });

  it('is found by t() only once the staff sub-package has registered it', () => {
    // A fresh module registry: translate.ts as the main package loads it, before any staff page.
    // (The locale store is stubbed because loading it again would load the Taro test double again.)
    jest.isolateModules(() => {
      jest.doMock('./locale-store', () => ({ getLocale: () => 'zh-CN' }));
      const fresh = jest.requireActual<{ translate: typeof translate }>('./translate');
      expect(fresh.translate('zh-CN', 'care.queueTitle')).toBe('care.queueTitle');
      expect(fresh.translate('en-US', 'common.retry')).toBe('Try again');

      jest.requireActual('./staff/register');
      expect(fresh.translate('zh-CN', 'care.queueTitle')).toBe('个案队列');
      expect(fresh.translate('en-US', 'care.queueTitle')).toBe('Care queue');
    });
    jest.dontMock('./locale-store');
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(translate('en-US', 'sponsor.greeting', { name: 'Lin' })).toBe('Hello, Lin');
    expect(translate('zh-CN', 'sponsor.greeting', { name: '林晓' })).toBe('林晓，你好');
  });

  it('chooses the English plural form by the count and keeps Chinese as it is', () => {
    expect(translate('en-US', 'pool.yearsToGraduation', { years: 1 })).toBe('About 1 year to graduation');
    expect(translate('en-US', 'pool.yearsToGraduation', { years: 3 })).toBe('About 3 years to graduation');
    expect(translate('zh-CN', 'pool.yearsToGraduation', { years: 1 })).toBe('距毕业约 1 年');
  });

  it('defaults to Chinese and follows the locale store', () => {
    expect(useLocaleStore.getState().locale).toBe('zh-CN');
    expect(t('common.retry')).toBe('重试');
    useLocaleStore.getState().setLocale('en-US');
    expect(t('common.retry')).toBe('Try again');
  });

  it('remembers the chosen language on the device and ignores a garbled stored value', async () => {
    useLocaleStore.getState().setLocale('en-US');
    expect(JSON.parse(String(Taro.getStorageSync('banxue.locale'))).state).toEqual({ locale: 'en-US' });

    Taro.setStorageSync('banxue.locale', JSON.stringify({ state: { locale: 'fr-FR' }, version: 1 }));
    await useLocaleStore.persist.rehydrate();
    expect(useLocaleStore.getState().locale).toBe('en-US');
  });
});

function Greeting() {
  const t = useT();
  return <p>{t('login.welcome')}</p>;
}

describe('switching language', () => {
  it('re-renders text in the new language', () => {
    render(
      <>
        <Greeting />
        <StateView state='loading' />
        <LanguageSwitch />
      </>,
    );
    expect(screen.getByText('欢迎来到伴学')).toBeInTheDocument();
    expect(screen.getByText('正在加载…')).toBeInTheDocument();
    expect(screen.getByTestId('locale-zh-CN')).toHaveAttribute('aria-checked', 'true');

    fireEvent.click(screen.getByTestId('locale-en-US'));

    expect(screen.getByText('Welcome to Banxue')).toBeInTheDocument();
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(screen.queryByText('欢迎来到伴学')).not.toBeInTheDocument();
    expect(screen.getByTestId('locale-en-US')).toHaveAttribute('aria-checked', 'true');

    act(() => useLocaleStore.getState().setLocale('zh-CN'));
    expect(screen.getByText('欢迎来到伴学')).toBeInTheDocument();
  });
});
