import { type Folded } from '../text/fold';
import { type Hit, isHan, nameStart, nextMatch, notAfterChar, regexHits } from './hit';
import { sentenceAround } from './context';

/** Endings of Chinese school names, longest first. */
const ZH_SUFFIX =
  /(职业技术学校|职业技术学院|外国语学校|高级中学|初级中学|完全中学|实验中学|实验小学|实验学校|职业学院|职业学校|职业中学|技工学校|技术学校|卫生学校|师范学校|师范学院|中心小学|民族中学|附属中学|附属小学|中心校|书院|中学(?!生)|小学(?!生)|学院|大学(?!生)|附中|附小|完小|职中|职高|技校|卫校|学校|国中|国小|高中(?!生)|初中(?!生)|第[一二三四五六七八九十\d]{1,3}(?:中心小学|高级中学|初级中学|职业中学|中学|小学|高中|初中)|[一二三四五六七八九十\d]{1,3}中(?![学心间午文国期秋旬])|[一二三四五六七八九十\d]{1,2}小(?![学时块会部碗口段杯片把步点些组孩朋伙妹弟姐哥声心]))/g;
/** Everyday words that begin place names (新民, 前进, 和平, 后山, 全胜, 好汉坡): a name may start with one before 镇/乡/村. */
const PLACE_NAME_WORDS = '新前和后全好';
/** What still ends such a name: "我在新民镇…" stops at 在. */
const NAME_STOP_STRICT = '的了在是上下和与及跟同去到来看我你您他她它们这那哪个就也还又要说很把被从给读考进入念叫为等年级班回离';

/** "市立", "县立"… and a short name before a school's ending. */
const PUBLIC_SCHOOL = /((?:市|县|区|省|国|私|公|镇|乡)立)[\u4e00-\u9fff]{1,5}$/;
/** "我的学校名字就是…", "我们学校的全名叫…": the writer is giving their school's name, however it is spelled out. */
const SCHOOL_NAME_GIVEN = /(?:我的|我们的?|我)(?:学校|中学|小学|初中|高中)(?:的)?(?:名字|全名|名称|校名)(?:就|其实|刚好|正好)?(?:是|叫)(?!什么|啥)/g;

/** Numbered schools ("岷县一中", "文县第三中学") need only one character of place name. */
const NUMBERED = /^第?[一二三四五六七八九十\d]/;
/** Universities named as a dream ("我想考清华大学", "I want to go to Tsinghua University") are not the writer's school. */
const UNIVERSITY = /^(?:大学|学院|university|college)$/;
const ASPIRATION_ZH = /想|梦想|理想|希望|目标|愿望|向往|将来|以后|长大/;
const ASPIRATION_EN = /\b(?:dream|dreams|want|wants|hope|hopes|wish|goal|aim|someday|one day|would like|'d like|future|apply)\b/;

/**
 * Words that make a school name generic when nothing else is left ("希望小学", "乡中心小学",
 * "师范大学", "县城高中"). A name is specific if something other than these remains.
 */
const GENERIC = [
  '职业技术', '外国语', '寄宿制', '中心', '希望', '实验', '重点', '普通', '名牌', '民办', '公办', '公立', '私立', '寄宿',
  '乡村', '农村', '县城', '城里', '本地', '当地', '附近', '老家', '外地', '城市', '全国', '国外', '师范', '科技', '理工',
  '医科', '农业', '工业', '财经', '美术', '音乐', '体育', '职业', '技术', '艺术', '警察', '军事', '医', '乡', '镇', '县',
  '市', '省', '村', '区', '州', '山区', '一所', '那所', '这所', '某',
];

/** What is left of a name once its generic words are taken off. */
function specificPart(name: string): string {
  let rest = name;
  let changed = true;
  while (rest && changed) {
    changed = false;
    for (const g of GENERIC) {
      // single characters (镇, 县) are only generic at the end: "镇雄" is a name, "龙泉关镇" a place
      if (g.length > 1 && rest.startsWith(g)) {
        rest = rest.slice(g.length);
        changed = true;
      } else if (rest.endsWith(g)) {
        rest = rest.slice(0, rest.length - g.length);
        changed = true;
      }
    }
  }
  return rest;
}

/** Generic words in English school names; a name needs something besides these. */
const EN_GENERIC = new Set(
  'my our the a an this that his her their your every in at to of and for i we my county town village city provincial key public private boarding middle high primary elementary junior senior secondary vocational technical experimental normal school college university academy institute affiliated foreign language languages international new old local best good big small hope project'.split(
    ' ',
  ),
);

const EN_SCHOOL =
  /((?:(?:[A-Z][A-Za-z'’-]{0,24}|No\.?\s?\d{1,2}|of|and)\s+){1,7})(School|College|University|Academy|Institute)(?![a-z])/g;
/** "Xinhua Primary", "Dongfeng Middle": a name and a level without the word "School". */
const EN_SHORT = /((?:[A-Z][A-Za-z'’-]{0,24}\s+){1,4})(Primary|Middle|Secondary)(?!\s+(?:[Ss]chool|[Cc]ollege))(?![A-Za-z])/g;
const EN_UNIVERSITY_OF = /(?:University|College|Institute) of (?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+){0,3}/g;
const EN_NUMBERED = /no\.?\s?\d{1,2}\s+(?:middle|high|primary|senior high|junior high|secondary|vocational)\s+school/gi;

/** School names in pinyin: "zhen xiong xian di yi zhong xue", "Liangshan Minzu Zhongxue", "Er Zhong". */
const PINYIN_SCHOOL = /((?:[a-z]{2,12} ){1,4})(?:zhong ?xue|xiao ?xue|gao ?zhong|chu ?zhong|xue ?xiao)(?![a-z])/g;
const PINYIN_STOP = new Set('wo ni ta men women zai de shang du qu dao lai zhe na le shi hen hao ji ban nian de hai ye he gen de yi'.split(' '));
/** Pinyin words that only appear in place and school names: 县, 镇, 乡, 民族, 实验, 第一… */
const PINYIN_PLACE = /\b(?:xian|zhen|xiang|zhou|minzu|shiyan|zhongxin|shili|xianli|di ?(?:yi|er|san|si|wu|liu|qi|ba|jiu|shi))\b/;
/** English words that can stand before a pinyin name ("Dear Xiaoxue" is a girl, not a primary school). */
const ENGLISH_BEFORE = /^(?:dear|hi|hello|hey|to|from|love|sister|brother|auntie|aunt|uncle|little|my|our|your|miss|mr|mrs|ms|teacher|and|with|for)$/;
const PINYIN_NUMBERED = /(?:Yi|Er|San|Si|Wu|Liu|Qi|Ba|Jiu|Shi)(?:[ -]?Zhong|zhong)(?![a-z])/g;

/** Latin names start where a word starts (a lookbehind each; see `notAfterChar`). */
const AFTER_LETTER = notAfterChar('A-Za-z');
/** "中小学" is schools in general, not a primary school called 中. */
const NOT_MIDDLE_AND_PRIMARY = (m: RegExpExecArray, source: string) => m[0] === '小学' && source[m.index - 1] === '中';

export function findSchools(n: Folded): Hit[] {
  const hits: Hit[] = [];
  const { lower, text } = n;
  const aspired = (start: number, re: RegExp) => {
    const [s] = sentenceAround(lower, start, start);
    return re.test(lower.slice(s, start));
  };

  ZH_SUFFIX.lastIndex = 0;
  for (let m = nextMatch(ZH_SUFFIX, lower, NOT_MIDDLE_AND_PRIMARY); m; m = nextMatch(ZH_SUFFIX, lower, NOT_MIDDLE_AND_PRIMARY)) {
    let start = nameStart(lower, m.index, 12, '一二三四五六七八九十第');
    // Taiwan's public schools: "台南市立后甲国中" (后 would end a name elsewhere)
    const publicSchool = PUBLIC_SCHOOL.exec(lower.slice(Math.max(0, m.index - 8), m.index));
    if (publicSchool) start = Math.min(start, nameStart(lower, m.index - publicSchool[0].length + publicSchool[1].length, 8));
    // place names made of everyday words: "新民镇中心小学", "前进乡小学", "和平村小学" (a place word before the ending)
    if (start > 0 && /[镇乡村县区市]$/.test(lower.slice(start, m.index)) && PLACE_NAME_WORDS.includes(lower[start - 1])) {
      const from = --start;
      while (start > 0 && from - start < 3 && isHan(lower[start - 1]) && !NAME_STOP_STRICT.includes(lower[start - 1])) start--;
    }
    const name = lower.slice(start, m.index);
    // a bare 学校 needs a place in its name ("龙泉关镇学校"), or "周末学校" would count
    const placed = m[0] !== '学校' || /[县市镇乡村区州]$/.test(name);
    const specific = specificPart(name);
    const named = NUMBERED.test(m[0]) ? name.length >= 2 && specific.length >= 1 : specific.length >= 2;
    if (placed && named && !(UNIVERSITY.test(m[0]) && aspired(start, ASPIRATION_ZH))) {
      hits.push({ category: 'school', start, end: m.index + m[0].length });
    }
  }

  hits.push(...regexHits(lower, SCHOOL_NAME_GIVEN, 'school'));

  EN_SCHOOL.lastIndex = 0;
  for (let m = nextMatch(EN_SCHOOL, text, AFTER_LETTER); m; m = nextMatch(EN_SCHOOL, text, AFTER_LETTER)) {
    const words = m[1].trim().split(/\s+/);
    const numbered = /No\.?\s?\d/.test(m[1]);
    const proper = words.some((w) => /^[A-Z]/.test(w) && !EN_GENERIC.has(w.toLowerCase()) && !/^No\.?$/.test(w));
    if (!(numbered || proper)) continue;
    if (UNIVERSITY.test(m[2].toLowerCase()) && aspired(m.index, ASPIRATION_EN)) continue;
    // start at the first word that is not a sentence-opening generic word ("My", "Our")
    let offset = 0;
    for (const w of words) {
      if (!EN_GENERIC.has(w.toLowerCase()) || /^(middle|high|primary|no\.?)$/i.test(w)) break;
      offset = m[1].indexOf(w, offset) + w.length;
      while (/\s/.test(m[1][offset] ?? '')) offset++;
    }
    hits.push({ category: 'school', start: m.index + offset, end: m.index + m[0].length });
  }
  EN_SHORT.lastIndex = 0;
  for (let m = nextMatch(EN_SHORT, text, AFTER_LETTER); m; m = nextMatch(EN_SHORT, text, AFTER_LETTER)) {
    const words = m[1].trim().split(/\s+/);
    const proper = words.filter((w) => !EN_GENERIC.has(w.toLowerCase()));
    if (proper.length === 0) continue;
    const offset = m[1].indexOf(proper[0]);
    hits.push({ category: 'school', start: m.index + offset, end: m.index + m[0].length });
  }
  for (const re of [EN_UNIVERSITY_OF, EN_NUMBERED, PINYIN_NUMBERED]) {
    re.lastIndex = 0;
    for (let m = nextMatch(re, text, AFTER_LETTER); m; m = nextMatch(re, text, AFTER_LETTER)) {
      if (re === EN_UNIVERSITY_OF && aspired(m.index, ASPIRATION_EN)) continue;
      hits.push({ category: 'school', start: m.index, end: m.index + m[0].length });
    }
  }
  PINYIN_SCHOOL.lastIndex = 0;
  const pinyinSuffix = /xue|zhong/.test(lower);
  for (let m = pinyinSuffix ? nextMatch(PINYIN_SCHOOL, lower, AFTER_LETTER) : null; m; m = nextMatch(PINYIN_SCHOOL, lower, AFTER_LETTER)) {
    const words = m[1].trim().split(' ');
    if (PINYIN_STOP.has(words[words.length - 1]) && words[words.length - 1] !== 'yi') continue;
    if (!words.some((w) => !PINYIN_STOP.has(w) && w.length >= 3)) continue;
    // a place word, or a capitalised name that is not an English word: "Liangshan Minzu Zhongxue"
    const original = text.slice(m.index, m.index + m[0].length);
    const lastWord = words[words.length - 1];
    const capitalised = new RegExp(`[A-Z]${lastWord.slice(1)} [A-Z]`).test(original) && !ENGLISH_BEFORE.test(lastWord);
    if (!PINYIN_PLACE.test(m[1]) && !capitalised) continue;
    // the name starts after "wo zai …"
    let start = m.index;
    for (const w of words) {
      if (!PINYIN_STOP.has(w) || w === 'yi') break;
      start = lower.indexOf(w, start) + w.length + 1;
    }
    hits.push({ category: 'school', start, end: m.index + m[0].length });
  }
  return hits;
}
