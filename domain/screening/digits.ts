/**
 * Digit runs: numbers as people write them to slip past a filter. Chinese numerals (一三八, 幺, 壹贰叁,
 * traditional 參 folded to 参), circled digits, English digit words (one three eight) and pinyin digit
 * syllables (yao san ba) all read as digits, and a run continues across up to three separator
 * characters (spaces, dashes, dots, commas, brackets, emoji, keycap marks).
 */
import { type Folded } from '../text/fold';

/** Chinese numerals read as digits inside a digit run. */
const CHINESE_DIGITS: Record<string, string> = {
  零: '0', 〇: '0', 洞: '0',
  一: '1', 壹: '1', 幺: '1', 么: '1',
  二: '2', 贰: '2', 两: '2',
  三: '3', 叁: '3', 参: '3',
  四: '4', 肆: '4',
  五: '5', 伍: '5',
  六: '6', 陆: '6',
  七: '7', 柒: '7', 拐: '7',
  八: '8', 捌: '8',
  九: '9', 玖: '9', 勾: '9',
};
/** Characters that only count as digits when the run has ordinary digits on both sides of them. */
const WEAK_DIGITS = new Set(['两', '洞', '拐', '勾', '么', '参']);

const WORD_DIGITS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  ling: '0', yi: '1', yao: '1', er: '2', san: '3', si: '4', wu: '5', liu: '6', qi: '7', ba: '8', jiu: '9',
};
const PINYIN_DIGITS = new Set(['ling', 'yi', 'yao', 'er', 'san', 'si', 'wu', 'liu', 'qi', 'ba', 'jiu']);
const DIGIT_WORD = /^(zero|one|two|three|four|five|six|seven|eight|nine|ling|yao|liu|jiu|san|yi|er|si|wu|qi|ba)(?![a-z])/;
/** A run of pinyin digits counts only this long: "Liu Yang", "gao yi" are names and words. */
const MIN_PINYIN_RUN = 4;

/** What people put between digits: spaces, dashes, dots, commas, slashes, brackets, emoji, keycap marks. */
const SEPARATORS = new Set(Array.from(' \t-.,、_/()[]{}—–~·*|+\'"', (ch) => ch.charCodeAt(0)));

function isSeparatorCode(c: number): boolean {
  // surrogate halves (emoji and other astral symbols), variation selectors, combining keycap, misc symbols
  return SEPARATORS.has(c) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfe0f || c === 0x20e3 || (c >= 0x2600 && c <= 0x27bf);
}

function isSeparator(ch: string): boolean {
  return isSeparatorCode(ch.charCodeAt(0));
}

export interface DigitRun {
  /** The digits read, e.g. '13800138000'; an 18-character ID may end in 'x'. */
  digits: string;
  /** Span in the folded text. */
  start: number;
  end: number;
}

interface Token {
  digit: string;
  start: number;
  end: number;
  weak: boolean;
  pinyin: boolean;
}

/** The most separator characters (code points) allowed between two digits of one run. */
const MAX_GAP = 3;

const CHINESE_DIGIT_CODES = new Map(Object.entries(CHINESE_DIGITS).map(([ch, d]) => [ch.charCodeAt(0), d]));
/** First letters of digit words (zero…nine, ling…jiu): other letters never start a digit. */
const DIGIT_WORD_INITIALS = new Set(Array.from('zotfsenlywqbj', (ch) => ch.charCodeAt(0)));

function isLetterCode(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

function tokenAt(lower: string, i: number): Token | null {
  const c = lower.charCodeAt(i);
  if (c >= 0x30 && c <= 0x39) return { digit: lower[i], start: i, end: i + 1, weak: false, pinyin: false };
  if (c >= 0x3007) {
    const zh = CHINESE_DIGIT_CODES.get(c);
    return zh ? { digit: zh, start: i, end: i + 1, weak: WEAK_DIGITS.has(lower[i]), pinyin: false } : null;
  }
  if (c >= 0x2460 && c <= 0x2468) return { digit: String(c - 0x245f), start: i, end: i + 1, weak: false, pinyin: false };
  if (c === 0x24ea) return { digit: '0', start: i, end: i + 1, weak: false, pinyin: false };
  if (DIGIT_WORD_INITIALS.has(c) && (i === 0 || !isLetterCode(lower.charCodeAt(i - 1)))) {
    const m = DIGIT_WORD.exec(lower.slice(i, i + 6));
    if (m) return { digit: WORD_DIGITS[m[1]], start: i, end: i + m[1].length, weak: false, pinyin: PINYIN_DIGITS.has(m[1]) };
  }
  return null;
}

function gapIsSeparators(lower: string, from: number, to: number): boolean {
  let points = 0;
  for (let i = from; i < to; i++) {
    const c = lower.charCodeAt(i);
    if (!isSeparatorCode(c)) return false;
    if (c < 0xdc00 || c > 0xdfff) points++;
    if (points > MAX_GAP) return false;
  }
  return true;
}

export function digitRuns(n: Folded): DigitRun[] {
  const { lower } = n;
  const runs: DigitRun[] = [];
  let current: Token[] = [];

  const close = () => {
    // weak digits (两…) never start or end a run
    while (current.length && current[0].weak) current.shift();
    while (current.length && current[current.length - 1].weak) current.pop();
    if (current.length && !(current[0].pinyin && current.length < MIN_PINYIN_RUN)) {
      let digits = current.map((t) => t.digit).join('');
      let end = current[current.length - 1].end;
      // an ID number's check character
      if (digits.length === 17) {
        let j = end;
        while (j < lower.length && j - end < 2 && isSeparator(lower[j])) j++;
        if (lower[j] === 'x' && !/[a-z]/.test(lower[j + 1] ?? '')) {
          digits += 'x';
          end = j + 1;
        }
      }
      runs.push({ digits, start: current[0].start, end });
    }
    current = [];
  };

  let i = 0;
  while (i < lower.length) {
    const token = tokenAt(lower, i);
    if (!token && !current.length) {
      i++;
      continue;
    }
    if (token) {
      if (current.length) {
        const last = current[current.length - 1];
        // pinyin syllables only join each other, so a name ("Liu 138…") never changes a number
        if (last.pinyin !== token.pinyin || !gapIsSeparators(lower, last.end, token.start)) close();
      }
      current.push(token);
      i = token.end;
      continue;
    }
    if (!isSeparatorCode(lower.charCodeAt(i))) close();
    i++;
  }
  close();
  return runs;
}

/** The index of the first run starting at or after `pos` (runs are in order). */
export function firstRunFrom(runs: readonly DigitRun[], pos: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
