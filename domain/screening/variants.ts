/**
 * A few characters screening reads as their everyday equivalents, on top of `foldText`: 妳 (Taiwan's
 * "you", for a woman) as 你, 牠 as 它, the curly apostrophe ’ as ', so "don’t" is "don't", and the
 * commonest written Cantonese words as their Mandarin ones (我哋 → 我们, 嚟 → 来, 唔 → 不, 佢 → 他,
 * 屋企 → 家里, 倾偈 → 聊天), so "你嚟香港玩啦，住我屋企" reads as "你来香港玩啦，住我家里". Each is
 * one UTF-16 unit for one (a two-character word for a two-character word), so the map to the original
 * is unchanged.
 */
import { type Folded } from '../text/fold';

const EVERYDAY: Record<string, string> = {
  妳: '你',
  牠: '它',
  '\u2019': "'",
  哋: '们',
  嚟: '来',
  唔: '不',
  佢: '他',
  冇: '没',
  啲: '些',
  嘅: '的',
  咗: '了',
  喺: '在',
  俾: '给',
};
/** Two-character Cantonese words, as two-character Mandarin ones. */
const WORDS: Record<string, string> = { 屋企: '家里', 倾偈: '聊天', 同埋: '还有', 乜嘢: '什么', 唔好: '不要' };
/** Every word and character to rewrite, longest first: one scan of the letter finds them all. */
const FIND = new RegExp(`${Object.keys(WORDS).join('|')}|[${Object.keys(EVERYDAY).join('')}]`, 'g');

/** The positions to rewrite and what each becomes. */
function rewrites(s: string): Map<number, string> {
  const at = new Map<number, string>();
  FIND.lastIndex = 0;
  for (let m = FIND.exec(s); m; m = FIND.exec(s)) {
    const to = WORDS[m[0]] ?? EVERYDAY[m[0]];
    for (let k = 0; k < m[0].length; k++) at.set(m.index + k, to[k]);
  }
  return at;
}

function apply(s: string, at: Map<number, string>): string {
  let out = '';
  let from = 0;
  for (const [i, ch] of at) {
    out += s.slice(from, i) + ch;
    from = i + 1;
  }
  return out + s.slice(from);
}

export function foldVariants(f: Folded): Folded {
  const at = rewrites(f.text);
  return at.size ? { ...f, text: apply(f.text, at), lower: apply(f.lower, at) } : f;
}
