/**
 * Folding text for rules that read what people write (letter screening, wellbeing). Rules run on a
 * folded copy, and every character of the copy remembers where it came from, so a finding can always
 * point back at the passage as written.
 *
 * - full-width ASCII (１３８, ＠, ．, ａ) becomes ASCII, the ideographic space a plain space;
 * - zero-width characters and soft hyphens are dropped;
 * - traditional Chinese characters become simplified, one character at a time (OpenCC's character
 *   table, so offsets never shift);
 * - `lower` is the same copy case-folded (same length, same mapping).
 */
import { toSimplifiedChar } from './simplified';

export interface Folded {
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

export function foldText(original: string): Folded {
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
    else if (code >= 0x3400) ch = toSimplifiedChar(original[i]);
    else ch = original[i];
    const low = ch.toLowerCase();
    text += ch;
    lower += low.length === 1 ? low : ch;
    starts.push(i);
    ends.push(i + 1);
  }
  return { text, lower, starts, ends };
}

/** Maps a span of the folded text back to the original text. */
export function toOriginal(n: Folded, start: number, end: number): { start: number; end: number } {
  if (n.starts.length === 0) return { start: 0, end: 0 };
  const s = Math.min(Math.max(start, 0), n.starts.length - 1);
  const e = Math.min(Math.max(end - 1, s), n.ends.length - 1);
  return { start: n.starts[s], end: n.ends[e] };
}

/** The sentence around a position (bounded by 。！？!? and line breaks), as [start, end) in the folded text. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  const stop = /[。！？!?\n]/;
  let s = start;
  while (s > 0 && !stop.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && !stop.test(text[e])) e++;
  if (e < text.length) e++;
  return [s, e];
}
