import { type ScreeningCategory } from './types';
import { type Normalized } from './normalize';

/** A rule's match, as a span of the normalized text (mapped back to the original by `screenText`). */
export interface Hit {
  category: ScreeningCategory;
  start: number;
  end: number;
}

/** Runs a global regular expression over `source` and turns every match (or its `group`) into a hit. */
export function regexHits(
  source: string,
  re: RegExp,
  category: ScreeningCategory,
  accept: (m: RegExpExecArray) => boolean = () => true,
): Hit[] {
  const hits: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (accept(m)) hits.push({ category, start: m.index, end: m.index + m[0].length });
  }
  return hits;
}

/** A rule: reads the normalized letter (and its digit runs) and reports hits. */
export type Rule = (n: Normalized) => Hit[];

/** Chinese characters that never belong to a proper name (function words, pronouns, verbs of motion). */
export const NAME_STOP = '的了在是上下和与及跟同去到来看我你您他她它们这那哪里个就也还又要说很把被从给读考进入念叫为等年级班回离全整本别各每其所新好该想让过着吗呢吧啊后前不得对舍';

/** Walks back from `end` over CJK characters that can belong to a name; returns the name's start. */
export function nameStart(text: string, end: number, max: number, extraStop = ''): number {
  let s = end;
  while (s > 0 && end - s < max) {
    const ch = text[s - 1];
    const c = ch.charCodeAt(0);
    if (c < 0x4e00 || c > 0x9fff) break;
    if (NAME_STOP.includes(ch) || extraStop.includes(ch)) break;
    s--;
  }
  return s;
}
