import { type ScreeningCategory } from './types';

/** A rule's match, as a span of the folded text (mapped back to the original by `screenText`). */
export interface Hit {
  category: ScreeningCategory;
  start: number;
  end: number;
}

/**
 * Whether the match may not start where it does — what a negative lookbehind would say. Screening runs
 * in the mini-program, and older iOS WebViews have no lookbehind (`(?<!…)`), so no rule uses one: a rule
 * that must not start after certain characters says so here, and the search goes on one character later,
 * exactly as a lookbehind would make it.
 */
export type Blocked = (m: RegExpExecArray, source: string) => boolean;

/** The next match of a global (or sticky) `re` in `source` from `re.lastIndex` that is not blocked. */
export function nextMatch(re: RegExp, source: string, blocked?: Blocked): RegExpExecArray | null {
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (!blocked || !blocked(m, source)) return m;
    re.lastIndex = m.index + 1;
  }
  return null;
}

/** Blocks a match whose preceding character is in `chars` (a character-class body, e.g. 'a-z0-9'). */
export function notAfterChar(chars: string): Blocked {
  const re = new RegExp(`[${chars}]`);
  return (m, source) => m.index > 0 && re.test(source[m.index - 1]);
}

/** Blocks a match when the text right before it matches `before` (which should end in `$`). */
export function notAfter(before: RegExp, reach = 8): Blocked {
  return (m, source) => m.index > 0 && before.test(source.slice(Math.max(0, m.index - reach), m.index));
}

/**
 * The same for a rule that starts with a run of letters or digits ("an e-mail address starts where a
 * word starts"), where retrying one character later would read a long run again at every character:
 * `(^|[^…])` in front of the pattern, as its first group, takes the character before instead, and the
 * hit starts after it. The rule's own groups are numbered from 2.
 */
export function leadHits(source: string, re: RegExp, category: ScreeningCategory, accept: (m: RegExpExecArray) => boolean = () => true): Hit[] {
  const hits: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const start = m.index + m[1].length;
    if (start === m.index + m[0].length) {
      re.lastIndex = m.index + 1;
      continue;
    }
    if (accept(m)) hits.push({ category, start, end: m.index + m[0].length });
    // the next match may need this match's last character as its lead
    re.lastIndex = Math.max(start + 1, m.index + m[0].length - 1);
  }
  return hits;
}

/** `(^|[^chars])`: the lead group of `leadHits`. */
export function lead(chars: string): string {
  return `(^|[^${chars}])`;
}

/** Runs a global regular expression over `source` and turns every accepted match into a hit. */
export function regexHits(
  source: string,
  re: RegExp,
  category: ScreeningCategory,
  accept: (m: RegExpExecArray) => boolean = () => true,
  blocked?: Blocked,
): Hit[] {
  const hits: Hit[] = [];
  re.lastIndex = 0;
  for (let m = nextMatch(re, source, blocked); m; m = nextMatch(re, source, blocked)) {
    if (accept(m)) hits.push({ category, start: m.index, end: m.index + m[0].length });
  }
  return hits;
}

/** Chinese characters that never belong to a proper name (function words, pronouns, verbs of motion). */
export const NAME_STOP = '的了在是上下和与及跟同去到来看我你您他她它们这那哪里个就也还又要说很把被从给读考进入念叫为等年级班回离全整本别各每其所新好该想让过着吗呢吧啊后前不得对舍';

export function isHan(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** Walks back from `end` over Chinese characters that can belong to a name; returns the name's start. */
export function nameStart(text: string, end: number, max: number, extraStop = ''): number {
  let s = end;
  while (s > 0 && end - s < max) {
    const ch = text[s - 1];
    // 里 ends a phrase ("村里的") except at the end of a place name ("特木里镇", "万里路")
    const placeName = ch === '里' && /[镇乡村县区市街路]/.test(text[s] ?? '');
    if (!isHan(ch) || ((NAME_STOP.includes(ch) || extraStop.includes(ch)) && !placeName)) break;
    s--;
  }
  return s;
}

/** A regular expression for any one of `alternatives` (regular-expression sources): `(?:a|b|…)`, between `around`. */
export function anyOf(alternatives: readonly string[], flags = 'g', around: readonly [string, string] = ['', '']): RegExp {
  return new RegExp(`${around[0]}(?:${alternatives.join('|')})${around[1]}`, flags);
}
