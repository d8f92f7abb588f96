import { type Normalized } from './normalize';
import { type Hit, nameStart } from './hit';

/** Endings of Chinese school names, longest first. */
const ZH_SUFFIX =
  /(职业技术学校|职业技术学院|外国语学校|高级中学|初级中学|完全中学|实验中学|实验小学|实验学校|职业学院|职业学校|职业中学|技工学校|技术学校|卫生学校|师范学校|师范学院|中心小学|民族中学|附属中学|附属小学|中心校|中学(?!生)|小学(?!生)|学院|大学(?!生)|附中|附小|完小|职中|技校|学校|(?:第)?[一二三四五六七八九十\d]{1,3}中(?![学心间午文国期秋旬])|第[一二三四五六七八九十\d]{1,3}(?:高级中学|中学|小学|高中|初中))/g;

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

function isGeneric(name: string): boolean {
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
  return rest.length < 2;
}

/** Generic words in English school names; a name needs something besides these. */
const EN_GENERIC = new Set(
  'my our the a an this that his her their your every in at to of and for i we my county town village city provincial key public private boarding middle high primary elementary junior senior secondary vocational technical experimental normal school college university academy institute affiliated foreign language languages international new old local best good big small'.split(
    ' ',
  ),
);

const EN_SCHOOL =
  /(?<![A-Za-z])((?:(?:[A-Z][A-Za-z'’-]*|No\.?\s?\d{1,2}|of|and)\s+){1,7})(School|College|University|Academy|Institute)(?![a-z])/g;
const EN_UNIVERSITY_OF = /(?<![A-Za-z])(?:University|College|Institute) of (?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+){0,3}/g;
const EN_NUMBERED = /(?<![a-z])no\.?\s?\d{1,2}\s+(?:middle|high|primary|senior high|junior high|secondary|vocational)\s+school/gi;

export function findSchools(n: Normalized): Hit[] {
  const hits: Hit[] = [];
  const { lower, text } = n;

  ZH_SUFFIX.lastIndex = 0;
  for (let m = ZH_SUFFIX.exec(lower); m; m = ZH_SUFFIX.exec(lower)) {
    const start = nameStart(lower, m.index, 12, '一二三四五六七八九十第');
    const name = lower.slice(start, m.index);
    // a bare 学校 needs a place in its name ("龙泉关镇学校"), or "周末学校" would count
    const placed = m[0] !== '学校' || /[县市镇乡村区州]$/.test(name);
    if (name.length >= 2 && placed && !isGeneric(name)) {
      hits.push({ category: 'school', start, end: m.index + m[0].length });
    }
  }

  EN_SCHOOL.lastIndex = 0;
  for (let m = EN_SCHOOL.exec(text); m; m = EN_SCHOOL.exec(text)) {
    const words = m[1].trim().split(/\s+/);
    const numbered = /No\.?\s?\d/.test(m[1]);
    const proper = words.some((w) => /^[A-Z]/.test(w) && !EN_GENERIC.has(w.toLowerCase()) && !/^No\.?$/.test(w));
    if (numbered || proper) {
      // start at the first word that is not a sentence-opening generic word ("My", "Our")
      let offset = 0;
      for (const w of words) {
        if (!EN_GENERIC.has(w.toLowerCase()) || /^(middle|high|primary|no\.?)$/i.test(w)) break;
        offset = m[1].indexOf(w, offset) + w.length;
        while (/\s/.test(m[1][offset] ?? '')) offset++;
      }
      hits.push({ category: 'school', start: m.index + offset, end: m.index + m[0].length });
    }
  }
  for (const re of [EN_UNIVERSITY_OF, EN_NUMBERED]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      hits.push({ category: 'school', start: m.index, end: m.index + m[0].length });
    }
  }
  return hits;
}
