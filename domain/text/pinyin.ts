import DICT1 from 'pinyin-pro/dist/esm/data/dict1.mjs';

const cache = new Map<string, string>();
const TONE_MARKS = /[\u0300\u0301\u0304\u030c]/g;

/**
 * The toneless pinyin of one Chinese character in its first reading ('wei' for 微, 薇 and 威), or ''
 * for anything else. Read from pinyin-pro's character dictionary alone — its word dictionaries and
 * segmenter are not needed for one character, and the app carries only what it reads. Cached per
 * character: a letter's pinyin costs a map lookup a character.
 */
export function pinyinOf(ch: string): string {
  let out = cache.get(ch);
  if (out === undefined) {
    const readings = DICT1.get(ch);
    out = readings ? readings.split(' ')[0].normalize('NFD').replace(TONE_MARKS, '').normalize('NFC') : '';
    if (!/^[a-zü]+$/.test(out)) out = '';
    cache.set(ch, out);
  }
  return out;
}
