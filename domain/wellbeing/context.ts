/**
 * What surrounds a match: the sentence it is in, whether it is negated, who it is about, and what kind of
 * passage it sits in (a book, a game, a safety lesson…). A `TextIndex` finds sentence and clause stops and
 * the people named once per text; each match then looks them up by binary search, so a rule costs about
 * the same per match on a long line without punctuation as on a short sentence.
 */
import { findPeople, lastNamed, peopleIn, type Person, type Who } from './people';

export type Lang = 'zh' | 'en';

// Emoji (high surrogates of the pictograph planes, dingbats) end a sentence as often as a full stop does.
const SENTENCE_STOP: Record<Lang, RegExp> = { zh: /[。！？!?；;\n\ud83c-\ud83e\u2600-\u27bf]/g, en: /[.!?;\n\ud83c-\ud83e\u2600-\u27bf]/g };
const CLAUSE_STOP = /[，,、：:；;。！？!?\n(（)）]/g;
const MAX_SENTENCE = 160;
const REACH: Record<Lang, number> = { zh: 24, en: 60 };

function stopsOf(src: string, re: RegExp): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) out.push(m.index);
  return out;
}

/** Index of the first element of sorted `list` that is ≥ `at`. */
function firstAtOrAfter(list: readonly number[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One text, indexed once. A sentence longer than the window is cut into windows aligned on a grid, so
 * that matches close to each other share one (and its cached answers) even in a line that never stops.
 */
export class TextIndex {
  private readonly sentenceStops: number[];
  private readonly clauseStops: number[];
  private peopleFound?: Person[];
  private readonly answers = new Map<RegExp, Map<number, boolean>>();

  constructor(
    readonly src: string,
    readonly lang: Lang,
  ) {
    this.sentenceStops = stopsOf(src, SENTENCE_STOP[lang]);
    this.clauseStops = stopsOf(src, CLAUSE_STOP);
  }

  /** Found on the first question about a person: most texts have no match that asks one. */
  private get people(): Person[] {
    return (this.peopleFound ??= findPeople(this.src, this.lang));
  }

  /** The sentence around [start, end), or a window of it (at least MAX_SENTENCE characters either side). */
  sentenceAround(start: number, end: number): [number, number] {
    const before = firstAtOrAfter(this.sentenceStops, start) - 1;
    const s = before >= 0 ? this.sentenceStops[before] + 1 : 0;
    const after = firstAtOrAfter(this.sentenceStops, end);
    const e = after < this.sentenceStops.length ? this.sentenceStops[after] : this.src.length;
    if (e - s <= 3 * MAX_SENTENCE) return [s, e];
    const grid = Math.floor(start / MAX_SENTENCE) * MAX_SENTENCE;
    return [Math.max(s, grid - MAX_SENTENCE), Math.min(e, Math.max(end, grid + 2 * MAX_SENTENCE))];
  }

  /**
   * The sentence before and the sentence after [start, end) of a sentence, each at most MAX_SENTENCE
   * characters: a disclosure told over two sentences (the hurt in one, who did it in the next).
   */
  neighbours(sentence: [number, number]): [number, number] {
    const i = firstAtOrAfter(this.sentenceStops, sentence[0]) - 1;
    // the stop that ends the sentence before (skipping the one right before this sentence)
    const prev = i - 1 >= 0 ? this.sentenceStops[i - 1] + 1 : 0;
    const j = firstAtOrAfter(this.sentenceStops, sentence[1]);
    const next = j + 1 < this.sentenceStops.length ? this.sentenceStops[j + 1] : this.src.length;
    return [Math.max(prev, sentence[0] - MAX_SENTENCE), Math.min(next, sentence[1] + MAX_SENTENCE)];
  }

  /** The start of the clause that ends at `at` (bounded by commas as well as sentence stops), at most `max` back. */
  clauseStart(at: number, max = 40): number {
    const before = firstAtOrAfter(this.clauseStops, at) - 1;
    return Math.max(before >= 0 ? this.clauseStops[before] + 1 : 0, at - max);
  }

  /** Does `re` (not global) match in the sentence? Answered once per sentence and expression. */
  test(sentence: [number, number], re: RegExp): boolean {
    let bySentence = this.answers.get(re);
    if (!bySentence) this.answers.set(re, (bySentence = new Map()));
    const key = sentence[0] * 65536 + (sentence[1] - sentence[0]);
    let found = bySentence.get(key);
    if (found === undefined) {
      found = re.test(this.src.slice(sentence[0], sentence[1]));
      bySentence.set(key, found);
    }
    return found;
  }

  has(sentence: [number, number], setting: Setting): boolean {
    return this.test(sentence, SETTINGS[this.lang][setting]);
  }

  /** The same, with [start, end) blanked out: the kind of passage is told by the words around a match, not by it. */
  hasOutside(sentence: [number, number], setting: Setting, start: number, end: number): boolean {
    if (!this.has(sentence, setting)) return false;
    const text = `${this.src.slice(sentence[0], start)}\n${this.src.slice(end, sentence[1])}`;
    return SETTINGS[this.lang][setting].test(text);
  }

  /** Who the words before `at` (from `from`, at most a few words back) are about; see `lastNamed`. */
  whoBefore(at: number, from: number, notSelf = false): Who {
    return lastNamed(this.people, Math.max(from, at - REACH[this.lang]), at, this.lang, notSelf);
  }

  /** Who [from, to) names (the last person but the writer); pronouns are not resolved. */
  whoIn(from: number, to: number): Who {
    const found = peopleIn(this.people, from, to);
    for (let i = found.length - 1; i >= 0; i--) {
      const kind = found[i].kind;
      if (kind !== 'neutral' && kind !== 'self') return kind === 'pronoun' ? 'unknown' : (kind as Who);
    }
    return 'unknown';
  }

  /** Does [from, to) name a person of this kind? */
  mentions(from: number, to: number, kind: Who): boolean {
    for (const p of peopleIn(this.people, from, to)) if (p.kind === kind) return true;
    return false;
  }

  /** Negation right before `at`: 不想自杀, 没有人欺负我, 从来没想过; "I don't want to die". */
  isNegated(at: number): boolean {
    const before = this.src.slice(this.clauseStart(at, this.lang === 'zh' ? 8 : 45), at);
    return NEGATED[this.lang].test(before) && !(this.lang === 'zh' && (QUESTION_ZH.test(before) || NOBODY_AROUND_ZH.test(before)));
  }
}

/** Negation right before a match: 不想自杀, 没有人欺负我, 从来没想过; "I don't want to die", "never thought about". */
const NEGATED: Record<Lang, RegExp> = {
  zh: /(?:不|没有?|没有?人|没谁|从来?不|从来?没有?|别|未曾?|绝不|决不|并不|并没有?|不再|不是|不会|不要|才不|也不)(?:再|会|是|曾|要|能|想过?|用)?(?:想过?|去|要|再)?(?:要)?$/,
  en: /\b(?:not|never|no|don['’]?t|do not|didn['’]?t|did not|doesn['’]?t|does not|won['’]?t|will not|wouldn['’]?t|would never|isn['’]?t|aren['’]?t|wasn['’]?t|nobody|no one|noone|(?:^|(?:i|to|please|will|can|should|must|just|finally|i['’]?ll|i['’]?ve|trying to|try to)\s+)stop(?:ped)?)\s+(?:(?:really|ever|even|want|wanna|to|try|think|thought|about|of|feel|like|plan|going|gonna|have|had|any|more|again)\s+){0,3}$/,
};

/** 趁家里没人 / 没人的时候: nobody around is when it happened (家里没人打我 stays a negation), not a negation of what follows (…脱我衣服). */
const NOBODY_AROUND_ZH = /(?:趁(?:着)?[^，,]{0,4}没(?:有)?人(?:在)?(?:家)?(?:的时候|时)?|没(?:有)?人(?:在)?(?:家)?(?:的时候|时))$/;

/** 是不是 / 会不会…: an A-not-A question, not a negation (我是不是不应该来到这个世界). */
const QUESTION_ZH = /(?:是不是|会不会|要不要|能不能|该不该|想不想|有没有)$/;

export type Setting = 'fiction' | 'game' | 'sport' | 'lesson' | 'accident' | 'meal' | 'hypothetical';

/** Words that say what kind of passage a sentence is. */
const SETTINGS: Record<Lang, Record<Setting, RegExp>> = {
  zh: {
    fiction: /《|》|小说|课文|书里|书中|这本书|故事|(?:警匪|恐怖|动作|武侠|战争|科幻)片|看了一部|里面的人|主人公|主角|男主|女主|作者|读后感|电影|电视剧|动画|剧里|剧中|纪录片|节目|诗|历史|战争|古代|新闻|屈原|福贵/,
    // games, and play-acting (a sketch in which the writer plays the bullied child)
    game: /游戏|警察抓小偷|捉迷藏|躲猫猫|过家家|老鹰捉小鸡|狼人杀|真心话大冒险|王者|吃鸡|和平精英|原神|我的世界|打怪|副本|boss|队友|复活|血条|击杀|开黑|手游|网游|关卡|小品|话剧|扮演|演了|我演|情景剧/,
    sport: /篮球|足球|排球|乒乓|羽毛球|网球|球拍|体育|跑步|比赛|训练|运动会|踢球|打球|跳绳|跳远|跳高|单杠|双杠|军训|拔河|跆拳道|武术|拳击|散打|柔道|空手道|摔跤|对练|滑板|轮滑|溜冰|滑冰|游泳课|舞蹈课|练舞/,
    lesson: /[防反].{0,4}(?:溺水|性侵|欺凌|霸凌|拐|诈骗|家暴)|心理老师|今天学了|学到了|老师(?:说|讲)(?:过)?(?:如果|有的|有些|有)|安全教育|安全课|教育课|讲座|班会|主题周|法制|法治|心理健康|心理课|宣传|演练|知识|警察|教我们|告诉我们|教大家|告诉大家|教育我们|提醒我们|让我们|学会保护|保护自己|的表现|(?:告诉我们|叫我们|让我们|老师说|警察说)(?:千万)?(?:不要|别|一定要|不能)/,
    accident: /(?:^|[^是])(?:不小心|摔|磕|碰到|滑倒|绊倒)/,
    meal: /体育|跑步|运动|打球|踢球|训练|放学|下课|中午|晚饭|午饭|早饭|饭点|吃饭|开饭|食堂|马上|一会|等会|快到|还没到|减肥|零食/,
    // a rule stated for anyone ("如果有人摸你"), not an event
    hypothetical: /(?:如果|要是|假如|万一|遇到|一旦)(?:在)?(?:网上|学校|路上)?(?:有|被)?(?:人|别人|陌生人|坏人|你|同学|大人)/,
  },
  en: {
    fiction: /\b(?:novel|story|stories|book|poem|poet|author|character|movie|film|documentary|drama|tv|series|show|hamlet|shakespeare|history|war|news|reading|read|chapter)\b/,
    game: /\b(?:game|games|gaming|minecraft|fortnite|roblox|pubg|level|respawn|boss|player|zombies?|maze|puzzle)\b/,
    sport: /\b(?:basketball|football|soccer|volleyball|badminton|pe|p\.e\.|match|training|ball|race|sports?|gym|running|tennis|table tennis|ping ?pong|paddle|racket|bat|boxing|karate|taekwondo|judo|wrestling|martial arts|sparring|dodgeball|kung fu|skateboard\w*|skating|rollerblad\w*|dance class|rehearsal)\b/,
    lesson: /\b(?:lesson|lessons|class about|talk about|talked about|talk on|taught us|told us|teach us|learned|learnt|(?:bullying|health|safety|awareness|prevention|fraud|scam|water|fire) (?:week|month|day)|assembly|campaign|police(?:man|woman)?|officer|safety|awareness|prevention|drill|workshop|posters?|counsell?or said|health class)\b|\b(?:told|tells|taught|teach) us\b|\b(?:teacher|officer|police\w*|counsell?or|doctor) (?:said|says|told)\b|\bsaid (?:to )?never\b/,
    accident: /\b(?:accident|accidentally|by mistake|fell|fall|slipped|tripped)\b/,
    meal: /\b(?:pe|p\.e\.|gym|run|running|practice|training|dinner|lunch|breakfast|supper|snack|after school|before|until|soon|smell|diet)\b/,
    hypothetical: /\b(?:if|what if|in case|whenever|when)\s+(?:someone|somebody|anyone|anybody|a stranger|strangers|people|you)\b/,
  },
};
