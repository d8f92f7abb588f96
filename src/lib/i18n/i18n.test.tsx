import { act, fireEvent, render, screen } from '@testing-library/react';
import { StateView } from '@/components/ui';
import { LanguageSwitch } from '@/features/settings';
import * as Taro from '@/test/taro-mock';
import { catalogs, format, LOCALES, t, translate, useLocaleStore, useT, type Locale } from '.';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  const [reference, ...others] = LOCALES;

  it.each(others)('%s has exactly the keys of zh-CN', (locale) => {
    expect(Object.keys(catalogs[locale]).sort()).toEqual(Object.keys(catalogs[reference]).sort());
  });

  it.each(others)('%s uses the same {placeholders} as zh-CN in every message', (locale) => {
    const mismatched = Object.keys(catalogs[reference]).filter((key) => {
      const k = key as keyof (typeof catalogs)[Locale];
      return placeholders(catalogs[locale][k]).join() !== placeholders(catalogs[reference][k]).join();
    });
    expect(mismatched).toEqual([]);
  });

  it.each(LOCALES)('%s has no empty message', (locale) => {
    const empty = Object.entries(catalogs[locale]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(translate('en-US', 'sponsor.greeting', { name: 'Lin' })).toBe('Hello, Lin');
    expect(translate('zh-CN', 'sponsor.greeting', { name: '林晓' })).toBe('林晓，你好');
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
