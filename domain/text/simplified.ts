import { ConverterFactory } from 'opencc-js/core';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import STCharacters from 'opencc-js/dict/STCharacters';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';

/**
 * Traditional → simplified, character by character: regional variants first (HK/TW forms such as
 * 裏 or 衞), then OpenCC's traditional-to-simplified character table. Only character tables are
 * loaded (about 60 KB), never the phrase dictionaries, so the app can carry it.
 */
const convert = ConverterFactory([HKVariantsRev, TWVariantsRev], [TSCharacters]);

/**
 * Characters that are simplified forms in their own right (they have a traditional form). A few
 * also appear on the traditional side of the tables — 么 as a Taiwanese variant of 幺 — and must not
 * be "simplified" again, or 什么 would read 什幺.
 */
const SIMPLIFIED = new Set(STCharacters.split('|').map((entry) => entry.split(' ')[0]));

const cache = new Map<string, string>();

/** The simplified form of one UTF-16 unit, or the unit itself when it has none of the same length. */
export function toSimplifiedChar(ch: string): string {
  let out = cache.get(ch);
  if (out === undefined) {
    const converted = SIMPLIFIED.has(ch) ? ch : convert(ch);
    out = converted.length === ch.length ? converted : ch;
    cache.set(ch, out);
  }
  return out;
}
