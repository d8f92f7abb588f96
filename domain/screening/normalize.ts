/**
 * Normalization for screening. Rules run on a folded copy of the letter, and every character of the
 * copy remembers where it came from, so a finding can always point back at the passage as written.
 *
 * - full-width ASCII (１３８, ＠, ．, ａ) becomes ASCII, the ideographic space a plain space;
 * - zero-width characters and soft hyphens are dropped;
 * - `lower` is the same copy case-folded (same length, same mapping).
 *
 * Digit runs (`digitRuns`) read Chinese numerals, circled digits and English digit words as digits
 * and skip the separators people put between digits to slip a number past a filter.
 */

export interface Normalized {
  /** Folded text, case preserved. */
  text: string;
  /** Folded text, lower-cased; same length and mapping as `text`. */
  lower: string;
  /** For each UTF-16 unit of `text`, its start offset in the original. */
  starts: number[];
  /** For each UTF-16 unit of `text`, its end offset (exclusive) in the original. */
  ends: number[];
}

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e]);

export function normalize(original: string): Normalized {
  let text = '';
  let lower = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    if (ZERO_WIDTH.has(code)) continue;
    let ch: string;
    if (code >= 0xff01 && code <= 0xff5e) ch = String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) ch = ' ';
    else ch = original[i];
    const low = ch.toLowerCase();
    text += ch;
    lower += low.length === 1 ? low : ch;
    starts.push(i);
    ends.push(i + 1);
  }
  return { text, lower, starts, ends };
}

/** Maps a span of the normalized text back to the original text. */
export function toOriginal(n: Normalized, start: number, end: number): { start: number; end: number } {
  if (n.starts.length === 0) return { start: 0, end: 0 };
  const s = Math.min(Math.max(start, 0), n.starts.length - 1);
  const e = Math.min(Math.max(end - 1, s), n.ends.length - 1);
  return { start: n.starts[s], end: n.ends[e] };
}

/** Chinese numerals read as digits inside a digit run (两 only between other digits). */
const CHINESE_DIGITS: Record<string, string> = {
  零: '0', 〇: '0', 洞: '0',
  一: '1', 壹: '1', 幺: '1', 么: '1',
  二: '2', 贰: '2', 两: '2',
  三: '3', 叁: '3',
  四: '4', 肆: '4',
  五: '5', 伍: '5',
  六: '6', 陆: '6',
  七: '7', 柒: '7', 拐: '7',
  八: '8', 捌: '8',
  九: '9', 玖: '9', 勾: '9',
};
/** Characters that only count as digits when the run has ordinary digits on both sides of them. */
const WEAK_DIGITS = new Set(['两', '洞', '拐', '勾', '么']);

const ENGLISH_DIGITS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};
const ENGLISH_DIGIT_WORD = /^(zero|one|two|three|four|five|six|seven|eight|nine)(?![a-z])/;

/** What people put between digits: spaces, dashes, dots, commas, slashes, brackets, emoji, keycap marks. */
function isSeparator(ch: string): boolean {
  if (' \t-.,、_/()[]{}—–~·*|+\'"'.includes(ch)) return true;
  const c = ch.charCodeAt(0);
  // surrogate halves (emoji and other astral symbols), variation selectors, combining keycap, misc symbols
  return (c >= 0xd800 && c <= 0xdfff) || c === 0xfe0f || c === 0x20e3 || (c >= 0x2600 && c <= 0x27bf);
}

export interface DigitRun {
  /** The digits read, e.g. '13800138000'; an 18-character ID may end in 'x'. */
  digits: string;
  /** Span in the normalized text. */
  start: number;
  end: number;
}

interface Token {
  digit: string;
  start: number;
  end: number;
  weak: boolean;
}

/** The maximum number of separator characters allowed between two digits of one run. */
const MAX_GAP = 3;

function tokenAt(lower: string, i: number): Token | null {
  const ch = lower[i];
  if (ch >= '0' && ch <= '9') return { digit: ch, start: i, end: i + 1, weak: false };
  const zh = CHINESE_DIGITS[ch];
  if (zh) return { digit: zh, start: i, end: i + 1, weak: WEAK_DIGITS.has(ch) };
  const c = ch.charCodeAt(0);
  if (c >= 0x2460 && c <= 0x2468) return { digit: String(c - 0x245f), start: i, end: i + 1, weak: false };
  if (c === 0x24ea) return { digit: '0', start: i, end: i + 1, weak: false };
  if (ch >= 'a' && ch <= 'z' && (i === 0 || !/[a-z]/.test(lower[i - 1]))) {
    const m = ENGLISH_DIGIT_WORD.exec(lower.slice(i, i + 6));
    if (m) return { digit: ENGLISH_DIGITS[m[1]], start: i, end: i + m[1].length, weak: false };
  }
  return null;
}

export function digitRuns(n: Normalized): DigitRun[] {
  const { lower } = n;
  const runs: DigitRun[] = [];
  let current: Token[] = [];

  const close = () => {
    // weak digits (两…) never start or end a run
    while (current.length && current[0].weak) current.shift();
    while (current.length && current[current.length - 1].weak) current.pop();
    if (current.length) {
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
    if (token) {
      if (current.length) {
        const last = current[current.length - 1];
        const gap = lower.slice(last.end, token.start);
        if (gap.length > MAX_GAP || ![...gap].every(isSeparator)) close();
      }
      current.push(token);
      i = token.end;
      continue;
    }
    if (!isSeparator(lower[i])) close();
    i++;
  }
  close();
  return runs;
}

/** The sentence around a position (bounded by 。！？!? and line breaks), as [start, end) in the normalized text. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  const stop = /[。！？!?\n]/;
  let s = start;
  while (s > 0 && !stop.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && !stop.test(text[e])) e++;
  if (e < text.length) e++;
  return [s, e];
}
