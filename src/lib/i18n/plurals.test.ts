import { parseMessage } from '../../../domain/text/message-format';
import { enUS } from './locales/en-US';
import { zhCN } from './locales/zh-CN';
import { staffEnUS } from './staff/en-US';
import { staffZhCN } from './staff/zh-CN';

/**
 * An English message where a number meets a noun must choose the noun's form by the number
 * (`{count, plural, one {# year} other {# years}}`), or it reads "1 years". A placeholder holds a
 * number when the Chinese message puts a measure word or unit after it ("{count} 名学生", "{hours} 小时");
 * the check finds every such placeholder that the English message fills in as it is and follows, within
 * three words, by a plural-looking word ("{count} contact attempts", "{n} were"). A range
 * ("{min}–{max} days") is always plural and is left alone.
 */
const MEASURE_WORDS = ['个', '名', '位', '封', '张', '条', '次', '年', '岁', '天', '小时', '分钟', '秒', '笔', '项', '字', '段', '周', '月', '人', '份', '件', '篇'];
const COUNTED = new RegExp(`\\{(\\w+)\\}\\s*(?:${MEASURE_WORDS.join('|')})`, 'g');

function countPlaceholders(chinese: string): Set<string> {
  return new Set([...chinese.matchAll(COUNTED)].map((match) => match[1]));
}

const NOT_PLURAL_NOUNS = new Set(['as', 'is', 'has', 'was', 'this', 'its', 'us', 'yes', 'less', 'unless', 'always', 'across', 'perhaps', 'does', 'goes']);
const PLURAL_WITHOUT_S = new Set(['people', 'children', 'are', 'were', 'have']);

function looksPlural(word: string): boolean {
  const lower = word.toLowerCase();
  if (PLURAL_WITHOUT_S.has(lower)) return true;
  return /^[a-z]+s$/.test(lower) && !/(ss|us|is)$/.test(lower) && !NOT_PLURAL_NOUNS.has(lower);
}

/** The text of a message with every plural form (already number-aware) blanked out. */
function outsidePlurals(template: string): string {
  return parseMessage(template)
    .map((part) => (typeof part === 'string' ? part : 'arg' in part && !('branches' in part) ? `{${part.arg}}` : ' ¶ '))
    .join('');
}

function countedNounsWithoutPlural(template: string, counts: Set<string>): string[] {
  const text = outsidePlurals(template);
  const found: string[] = [];
  for (const match of text.matchAll(/(^|[^–-])\{(\w+)\}((?:\s+[A-Za-z]+)+)/g)) {
    if (!counts.has(match[2])) continue;
    const words = match[3].trim().split(/\s+/).slice(0, 3);
    if (words.some(looksPlural)) found.push(`{${match[2]}}${match[3]}`);
  }
  return found;
}

const english: [string, string][] = [...Object.entries(enUS), ...Object.entries(staffEnUS)];
const chinese: Record<string, string> = { ...zhCN, ...staffZhCN };

describe('English messages with a count', () => {
  it('never write "(s)"', () => {
    expect(english.filter(([, text]) => text.includes('(s)')).map(([key]) => key)).toEqual([]);
  });

  it('choose the plural form by the number wherever a number meets a noun', () => {
    const missing = english.flatMap(([key, text]) => countedNounsWithoutPlural(text, countPlaceholders(chinese[key])).map((where) => `${key}: ${where}`));
    expect(missing).toEqual([]);
  });

  it('the check itself finds a count without a plural form and accepts one with it', () => {
    const counts = countPlaceholders('{count} 条 {n}次 {unsent} 张 {min}–{max} 天 {ngo}接受了');
    expect([...counts].sort()).toEqual(['count', 'max', 'n', 'unsent']);
    expect(countedNounsWithoutPlural('Based on {count} alerts', counts)).toEqual(['{count} alerts']);
    expect(countedNounsWithoutPlural('{n} contact attempts', counts)).toEqual(['{n} contact attempts']);
    expect(countedNounsWithoutPlural('{unsent} were never sent', counts)).toEqual(['{unsent} were never sent']);
    expect(countedNounsWithoutPlural('Based on {count, plural, one {# alert} other {# alerts}}', counts)).toEqual([]);
    expect(countedNounsWithoutPlural('{min}–{max} days', counts)).toEqual([]);
    expect(countedNounsWithoutPlural('{ngo} takes over', counts)).toEqual([]);
  });
});
