import { type Folded } from '../text/fold';
import { type Blocked, type Hit, lead, leadHits, NAME_STOP, nameStart, notAfter, regexHits } from './hit';
import { sentenceAround } from './context';

/** A house or building number, in digits or Chinese numerals. */
const NUM = '[0-9零〇一二三四五六七八九十百幺两]{1,6}';
/** One character of a place name: a Chinese character that is not a function word. */
const NAME_CHAR = `(?:(?![${NAME_STOP}])[\\u4e00-\\u9fff])`;

/**
 * Chinese address shapes, each found from its first fixed character and stretched back over the place
 * name before it (at least `name` characters of it). A building and floor ("3号楼2楼") is only an address
 * where the sentence is about a home (`home`): the same words locate a classroom.
 */
const ZH_PATTERNS: { re: RegExp; name: number; home?: boolean; needs: RegExp; blocked?: Blocked }[] = [
  // 解放路23号, 人民南路四段12号, 南京西路1266弄, 幸福巷7号
  // (道 as a street, not 知道, 味道, 频道…)
  {
    re: new RegExp(`(?:路|街|大街|道|巷|胡同|弄)(?:${NUM}段)?\\s?${NUM}\\s?(?:号|弄)(?:院|楼|附\\s?${NUM}\\s?号)?`, 'g'),
    name: 0,
    needs: /[路街道巷同弄]/,
    blocked: (m, source) => m[0][0] === '道' && /[知味难说报问频轨赛跑国]/.test(source[m.index - 1] ?? ''),
  },
  // 5栋2单元301室, 3号楼2单元, 12幢502室, B栋304, 5栋18楼
  // (a building alone — "3栋教学楼", "一座桥" — is not an address; it needs a unit, a floor or a room)
  { re: new RegExp(`(?:${NUM}|[a-z]{1,2})\\s?(?:栋|幢|号楼|座)\\s?(?:${NUM}\\s?单元\\s?)?${NUM}\\s?(?:室|号|户)`, 'g'), name: 0, needs: /[栋幢座]|号楼/ },
  { re: new RegExp(`(?:${NUM}|[a-z]{1,2})\\s?(?:栋|幢|号楼|座)\\s?${NUM}\\s?(?:楼|层)`, 'g'), name: 0, home: true, needs: /[栋幢座]|号楼/ },
  { re: new RegExp(`[a-z]{1,2}\\s?(?:栋|幢|座)\\s?[0-9]{3,4}`, 'g'), name: 0, home: true, needs: /[栋幢座]/ },
  { re: new RegExp(`${NUM}\\s?(?:栋|幢|号楼|座)\\s?${NUM}\\s?单元`, 'g'), name: 0, needs: /单元/ },
  // "2单元301" but not a textbook's "第三单元"
  { re: new RegExp(`${NUM}\\s?单元\\s?[0-9零〇一二三四五六七八九]{2,4}\\s?(?:室|号|户)?`, 'g'), name: 0, needs: /单元/, blocked: notAfter(/第$/, 1) },
  // 幸福小区5栋, 海月花园二期5栋
  { re: new RegExp(`(?:小区|花园|公寓|新村|家园|社区|苑)\\s?(?:${NUM}期\\s?)?${NUM}\\s?(?:栋|幢|号楼|号|单元|座)`, 'g'), name: 2, needs: /小区|花园|公寓|新村|家园|社区|苑/ },
  // 坡头镇大坪村, 花石乡大湾村
  { re: new RegExp(`(?:镇|乡)${NAME_CHAR}{1,6}村`, 'g'), name: 1, needs: /村/ },
  // 大坪村三组, 大坪村3社
  { re: new RegExp(`村\\s?${NUM}\\s?(?:组|社|队|号)`, 'g'), name: 1, needs: /村/ },
  // 镇雄县坡头镇, 东莞长安镇 (county or district, then township)
  { re: new RegExp(`(?:县|区)${NAME_CHAR}{1,6}(?:镇|乡|街道)`, 'g'), name: 1, needs: /[县区]/ },
  // "村名叫石坎村", "我们村叫大湾"
  { re: new RegExp(`(?:村名|村子|我们村|我们那个村|我家那个村)(?:叫|是|名叫)\\s?[“"「]?${NAME_CHAR}{2,6}`, 'g'), name: 0, needs: /村/ },
];

/** A sentence about where someone lives. */
const HOME = /住|家|小区|花园|公寓|社区|地址|寄|搬|\blive|\bhome\b|\bflat\b|address/;
/** "我家在大花村", "家住石坎村": a named village, said to be home. */
const HOME_VILLAGE = new RegExp(`(?:我家|我们家|家住|住在|我住|家就在|老家在|老家是|家在)[^。！？!?\\n，,]{0,12}?(${NAME_CHAR}{2,6})(?:村|屯|寨)(?![里子民口])`, 'g');
/** "我家就在石门乡政府对面": a named place and where the house stands next to it. */
const HOME_LANDMARK = new RegExp(
  `(?:我家|我们家|家)(?:就)?(?:在|住在)[^。！？!?\\n，,]{0,4}?(${NAME_CHAR}{2,6})(?:镇|乡|村)[^。！？!?\\n，,]{0,8}?(?:对面|旁边|隔壁|后面|前面|附近|边上|门口|东边|西边|南边|北边|往[东南西北])`,
  'g',
);
/** Village names that are only words: 农村, 山村, 小山村. */
const GENERIC_VILLAGE = /^(?:.*(?:农|山|乡|小|渔|偏远|贫困|穷|古|美丽|新农)|.*(?:隔壁|邻|附近|旁边|对面|那个|这个|一个|同一个|另一个|别的|其他|外|本|全|整个|自己|我们|你们|他们))$/;
/** "石门村……我们是四组", "红星村七组": a named village and a group number in one sentence. */
const VILLAGE_AND_GROUP = new RegExp(
  `(${NAME_CHAR}{2,6})(?:村|屯|寨)[^。！？!?\\n]{0,14}?${NUM}\\s?(?:组|社|队)(?![织长员会成合])|${NUM}\\s?(?:组|社|队)(?![织长员会成合])[^。！？!?\\n，,]{0,6}?(${NAME_CHAR}{2,6})(?:村|屯|寨)`,
  'g',
);

/** "我家就在乡政府后面": a home placed next to the township's or village's own buildings. */
const HOME_BY_OFFICE =
  /(?:我家|我们家|家)(?:就)?(?:在|住在)(?:乡|镇|村|县)(?:政府|卫生院|小学|中学|委会|村委会|派出所|邮局|中心校)[^。！？!?\n，,]{0,4}?(?:对面|旁边|隔壁|后面|前面|附近|边上|后边|前边|斜对面)/g;

/** "进村第三户", "右手边第一家": directions to a house. */
const HOUSE_LOCATOR = /第[一二三四五六七八九十0-9]{1,2}(?:家|户|间房)|[左右]手边第|往[东南西北]走/g;
const PLACE_WORD = /村|镇|乡|组|社|路|街|巷|门牌/;

/** An address given after its cue: "地址是…", "我家住址：…". */
const ZH_ADDRESS_CUE = /(?:地址|住址)(?:是|为|写清楚)?\s?[:：]?\s?/g;
const ZH_ADDRESS_PARTS = /[省市县区镇乡村路街号组栋楼巷弄室]|单元/g;

/**
 * Pinyin address parts: a group (3 zu, si she, Liu Zu), a village (Shiban cun, Shuang Shan Cun), a township
 * (Muga xiang, Long Tan Xiang), a county (Zhaojue xian). Two of them side by side, in any order, are an
 * address ("Wo jia zai Liu Zu, Shuang Shan Cun, Long Tan Xiang").
 */
const PINYIN_PART = String.raw`(?:(?:\d{1,2}|yi|er|san|si|wu|liu|qi|ba|jiu|shi)\s?(?:zu|she|dui)|[a-z]{2,12}(?:\s[a-z]{2,12}){0,2}\s?(?:cun|xiang|zhen|xian))`;
const PINYIN_PARTS = new RegExp(`${lead('a-z')}${PINYIN_PART}(?![a-z])[\\s,，]+${PINYIN_PART}(?![a-z])`, 'g');
/** Words before a pinyin address that are not part of it: "wo jia zai …", "I live in …". */
const PINYIN_LEAD = /^(?:wo|jia|zai|zhu|ni|ta|women|de|shi|laojia|wojia|my|our|in|at|live|i|is|from|dear|hi)\s+/;

function pinyinPlaceStart(lower: string, start: number): number {
  let s = start;
  for (let m = PINYIN_LEAD.exec(lower.slice(s, s + 12)); m; m = PINYIN_LEAD.exec(lower.slice(s, s + 12))) s += m[0].length;
  return s;
}

/** Pinyin words that are also everyday syllables: "wo xiang", "hen xiang", "zhen de". */
const PINYIN_NOT_A_PLACE = /^(?:wo|ni|ta|hen|zhen|ye|hai|bu|dou|jiu|zai|shi|de|yao|hui|you|men|women|jia)$/;

/** Addresses written in pinyin: "Muga Xiang Nanpa Cun 3 Zu", "Huanglian xiang, Shiban cun, si she". */
const PINYIN_PATTERNS: RegExp[] = [
  new RegExp(String.raw`${lead('a-z')}[a-z]{2,12}\s?(?:xiang|zhen)[\s,]+[a-z]{2,12}\s?cun(?![a-z])`, 'g'),
  new RegExp(String.raw`${lead('a-z')}[a-z]{2,12}\s?cun[\s,]+(?:\d{1,2}|yi|er|san|si|wu|liu|qi|ba|jiu|shi)\s?(?:zu|she|dui)(?![a-z])`, 'g'),
  new RegExp(String.raw`${lead('a-z')}[a-z]{2,12}\s?xian[\s,]+[a-z]{2,12}\s?(?:xiang|zhen)(?![a-z])`, 'g'),
];

/** Words that can't be part of a street name ("3 times down the road"). */
const EN_STOP = new Set(
  'the a an to of in on at by down up along across my our your his her their this that times km minutes hours miles meters walk walked go went is was and or from for with near hour day days week weeks month months year years minute second seconds mile kilometre kilometres kilometer kilometers metres long short big small new old nice good very more less than about around'.split(
    ' ',
  ),
);
const NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)';
const STREET_TYPE =
  '(?:road|street|avenue|lane|alley|hutong|boulevard|crescent|close|drive|way|court|place|terrace|gardens|square|highway|grove|row|mews|rise|parade|circle|parkway|view|heights|hill|walk|wharf|quay|rd\\b\\.?|st\\b\\.?|ave\\b\\.?|blvd\\b\\.?)';
const EN_STREET = new RegExp(
  `${lead('a-z0-9')}(?:(?:no\\.?\\s?|number\\s+)?(\\d{1,5}[a-z]?(?:-\\d{1,4})?)|number\\s+(${NUMBER_WORD}(?:-${NUMBER_WORD})?)),?\\s+((?:[a-z][a-z'’.-]{0,24}\\s+){1,3})${STREET_TYPE}(?![a-z])`,
  'g',
);
/** "Xinhua Road 25", "Baker Street 221": the number after the street. */
const STREET_THEN_NUMBER = new RegExp(`${lead('a-z')}[a-z]{2,20}\\s+${STREET_TYPE}\\s+\\d{1,5}(?![0-9a-z:.])`, 'g');
const EN_PATTERNS: RegExp[] = [
  new RegExp(String.raw`${lead('a-z')}(?:building|bldg|block|blk)\s?\d{1,3},?\s+(?:unit|flat|room)\s?\d{1,4}`, 'g'),
  new RegExp(String.raw`${lead('a-z')}(?:flat|apt|apartment|unit)\s?\d{1,4}[a-z]?,?\s+(?:block|building|tower|floor)\s?\d{1,3}`, 'g'),
  new RegExp(String.raw`${lead('a-z')}blk\s?\d{1,4}[a-z]?(?![0-9])`, 'g'),
  new RegExp(String.raw`${lead('a-z')}(?:room|rm|flat|unit|apt)\s?\d{1,5}[a-z]?,?\s+(?:block|building|tower|bldg|blk)\s?[a-z0-9]{1,3}(?![a-z0-9])`, 'g'),
  new RegExp(String.raw`${lead('a-z0-9')}#\d{1,3}-\d{2,5}(?![0-9])`, 'g'),
  new RegExp(String.raw`${lead('a-z')}[a-z]{1,20}\s+village,?\s+(?:group|team)\s?\d{1,3}`, 'g'),
  new RegExp(String.raw`${lead('a-z')}[a-z]{1,20}\s+village,?\s+[a-z]{1,20}\s+(?:town|township)(?![a-z])`, 'g'),
  new RegExp(String.raw`${lead('a-z')}[a-z]{1,20}\s+(?:town|township),?\s+[a-z]{1,20}\s+village(?![a-z])`, 'g'),
  new RegExp(String.raw`${lead('a-z')}(?:group|team)\s?\d{1,3},?\s+[a-z]{1,20}\s+(?:town|township)(?![a-z])`, 'g'),
  // "45 Rue des Lilas", "12 Calle Mayor", "Via Roma 20"
  new RegExp(String.raw`${lead('a-z')}\d{1,5},?\s+(?:rue|calle|via|avenida|chemin|allée|allee|avenue de|boulevard)\s+(?:[a-z'-]{1,20}\s+){0,3}[a-z'-]{3,20}`, 'g'),
  new RegExp(String.raw`${lead('a-z')}(?:[a-z]{3,20}(?:strasse|straße|gasse|platz)\s?\d{1,4}[a-z]?|via [a-z]{1,20}\s\d{1,4})(?![0-9])`, 'g'),
  // "Flat 12, 7 Harbour View", "Room 1203, 88 Nathan Road"
  new RegExp(String.raw`${lead('a-z')}(?:flat|apt|apartment|unit|room|rm)\s?\d{1,4}[a-z]?,\s+\d{1,5}\s+[a-z]{1,20}`, 'g'),
  // "our house number is 26", "door number 14"
  new RegExp(String.raw`${lead('a-z')}(?:house|door|home|gate) number (?:is |was )?\d{1,5}`, 'g'),
  // "Yangliu Village, number 7 group", "Shiban Village … group 5", "group 3 of Dahe village"
  new RegExp(String.raw`${lead('a-z')}[a-z]{1,20}\s?village,?[^.!?\n]{0,20}?\b(?:(?:group|team|zu)\s?(?:number\s|no\.?\s?)?\d{1,2}|(?:number\s|no\.?\s?)?\d{1,2}(?:st|nd|rd|th)?\s(?:group|team))(?![0-9])`, 'g'),
  new RegExp(String.raw`${lead('a-z')}(?:group|team)\s?(?:number\s|no\.?\s?)?\d{1,2},?\s+(?:of\s+)?[a-z]{1,20}\s?village`, 'g'),
  // "on Mill Road in Cambridge, number 23"
  new RegExp(`${lead('a-z')}[a-z]{1,20}\\s+${STREET_TYPE}[^.!?\\n]{0,30}?\\bnumber\\s+(?:\\d{1,5}|${NUMBER_WORD})(?![a-z0-9])`, 'g'),
];

/** "My address is 14 Elm Grove, Harrogate", "Our address: Flat 3, Block B…": what follows the cue, when it has a number or a name. */
const EN_ADDRESS_CUE = /\b(?:my|our|his|her|their|the|home|postal|mailing) (?:home |postal |mailing |full |house |new )?address(?: here)? (?:is|was)\b[:\s]*|\b(?:my|our) (?:home |postal |mailing |full |house |new )?address[:：]\s*/g;

function englishAddressAfterCue(n: Folded): Hit[] {
  const { lower, text } = n;
  const hits: Hit[] = [];
  EN_ADDRESS_CUE.lastIndex = 0;
  for (let m = EN_ADDRESS_CUE.exec(lower); m; m = EN_ADDRESS_CUE.exec(lower)) {
    const from = m.index + m[0].length;
    let to = from;
    while (to < lower.length && to - from < 60 && !/[.!?\n—(]/.test(lower[to]) && !(lower[to] === ' ' && lower.slice(to, to + 3) === ' - ')) to++;
    const given = text.slice(from, to);
    // a number, or two capitalised words: "14 Elm Grove", "Rose Cottage, Harrogate" (not "my address is secret")
    if (/\d/.test(given) || /[A-Z][a-z]+[\s,]+[A-Z][a-z]+/.test(given)) hits.push({ category: 'address', start: from, end: to });
  }
  return hits;
}

/** UK and Canadian postcodes as written, in capitals: "HG1 4PQ", "OX2 6JT", "M5V 2T6". */
const POSTCODE = /\b(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b/g;

function postcodes(n: Folded): Hit[] {
  return regexHits(n.text, POSTCODE, 'address', (m) => /\d/.test(m[0]) && /\s/.test(m[0]));
}

export function findAddresses(n: Folded): Hit[] {
  const { lower } = n;
  const hits: Hit[] = [];
  for (const { re, name, home, needs, blocked } of ZH_PATTERNS) {
    if (!needs.test(lower)) continue;
    // stretch back over the street or place name so the writer sees the whole address
    for (const h of regexHits(lower, re, 'address', undefined, blocked)) {
      const start = nameStart(lower, h.start, 10);
      if (h.start - start < name) continue;
      if (home && !HOME.test(lower.slice(...sentenceAround(lower, h.start, h.end)))) continue;
      hits.push({ ...h, start });
    }
  }
  // (a letter with no 家 or 住 names no home)
  const home = /[家住]/.test(lower) ? lower : '';
  hits.push(...regexHits(home, HOME_VILLAGE, 'address', (m) => !GENERIC_VILLAGE.test(m[1])));
  hits.push(...regexHits(home, HOME_LANDMARK, 'address', (m) => !GENERIC_VILLAGE.test(m[1])));
  hits.push(...regexHits(home, HOME_BY_OFFICE, 'address'));
  const villages = /[村屯寨]/.test(lower);
  hits.push(
    ...regexHits(villages ? lower : '', VILLAGE_AND_GROUP, 'address', (m) => {
      const name = m[1] ?? m[2];
      // "第三组" is a team in class, "村里分成三组" a count
      return !GENERIC_VILLAGE.test(name) && !/第[0-9零〇一二三四五六七八九十百幺两]{1,6}\s?(?:组|社|队)|分成|分为|分了/.test(m[0]);
    }),
  );
  hits.push(
    ...regexHits(lower, HOUSE_LOCATOR, 'address', (m) => {
      const [s, e] = sentenceAround(lower, m.index, m.index + m[0].length);
      return PLACE_WORD.test(lower.slice(s, e));
    }),
  );
  ZH_ADDRESS_CUE.lastIndex = 0;
  for (let m = ZH_ADDRESS_CUE.exec(lower); m; m = ZH_ADDRESS_CUE.exec(lower)) {
    const from = m.index + m[0].length;
    let to = from;
    while (to < lower.length && to - from < 40 && !/[，,。！？!?\n(（]/.test(lower[to])) to++;
    const parts = lower.slice(from, to).match(ZH_ADDRESS_PARTS) ?? [];
    if (new Set(parts).size >= 2) hits.push({ category: 'address', start: from, end: to });
  }
  for (const re of PINYIN_PATTERNS) hits.push(...leadHits(lower, re, 'address'));
  if (/cun|xiang|zhen|xian|zu|she/.test(lower)) {
    hits.push(
      ...leadHits(lower, PINYIN_PARTS, 'address', (m) => {
        // each place part needs a name that is not an everyday word ("wo xiang", "zhen de")
        const found = m[0].slice(m[1].length);
        const parts = found.split(/[\s,，]+(?=(?:\d|[a-z]))/);
        const names = found.match(/([a-z]{2,12})\s?(?:cun|xiang|zhen|xian)(?![a-z])/g) ?? [];
        return parts.length >= 2 && names.every((p) => !PINYIN_NOT_A_PLACE.test(p.replace(/\s?(?:cun|xiang|zhen|xian)$/, '')));
      }).map((h) => ({ ...h, start: pinyinPlaceStart(lower, h.start) })),
    );
  }
  hits.push(...englishAddressAfterCue(n));
  hits.push(...postcodes(n));
  hits.push(
    ...leadHits(lower, EN_STREET, 'address', (m) =>
      m[4]
        .trim()
        .split(/\s+/)
        .every((w) => !EN_STOP.has(w)),
    ),
  );
  for (const re of EN_PATTERNS) hits.push(...leadHits(lower, re, 'address'));
  // (the street's name and type as written, capitalised: "we drive 3 hours" is not "Maple Drive 3")
  hits.push(...leadHits(lower, STREET_THEN_NUMBER, 'address', (m) => /^[A-Z][a-z]+\s+[A-Z]/.test(n.text.slice(m.index + m[1].length))));
  return hits;
}
