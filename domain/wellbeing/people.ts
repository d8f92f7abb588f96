/**
 * The people a text names, found once per text: the writer (我, I), other children, younger siblings,
 * older siblings and cousins, grown-ups, characters in a book, the reader (你, you), animals and things.
 * Rules ask who the words before a match are about, or who did something to the writer.
 */
import { type Lang } from './context';

/**
 * `family` is an older sibling or cousin (may be grown up); `sibling` a younger one; `thing` an animal
 * or an object (a ball, a cow), never a person a rule is about.
 */
export type Who = 'self' | 'child' | 'sibling' | 'family' | 'adult' | 'fiction' | 'reader' | 'thing' | 'unknown';

const ZH_MARKERS: [Who | 'pronoun' | 'neutral', string][] = [
  ['neutral', '我们|咱们|其他|其它|大家|自己|男女朋友'],
  ['fiction', '主人公|主角|作者|笔者|诗人|屈原|福贵|孔乙己|祥林嫂|鲁迅|哈姆雷特|书中|书里|小说|课文|电影|电视剧|剧中|剧里|故事|人物|动画片|动画|新闻|历史|古人|英雄|士兵|战士|角色|主持人'],
  ['family', '表姐|表哥|堂姐|堂哥|姐姐|哥哥|大姐|二姐|三姐|大哥|二哥|三哥|姐夫|嫂子|我哥|我姐'],
  ['sibling', '表妹|表弟|堂妹|堂弟|妹妹|弟弟'],
  ['child', '同学们|同学|同桌|男同学|女同学|男生|女生|学长|学姐|学弟|学妹|高年级|室友|舍友|男朋友|女朋友|好朋友|朋友|好友|闺蜜|小伙伴|伙伴|孩子|小孩|姑娘'],
  ['adult', '爸爸|老爸|父亲|妈妈|老妈|母亲|后妈|继母|后爸|继父|爷爷|奶奶|外公|外婆|姥姥|姥爷|叔叔|伯伯|伯父|大伯|舅舅|舅妈|婶婶|阿姨|姑姑|姑父|姨父|姨妈|小姨|大姨|二姨|三姨|小姑|大姑|二姑|三姑|二叔|三叔|小叔|大舅|二舅|小舅|二伯|表叔|表舅|表姑|幺爸|幺叔|幺姑|幺舅|老汉|嬢嬢|孃孃|舅公|姑婆|阿公|阿婆|阿爸|阿妈|后娘|老爹|我爹|我娘|老师|班主任|校长|教练|宿管|管理员|保安|门卫|司机|房东|老板娘|老板|店主|师傅|大人|家长|家里人|家人|屋头|屋里人|亲戚|邻居|父母|爸妈|老人|医生|警察|社工|男人|那个男的|男嘞|大叔|老头|干爹|村长|网友|媒婆|爸|妈|爹|娘'],
  ['thing', '小猫|小狗|猫|狗|牛|羊|马|猪|鸡|鹅|鸭|蜜蜂|篮球|足球|排球|皮球'],
  ['pronoun', '他们|她们|他|她'],
  ['reader', '你们|你|您'],
  ['self', '我'],
];

const EN_MARKERS: [Who | 'pronoun' | 'neutral', string][] = [
  ['self', "i|i['’]m|i['’]ve|i['’]d|i['’]ll|im|me|my|myself|mine"],
  ['neutral', 'we|us|our|everyone|everybody'],
  ['reader', 'you|your'],
  ['pronoun', 'he|she|him|her|his|they|them|their'],
  ['fiction', 'character|characters|author|writer|poet|hero|heroine|protagonist|hamlet|story|novel|book|poem|movie|film|drama|show|soldier|soldiers|qu yuan|news'],
  ['adult', 'brother-in-law|sister-in-law|dad|daddy|father|mum|mom|mommy|mother|mama|papa|stepdad|stepfather|stepmum|stepmom|stepmother|uncle|aunt|auntie|grandpa|grandma|grandfather|grandmother|granny|grandparents|teacher|teachers|boss|man|men|guy|woman|neighbou?r|parents|adult|adults|coach|principal|doctor|police|caseworker|landlord|guard|janitor|driver|owner|manager|warden'],
  ['thing', 'cat|dog|kitten|puppy|ball|cow|goat|horse|pig|chicken|goose|bee'],
  ['sibling', 'little brother|little sister|younger brother|younger sister|baby brother|baby sister'],
  ['child', 'friend|friends|classmate|classmates|deskmate|roommate|boy|boys|girl|girls|kid|kids|student|students|bestie|child|children'],
  ['family', 'older brother|older sister|big brother|big sister|cousin|sister|brother|stepbrother|stepsister'],
];

function markerPattern(markers: [string, string][], lang: Lang): RegExp {
  const groups = markers.map(([kind, words]) => `(?<${kind}>${words})`).join('|');
  return new RegExp(lang === 'zh' ? groups : `\\b(?:${groups})\\b`, 'g');
}
const MARKERS: Record<Lang, RegExp> = { zh: markerPattern(ZH_MARKERS, 'zh'), en: markerPattern(EN_MARKERS, 'en') };
const KINDS: Record<Lang, Person['kind'][]> = { zh: ZH_MARKERS.map(([kind]) => kind), en: EN_MARKERS.map(([kind]) => kind) };

/**
 * The Chinese markers are plain words, so they are found with one alternation without named groups (the
 * same words in the same order, so the same word wins) and their kind is looked up by the word: a text
 * with a person word every few characters costs much less that way.
 */
const ZH_WORDS = ZH_MARKERS.flatMap(([, words]) => words.split('|'));
const ZH_PLAIN = new RegExp(ZH_WORDS.join('|'), 'g');
const ZH_KIND = new Map<string, Person['kind']>();
for (const [kind, words] of ZH_MARKERS) for (const word of words.split('|')) if (!ZH_KIND.has(word)) ZH_KIND.set(word, kind);

export interface Person {
  kind: Who | 'pronoun' | 'neutral';
  at: number;
  end: number;
  /**
   * Named only as the owner of a thing (奶奶的安眠药, "my mom's pills"): not who the words are about,
   * though a later 她 / she may still mean them.
   */
  owner?: boolean;
}

/** A person word used as a modifier of a place (女生宿舍, 同学家, "the girls' dorm") names nobody. */
const MODIFIES_PLACE: Record<Lang, RegExp> = {
  zh: /^(?:宿舍|寝室|厕所|班|家|群|学校)/,
  en: /^['’]?s?\s+(?:dorm|toilet|bathroom|house|home|room|class|school)\b/,
};
/** 叔叔好！/ 姐姐：— the person greeted is the reader, not someone the letter is about. */
const SALUTATION: Record<Lang, RegExp> = { zh: /^(?:你好|您好|好[！!，,。\s~]|[：:])/, en: /(?!)/ };
/** X的Y / X's Y: the friend of an adult (爸爸的朋友, "dad's friend") is taken to be an adult. */
const POSSESSIVE: Record<Lang, RegExp> = { zh: /^的$/, en: /^['’]s\s+$/ };
/** An animal the writer tends (喂猪, 放羊, "feed the pigs") is an object, not who the words are about. */
const TENDED: Record<Lang, RegExp> = { zh: /(?:喂|养|放|赶|牵|遛|杀|宰|看|割)(?:了)?(?:几头|几只|一头|一只|家里的|家里)?$/, en: /\b(?:feed|feeding|fed|walk|walking|herd|herding|look after|looking after)\s+(?:the\s+|our\s+|my\s+)?$/ };

/** X的 / X's followed by a thing, not a person: X is named as an owner. */
const OWNS: Record<Lang, RegExp> = { zh: /^的/, en: /^['’]s\s/ };

/** A person named as company ("跟表姐去", "with my cousin") is not who the words are about. */
const COMPANION: Record<Lang, RegExp> = { zh: /(?:跟|和|同|陪|带着|跟着|随着|随)(?:我的?)?$/, en: /\bwith (?:my |his |her |our )?$/ };

/** 我们这种家庭的孩子 / "kids like me": the writer speaking of their own kind. */
const OWN_KIND: Record<Lang, RegExp> = { zh: /(?:我们|像我们?|我)(?:这种|这样的?|这类)[^，,。！？!?]{0,6}$/, en: /(?!)/ };

/** The same tests as MODIFIES_PLACE, SALUTATION and OWNS for Chinese, made at a position (sticky) instead of on a slice. */
const MODIFIES_PLACE_ZH_AT = new RegExp(MODIFIES_PLACE.zh.source.slice(1), 'y');
const SALUTATION_ZH_AT = new RegExp(SALUTATION.zh.source.slice(1), 'y');
const OWNS_ZH_AT = new RegExp(OWNS.zh.source.slice(1), 'y');
function testAt(re: RegExp, src: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(src);
}

/** Does the text end at `j` with 跟 / 和 / 同 / 陪 / 随 / 带着 / 跟着 / 随着? */
function endsWithCompanionZh(src: string, j: number): boolean {
  const last = src[j - 1] ?? '\n';
  return '跟和同陪随'.includes(last) || (last === '着' && '带跟随'.includes(src[j - 2] ?? '\n'));
}

/** COMPANION.zh (跟 / 和 / 带着… before, 我 or 我的 between), read backwards from `at` without a slice. */
function companionZh(src: string, at: number): boolean {
  if (endsWithCompanionZh(src, at)) return true;
  if (src[at - 1] === '我' && endsWithCompanionZh(src, at - 1)) return true;
  return src[at - 1] === '的' && src[at - 2] === '我' && endsWithCompanionZh(src, at - 2);
}

/** POSSESSIVE between [from, at): 的 alone in Chinese. */
function possessiveBetween(src: string, from: number, at: number, lang: Lang): boolean {
  return lang === 'zh' ? at - from === 1 && src[from] === '的' : POSSESSIVE[lang].test(src.slice(from, at));
}

/** The kind whose named group matched. */
function kindOfGroups(groups: Record<string, string | undefined> | undefined, lang: Lang): Person['kind'] {
  for (const k of KINDS[lang]) if (groups?.[k] !== undefined) return k;
  return 'neutral';
}

/** Every person named in the text, in order. */
export function findPeople(src: string, lang: Lang): Person[] {
  const zh = lang === 'zh';
  const re = zh ? ZH_PLAIN : MARKERS[lang];
  const out: Person[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const at = m.index;
    const end = at + m[0].length;
    if (zh ? testAt(MODIFIES_PLACE_ZH_AT, src, end) || testAt(SALUTATION_ZH_AT, src, end) : MODIFIES_PLACE[lang].test(src.slice(end, end + 8)) || SALUTATION[lang].test(src.slice(end, end + 3))) continue;
    let kind: Person['kind'];
    if (zh) kind = ZH_KIND.get(m[0]) ?? 'neutral';
    else {
      kind = kindOfGroups(m.groups, lang);
    }
    const previous = out[out.length - 1];
    if (previous?.kind === 'adult' && kind !== 'adult' && possessiveBetween(src, previous.end, at, lang)) kind = 'adult';
    if (zh ? companionZh(src, at) : COMPANION[lang].test(src.slice(Math.max(0, at - 12), at))) kind = 'neutral';
    if (kind === 'thing' && TENDED[lang].test(src.slice(Math.max(0, at - 12), at))) kind = 'neutral';
    if (kind === 'child' && OWN_KIND[lang].test(src.slice(Math.max(0, at - 16), at))) kind = 'self';
    if (previous?.owner && possessiveBetween(src, previous.end, at, lang)) previous.owner = false;
    out.push({ kind, at, end, owner: (kind !== 'self' && (zh ? testAt(OWNS_ZH_AT, src, end) : OWNS[lang].test(src.slice(end, end + 3)))) || undefined });
  }
  return out;
}

const RESOLVES_PRONOUN = new Set<Person['kind']>(['child', 'sibling', 'family', 'adult', 'fiction']);

/** The people named within [from, to) of a text, from `findPeople`'s list (binary search). */
export function peopleIn(people: readonly Person[], from: number, to: number): Person[] {
  let lo = 0;
  let hi = people.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (people[mid].at < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Person[] = [];
  for (let i = lo; i < people.length && people[i].end <= to; i++) out.push(people[i]);
  return out;
}

/**
 * Who the words in [from, to) are about: the last person named. A pronoun (他/她, he/she) is resolved
 * to the last person named before it, looking back a little further, or `unknown`. `notSelf` skips the
 * writer — for finding who did something *to* me.
 */
export function lastNamed(people: readonly Person[], from: number, to: number, lang: Lang, notSelf = false): Who {
  // (plain loops: this runs for every match a rule judges)
  const found = peopleIn(people, from, to);
  let last: Person | undefined;
  for (let i = found.length - 1; i >= 0 && !last; i--) {
    const p = found[i];
    if (p.kind !== 'neutral' && !p.owner && !(notSelf && p.kind === 'self')) last = p;
  }
  if (!last) return 'unknown';
  if (last.kind !== 'pronoun') return last.kind as Who;
  const earlier = peopleIn(people, Math.max(0, last.at - (lang === 'zh' ? 60 : 160)), last.at);
  for (let i = earlier.length - 1; i >= 0; i--) if (RESOLVES_PRONOUN.has(earlier[i].kind)) return earlier[i].kind as Who;
  return 'unknown';
}
