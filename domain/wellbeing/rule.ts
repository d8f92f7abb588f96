import { type WellbeingCategory } from './types';
import { TextIndex, type Lang, type Setting } from './context';
import { type Who } from './people';

/** A rule's match, as a span of the folded text (mapped back to the original by `assessWellbeing`). */
export interface Hit {
  category: WellbeingCategory;
  start: number;
  end: number;
}

/** A match being judged: where it is, and questions a rule may ask about its surroundings. */
export class Match {
  readonly sentence: [number, number];
  readonly src: string;
  readonly lang: Lang;
  constructor(
    private readonly index: TextIndex,
    readonly start: number,
    readonly end: number,
    readonly groups: Record<string, string | undefined>,
  ) {
    this.src = index.src;
    this.lang = index.lang;
    this.sentence = index.sentenceAround(start, end);
  }

  get sentenceText(): string {
    return this.src.slice(this.sentence[0], this.sentence[1]);
  }

  /** The start of the clause the match is in. */
  clauseStart(): number {
    return this.index.clauseStart(this.start);
  }

  /**
   * Who the words before the match are about (see `lastNamed`); `at` defaults to the match start, and
   * `inClause` looks no further back than the clause.
   */
  who(opts: { notSelf?: boolean; at?: number; inClause?: boolean } = {}): Who {
    const at = opts.at ?? this.start;
    const from = opts.inClause ? Math.max(this.sentence[0], this.index.clauseStart(at)) : this.sentence[0];
    return this.index.whoBefore(at, from, opts.notSelf);
  }

  /** Who a captured group of the match names (the actor of 被…打, "by my uncle"). */
  whoInGroup(name: string): Who {
    const words = this.groups[name];
    if (!words) return 'unknown';
    const at = this.src.indexOf(words, this.start);
    return this.index.whoIn(at, at + words.length);
  }

  /** Does the sentence, anywhere, name a person of this kind (not as an owner or company)? */
  sentenceMentions(kind: Who): boolean {
    return this.index.mentions(this.sentence[0], this.sentence[1], kind);
  }

  /** Does the sentence before, this one or the one after name a person of this kind? */
  nearbyMentions(kind: Who): boolean {
    const [from, to] = this.index.neighbours(this.sentence);
    return this.index.mentions(from, to, kind);
  }

  /** Does `re` (not global) match in the sentence before, this one or the one after? */
  nearbyHas(re: RegExp): boolean {
    const [from, to] = this.index.neighbours(this.sentence);
    return re.test(this.src.slice(from, to));
  }

  /** Does the sentence, up to the match, name a person of this kind? */
  mentionedBefore(kind: Who): boolean {
    return this.index.mentions(this.sentence[0], this.start, kind);
  }

  isNegated(): boolean {
    return this.index.isNegated(this.start);
  }

  /** Does the match itself name the writer (等我走了, 家里就剩我一个人, "I'm useless")? Then it is about the writer. */
  namesWriterItself(): boolean {
    const text = this.src.slice(this.start, this.end);
    return this.lang === 'zh' ? /我(?!们)|^自己/.test(text) : /\b(?:i|i['’]m|im|me|my|myself)\b/.test(text);
  }

  /**
   * Is the sentence of this kind (a book, a game, an accident…)? An accident is judged by the words outside
   * the match: 拿头往柜子上磕 is not made an accident by its own 磕. (Other kinds may legitimately overlap
   * the match: 如果被人打了 is a rule stated for anyone.)
   */
  in(setting: Setting): boolean {
    return setting === 'accident' ? this.index.hasOutside(this.sentence, setting, this.start, this.end) : this.index.has(this.sentence, setting);
  }

  /** Does `re` (not global) match in the sentence? */
  sentenceHas(re: RegExp): boolean {
    return this.index.test(this.sentence, re);
  }

  /** Does the clause holding the match name the writer (我 / I, me, my)? */
  namesWriter(): boolean {
    const clause = this.src.slice(this.clauseStart(), this.end);
    return this.lang === 'zh' ? /我(?!们)/.test(clause) : /\b(?:i|me|my|myself|i['’]m)\b/.test(clause);
  }

  /** Does the sentence name the writer anywhere? */
  namesWriterInSentence(): boolean {
    return this.lang === 'zh' ? /我(?!们)/.test(this.sentenceText) : /\b(?:i|me|my|myself|i['’]m)\b/.test(this.sentenceText);
  }

  /** The text around the match, `reach` characters either side. */
  around(reach: number): string {
    return this.src.slice(Math.max(0, this.start - reach), Math.min(this.src.length, this.end + reach));
  }

  /** The same, with the match itself cut out (a line break in its place). */
  aroundWithout(reach: number): string {
    return `${this.src.slice(Math.max(0, this.start - reach), this.start)}\n${this.src.slice(this.end, Math.min(this.src.length, this.end + reach))}`;
  }
}

export interface Rule {
  /** The category, or a choice made from the match (e.g. by who did it); null drops the match. */
  category: WellbeingCategory | ((m: Match) => WellbeingCategory | null);
  /** Global. Runs on the folded, lower-cased text. */
  pattern: RegExp;
  /**
   * Whom the words must be about: `writer` drops matches about another person named before them
   * ("奶奶说她活不长了"); `child` also keeps another child ("my friend said she wants to die"), see docs.
   */
  about?: 'writer' | 'child';
  /** Negation right before the match drops it (default true). */
  negatable?: boolean;
  /** Kinds of passage that drop the match. A book or a lesson is ignored when the clause names the writer. */
  notIn?: Setting[];
  /** Tested on the sentence: drops the match. */
  unless?: RegExp;
  /** Tested on the few characters right after the match: drops it ("want to die *of embarrassment*"). */
  unlessAfter?: RegExp;
  /** Tested on the text within `NEAR` characters: the match counts only with it. */
  near?: RegExp;
  /** Like `near`, but the match itself is left out: a second, different cue must be there. */
  nearOther?: RegExp;
}

const NEAR = 120;
/** A caseworker needs a few passages, not every one of hundreds: a rule stops after this many findings. */
const MAX_HITS_PER_RULE = 16;
/**
 * …and after judging this many matches (a text that repeats a trigger hundreds of times, each dropped by
 * its surroundings, would otherwise cost a judgement each; no real letter comes near it).
 */
const MAX_JUDGED_PER_RULE = 160;
const AFTER = 24;
const SOFT_SETTINGS: Setting[] = ['fiction', 'lesson'];
const ABOUT: Record<'writer' | 'child', Who[]> = { writer: ['self', 'unknown'], child: ['self', 'unknown', 'child', 'sibling', 'family'] };

function judge(rule: Rule, m: Match): WellbeingCategory | null {
  if (rule.negatable !== false && m.isNegated()) return null;
  if (rule.unless && m.sentenceHas(rule.unless)) return null;
  if (rule.unlessAfter?.test(m.src.slice(m.end, m.end + AFTER))) return null;
  if (rule.near && !rule.near.test(m.around(NEAR))) return null;
  if (rule.nearOther && !rule.nearOther.test(m.aroundWithout(NEAR))) return null;
  for (const setting of rule.notIn ?? []) {
    if (m.in(setting) && !(SOFT_SETTINGS.includes(setting) && m.namesWriter())) return null;
  }
  if (rule.about && !m.namesWriterItself() && !ABOUT[rule.about].includes(m.who())) return null;
  return typeof rule.category === 'function' ? rule.category(m) : rule.category;
}

export function runRules(rules: readonly Rule[], src: string, lang: Lang): Hit[] {
  const index = new TextIndex(src, lang);
  const hits: Hit[] = [];
  for (const rule of rules) {
    // a cue that is nowhere in the text cannot be near any match: skip the rule (same result, less work)
    if ((rule.near && !rule.near.test(src)) || (rule.nearOther && !rule.nearOther.test(src))) continue;
    const re = rule.pattern;
    re.lastIndex = 0;
    let accepted = 0;
    let judged = 0;
    for (let found = re.exec(src); found && accepted < MAX_HITS_PER_RULE && judged < MAX_JUDGED_PER_RULE; found = re.exec(src)) {
      if (found[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      judged++;
      const m = new Match(index, found.index, found.index + found[0].length, found.groups ?? {});
      const category = judge(rule, m);
      if (category) {
        hits.push({ category, start: m.start, end: m.end });
        accepted++;
      }
    }
  }
  return hits;
}

/** A regular expression from pieces, so long alternations can be written one phrase group a line. */
export function anyOf(...parts: string[]): RegExp {
  return new RegExp(parts.join('|'), 'g');
}

/** One character of the same clause (for bounded gaps such as `${CLAUSE}{0,6}`). */
export const CLAUSE = '[^，,。！？!?；;\\n]';
/** An optional apostrophe, straight or curly (don't, don’t, dont). */
export const APOS = "['’]?";
