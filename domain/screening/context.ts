/**
 * What the rules share about a passage's surroundings: its sentence and clause, and — for the rules
 * that read intent (requests, channels, secrecy, meetings, money) — who is speaking to whom, whether
 * the sentence asks, whether it is negated, and whether the partner organisation is arranging things.
 */

/** A sentence longer than this is read in pieces of this length, so every rule stays linear in the letter. */
const LONGEST_SENTENCE = 300;

function endsSentence(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '。' || ch === '！' || ch === '？' || ch === '!' || ch === '?' || ch === '\n') return true;
  // an English full stop, not a decimal point, a domain's dot or an abbreviation inside a word
  return ch === '.' && /[a-z)]/.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? ' ');
}

/** Where each sentence of the last text ends (exclusive), computed once per text: rules ask many times. */
let sentencesOf: string | null = null;
let sentenceEnds: number[] = [];

function ends(text: string): number[] {
  if (text !== sentencesOf) {
    sentenceEnds = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      if (endsSentence(text, i) || i + 1 - start >= LONGEST_SENTENCE) {
        sentenceEnds.push(i + 1);
        start = i + 1;
      }
    }
    if (start < text.length || text.length === 0) sentenceEnds.push(text.length);
  }
  // keep this very string, so the next calls compare by reference, not character by character
  sentencesOf = text;
  return sentenceEnds;
}

/** The index of the sentence holding position `pos`. */
function sentenceIndex(list: number[], pos: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The sentence around a span, as [start, end) — bounded by 。！？!?, line breaks and English full stops
 * (unlike `sentenceAround` of domain/text, which keeps "3.5" and "www.x.com" whole by ignoring every
 * full stop; here a full stop ends a sentence only after a letter and before a space).
 */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  const list = ends(text);
  const first = sentenceIndex(list, start);
  const last = sentenceIndex(list, Math.max(start, end - 1));
  return [first === 0 ? 0 : list[first - 1], list[last]];
}

/**
 * A test of the sentence around a position, computed once per sentence: a letter that names an app
 * two thousand times must not be read two thousand times.
 */
export function perSentence(lower: string, test: (sentence: string) => boolean): (pos: number) => boolean {
  return perSentenceValue(lower, test);
}

/** Anything read from the sentence around a position, computed once per sentence. */
export function perSentenceValue<T>(lower: string, read: (sentence: string, start: number) => T): (pos: number) => T {
  const memo = new Map<number, T>();
  return (pos) => {
    const [s, e] = sentenceAround(lower, pos, pos);
    if (memo.has(s)) return memo.get(s) as T;
    const result = read(lower.slice(s, e), s);
    memo.set(s, result);
    return result;
  };
}

/** The text of the sentence around a span. */
export function sentenceOf(text: string, start: number, end = start): string {
  const [s, e] = sentenceAround(text, start, end);
  return text.slice(s, e);
}

const CLAUSE_BREAKS = new Set(Array.from('，,;；。！？!?\n：:—', (ch) => ch.charCodeAt(0)));

/** Where a clause starts: after the last comma, semicolon, colon, sentence end or line break before `i`. */
export function clauseStart(lower: string, i: number, max = 40): number {
  let s = i;
  while (s > 0 && i - s < max && !CLAUSE_BREAKS.has(lower.charCodeAt(s - 1))) s--;
  return s;
}

/** The partner organisation and its people, in a sentence that arranges something through them. */
export const NGO =
  /基金会|机构|社工|项目|公益组织|组织的|伴学|平台|夏令营|\bngo\b|caseworker|case worker|social worker|charity|foundation|programme|program\b|organi[sz]ation|organi[sz]ed by|the app\b|banxue/;
/** Going around the organisation: "不用经过基金会", "not through anyone else", "directly". */
export const BYPASS =
  /偷偷|瞒着|别告诉|不要告诉|\bsecret|don't tell|不用经过|不经过|不通过|不用通过|绕过|别经过|私下|直接(?:给|寄|转|打|联系)|not through|without (?:going through|the ngo|telling)|outside (?:the|this) (?:app|programme|program)|不用(?:麻烦|找|经过|通过|告诉)(?:基金会|机构|社工|项目|平台)|(?:别|不要)(?:找|麻烦)(?:基金会|机构)|directly\b|just from me|no need to tell|without telling|\bmyself\b|between (?:you and me|us)|no need to go through|don't need to go through|without going through|skip the (?:ngo|charity|foundation|programme|program)|bypass/;

/** People other than the writer and the reader. */
export const OTHERS_ZH =
  '我妈|我爸|老妈|老爸|它们|它|同学|朋友|老师|家人|妈妈|爸爸|父母|爸妈|外婆|外公|奶奶|爷爷|姥姥|姥爷|姐姐|哥哥|弟弟|妹妹|表哥|表姐|表弟|表妹|堂哥|堂姐|亲戚|同桌|室友|舍友|社工|舅舅|姑姑|阿姨们|叔叔们|班主任|校长|儿子|女儿|老公|老婆|先生|太太|丈夫|妻子|同事|老板|外甥|侄子|孙子|孙女|家里人|大家|他们|她们|他|她';
export const OTHERS_EN =
  'grandma|grandpa|grandmother|grandfather|granny|mom|mum|mama|dad|papa|mother|father|parents|aunt|auntie|uncle|cousin|friends?|classmates?|teachers?|brother|sister|son|daughter|husband|wife|kids|children|nephew|niece|colleagues?|boss|family|roommates?|deskmate|everyone|he|she|they|people';

/** A sentence that asks for something (question, polite request). */
export const ASKING_ZH = /呗|嘛|能不能|可不可以|可以|能否|能|请|麻烦|求|吗|呢|吧|？|\?|好不好|行不行|怎么样|要不|不如|想让|希望|拜托|帮忙/;
export const ASKING_EN =
  /\b(?:could|can|would|will|shall) (?:you|we|i)\b|\bplease\b|\bpls\b|\blet'?s\b|\bhow about\b|\bwhy don'?t\b|\bmaybe (?:we|you)\b|\bi need you\b|\bi want you\b|\bif you (?:can|could)\b|\bhope you (?:can|could|will)\b|\bgive me\b|\btell me\b|\blet me know\b|\bsend me\b|\bso (?:that )?i can\b|\byou (?:can|could) (?:give|send|lend|transfer|pay|help)\b|\?/;

/** Negation right before a phrase: "不能去看你", "I can't visit you". */
export const NEGATED_ZH = /(?:不|没|别|无法|没法|不能|不会|不可能|不要|不用)$/;
/** "能不能", "可不可以": a question, not a negation. */
const QUESTION_ZH = /(?:能不能|可不可以|会不会|要不要|能否|是不是|行不行|好不好|要不)$/;

/** Whether the phrase at `index` is negated ("不能借", but not "能不能借"). */
export function negatedZh(lower: string, index: number): boolean {
  const before = lower.slice(Math.max(0, index - 4), index);
  return NEGATED_ZH.test(before) && !QUESTION_ZH.test(before);
}

export const NEGATED_EN = /(?:can't|cannot|can not|won't|will not|couldn't|could not|not|never|unable to|no)(?: \w+){0,2} $/;

/**
 * Who the letter speaks to. Chinese letters often address the reader by a kinship word instead of
 * 你 — "姐姐好！…姐姐可以打给我妈妈吗？", "叔叔您好，…叔叔能不能来我家" — and the same words name a
 * third party elsewhere ("我姐姐在县城读书"). The greeting decides: the word it uses for the reader is
 * the reader wherever it stands alone (not "我姐姐", "社工姐姐", "表姐姐").
 */
const GREETING_KIN =
  /^[\s\S]{0,6}?(?:亲爱的|敬爱的|尊敬的|dear\s?)?[\u4e00-\u9fff]{0,3}?(姐姐|哥哥|叔叔|阿姨|伯伯|爷爷|奶奶|姐|哥|姨|叔)(?:[，,：:！!～~\s]|你好|您好|好)/;
/** Characters that make the kinship word someone else's: 我姐姐, 社工姐姐, 表姐姐, 她哥哥. */
const KIN_OWNER = /[我的表堂工他她你您亲大小二三四老]$/;

/** A kinship word spoken to: "叔叔能不能…", "阿姨，您…", "姐姐你…" at the start of a clause. */
const VOCATIVE_KIN = /(?:^|[，,。！？!?\n～~])\s?(姐姐|哥哥|叔叔|阿姨|伯伯)(?:[，,]?\s?(?:你|您)|能不能|可不可以|可以|能否|能|会不会|要不要|什么时候|有空|有没有)/;

/** The kinship word the greeting (or, failing one, a question) addresses the reader by, if any. */
export function readerKin(lower: string): string | null {
  const m = GREETING_KIN.exec(lower.slice(0, 24)) ?? VOCATIVE_KIN.exec(lower);
  return m ? m[1] : null;
}

/**
 * The letter as the intent rules read it: the reader's kinship word, where it stands for the reader,
 * written as 你 (one 你 per character, so every offset stays the same).
 */
export function readerView(lower: string): string {
  const kin = readerKin(lower);
  if (!kin) return lower;
  let out = '';
  let from = 0;
  for (let i = lower.indexOf(kin); i >= 0; i = lower.indexOf(kin, i + kin.length)) {
    // a longer kinship word holding this one (姐 in 姐姐, 姐夫) is someone else
    const next = lower[i + kin.length] ?? '';
    if (kin.length === 1 && /[姐哥姨叔夫妹弟]/.test(next)) continue;
    if (KIN_OWNER.test(lower.slice(Math.max(0, i - 1), i))) continue;
    out += lower.slice(from, i) + '你'.repeat(kin.length);
    from = i + kin.length;
  }
  return out + lower.slice(from);
}
