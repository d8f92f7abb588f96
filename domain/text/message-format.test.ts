import { fallbackPluralCategory, formatMessage, messageArguments, pluralCategory } from './message-format';
import type * as MessageFormat from './message-format';

const YEARS = '{count, plural, =0 {not yet} one {# year} other {# years}}';

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('{a} and {b}', { a: 1 }, 'en-US')).toBe('1 and {b}');
    expect(formatMessage('no placeholders', undefined, 'en-US')).toBe('no placeholders');
  });

  it('chooses the English plural form by the number', () => {
    expect(formatMessage(YEARS, { count: 1 }, 'en-US')).toBe('1 year');
    expect(formatMessage(YEARS, { count: 3 }, 'en-US')).toBe('3 years');
    expect(formatMessage(YEARS, { count: 0 }, 'en-US')).toBe('not yet');
    expect(formatMessage(YEARS, { count: '1' }, 'en-US')).toBe('1 year');
  });

  it('uses "other" for every number in Chinese', () => {
    expect(formatMessage('{n, plural, one {# 个（one）} other {# 个}}', { n: 1 }, 'zh-CN')).toBe('1 个');
  });

  it('fills placeholders inside a branch and keeps text around the plural', () => {
    const template = 'You uploaded {count, plural, one {# photo} other {# photos}}; {unsent, plural, one {# was} other {# were}} never sent to {name}.';
    expect(formatMessage(template, { count: 1, unsent: 2, name: 'Lin' }, 'en-US')).toBe('You uploaded 1 photo; 2 were never sent to Lin.');
    expect(formatMessage('{n, plural, one {{who} has # alert} other {{who} has # alerts}}', { n: 2, who: 'Wang' }, 'en-US')).toBe('Wang has 2 alerts');
  });

  it('keeps apostrophes and stray braces as plain text', () => {
    expect(formatMessage("{ngo}'s {n, plural, one {# letter} other {# letters}} {not a placeholder}", { ngo: 'A', n: 1 }, 'en-US')).toBe(
      "A's 1 letter {not a placeholder}",
    );
  });

  it('shows a plural without its number as the bare placeholder', () => {
    expect(formatMessage(YEARS, {}, 'en-US')).toBe('{count}');
  });

  it('refuses a malformed plural instead of showing half of it', () => {
    expect(() => formatMessage('{n, plural, one {# year}}', { n: 1 }, 'en-US')).toThrow(/other/);
    expect(() => formatMessage('{n, plural, one {# year} other {# years}', { n: 1 }, 'en-US')).toThrow(/malformed/);
    expect(() => formatMessage('{n, plural, one {# year other {# years}}', { n: 1 }, 'en-US')).toThrow();
  });
});

describe('plural categories', () => {
  it('follows Intl.PluralRules where the engine has it', () => {
    expect(pluralCategory('en-US', 1)).toBe('one');
    expect(pluralCategory('en-US', 2)).toBe('other');
    expect(pluralCategory('zh-CN', 1)).toBe('other');
  });

  it('falls back to the English and Chinese rules without Intl.PluralRules', () => {
    expect([0, 1, 2, 21].map((n) => fallbackPluralCategory('en-US', n))).toEqual(['other', 'one', 'other', 'other']);
    expect([0, 1, 2].map((n) => fallbackPluralCategory('zh-CN', n))).toEqual(['other', 'other', 'other']);
  });

  it('still writes "1 year" on an engine without Intl.PluralRules', () => {
    const original = Intl.PluralRules;
    try {
      Object.defineProperty(Intl, 'PluralRules', { value: undefined, configurable: true, writable: true });
      jest.isolateModules(() => {
        const fresh = jest.requireActual<typeof MessageFormat>('./message-format');
        expect(fresh.formatMessage(YEARS, { count: 1 }, 'en-US')).toBe('1 year');
        expect(fresh.formatMessage(YEARS, { count: 2 }, 'en-US')).toBe('2 years');
      });
    } finally {
      Object.defineProperty(Intl, 'PluralRules', { value: original, configurable: true, writable: true });
    }
  });
});

describe('message arguments', () => {
  it('lists simple and plural arguments, including those inside branches', () => {
    expect(messageArguments('{b} {a, plural, one {# {c}} other {# {c}s}}')).toEqual(['a', 'b', 'c']);
  });
});
