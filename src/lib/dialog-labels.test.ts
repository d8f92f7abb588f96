import fs from 'node:fs';
import path from 'node:path';
import { LOCALES, type Locale } from './i18n';
import { enUS } from './i18n/locales/en-US';
import { zhCN } from './i18n/locales/zh-CN';
import { staffEnUS } from './i18n/staff/en-US';
import { staffZhCN } from './i18n/staff/zh-CN';
import { BUTTON_WIDTH_LIMIT, DIALOG_BUTTON_KEYS, ICON_TOAST_WIDTH_LIMIT, platformWidth, SUCCESS_TOAST_KEYS } from './dialog-labels';

const catalogs: Record<Locale, Record<string, string>> = {
  'zh-CN': { ...zhCN, ...staffZhCN },
  'en-US': { ...enUS, ...staffEnUS },
};

/** The labels of `keys` that the platform would refuse or cut in `locale`, with their width. */
const overLimit = (locale: Locale, keys: readonly string[], limit: number) =>
  keys.map((key) => ({ key, text: catalogs[locale][key] })).filter(({ text }) => text === undefined || /[{}]/.test(text) || platformWidth(text) > limit);

describe('platformWidth (as Taro h5 and WeChat measure a label)', () => {
  it('counts a Chinese or full-width character as two and ASCII as one', () => {
    expect(platformWidth('确认退回')).toBe(8);
    expect(platformWidth('Sign out')).toBe(8);
    expect(platformWidth('OK了')).toBe(4);
    expect(platformWidth('Ｏ…')).toBe(4);
  });
});

describe.each(LOCALES)('dialog texts in %s', (locale) => {
  it(`every dialog button fits ${BUTTON_WIDTH_LIMIT} (4 Chinese characters), with no placeholder`, () => {
    expect(overLimit(locale, DIALOG_BUTTON_KEYS, BUTTON_WIDTH_LIMIT)).toEqual([]);
  });

  it(`every success toast fits ${ICON_TOAST_WIDTH_LIMIT} (7 Chinese characters), with no placeholder`, () => {
    expect(overLimit(locale, SUCCESS_TOAST_KEYS, ICON_TOAST_WIDTH_LIMIT)).toEqual([]);
  });
});

describe('the one dialog helper', () => {
  const sourceRoot = path.resolve(__dirname, '..');
  const sources = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'test' ? [] : sources(full);
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
    });

  // A call (`Taro.showModal(`, `showToast(`) or an import of one (`{ showModal }`); prose in comments is not.
  const opensDialog = /\.show(?:Modal|Toast)\b|\bshow(?:Modal|Toast)\s*[(,}]/;

  it('is the only code that opens a modal or a toast, so every label goes through the lists above', () => {
    const helper = path.join(sourceRoot, 'lib', 'dialog.ts');
    const callers = sources(sourceRoot)
      .filter((file) => file !== helper && opensDialog.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(sourceRoot, file));
    expect(callers).toEqual([]);
  });
});
