import { type Normalized } from './normalize';
import { type Hit, NAME_STOP, nameStart, regexHits } from './hit';

/** A house or building number, in digits or Chinese numerals. */
const NUM = '[0-9零〇一二三四五六七八九十百幺两]{1,6}';
/** One character of a place name: a Chinese character that is not a function word. */
const NAME_CHAR = `(?:(?![${NAME_STOP}])[\\u4e00-\\u9fff])`;

const ZH_PATTERNS: RegExp[] = [
  // 解放路23号, 人民南路四段12号, 南京西路1266弄, 幸福巷7号
  new RegExp(`(?:路|街|大街|大道|巷|胡同|弄)(?:${NUM}段)?\\s?${NUM}\\s?(?:号|弄|號)(?:院|楼|附\\s?${NUM}\\s?号)?`, 'g'),
  // 5栋2单元301室, 3号楼2单元, 12幢502室
  // (a building alone — "3栋教学楼", "一座桥" — is not an address; it needs a unit or a room)
  new RegExp(`${NUM}\\s?(?:栋|幢|号楼|座)\\s?(?:${NUM}\\s?单元\\s?)?${NUM}\\s?(?:室|号|户)`, 'g'),
  new RegExp(`${NUM}\\s?(?:栋|幢|号楼|座)\\s?${NUM}\\s?单元`, 'g'),
  // "2单元301" but not a textbook's "第三单元"
  new RegExp(`(?<!第)${NUM}\\s?单元\\s?[0-9零〇一二三四五六七八九]{2,4}\\s?(?:室|号|户)?`, 'g'),
  /[0-9]{3,4}\s?(?:室|房间)/g,
  // 幸福小区, 花园小区 + building number
  new RegExp(`${NAME_CHAR}{2,6}(?:小区|花园|公寓|新村|家园|社区)\\s?${NUM}\\s?(?:栋|幢|号楼|号|单元)`, 'g'),
  // 坡头镇大坪村, 花石乡大湾村
  new RegExp(`${NAME_CHAR}{1,6}(?:镇|乡)${NAME_CHAR}{1,6}村`, 'g'),
  // 大坪村三组, 大坪村3社
  new RegExp(`${NAME_CHAR}{1,6}村\\s?${NUM}\\s?(?:组|社|队|号)`, 'g'),
  // 镇雄县坡头镇, 东莞长安镇 (county or district, then township)
  new RegExp(`${NAME_CHAR}{1,6}(?:县|区)${NAME_CHAR}{1,6}(?:镇|乡|街道)`, 'g'),
];

/** Words that can't be part of a street name ("3 times down the road"). */
const EN_STOP = new Set(
  'the a an to of in on at by down up along across my our your his her their this that times km minutes hours miles meters walk walked go went is was and or from for with near'.split(
    ' ',
  ),
);

const EN_STREET =
  /(?<![a-z0-9])(?:no\.?\s?)?(\d{1,5}(?:-\d{1,4})?),?\s+((?:[a-z]+\s+){1,3})(?:road|street|avenue|lane|alley|hutong|boulevard|rd\b\.?|ave\b\.?|blvd\b\.?)(?![a-z])/g;
const EN_PATTERNS: RegExp[] = [
  /(?<![a-z])room\s?(?:no\.?\s?)?\d{2,5}(?![0-9])/g,
  /(?<![a-z])(?:building|bldg|block)\s?\d{1,3},?\s+unit\s?\d{1,3}/g,
  /(?<![a-z])[a-z]+\s+village,?\s+(?:group|team)\s?\d{1,3}/g,
  /(?<![a-z])[a-z]+\s+village,?\s+[a-z]+\s+(?:town|township)(?![a-z])/g,
  /(?<![a-z])(?:group|team)\s?\d{1,3},?\s+[a-z]+\s+(?:town|township)(?![a-z])/g,
];

export function findAddresses(n: Normalized): Hit[] {
  const hits: Hit[] = [];
  for (const re of ZH_PATTERNS) {
    hits.push(
      ...regexHits(n.lower, re, 'address').map((h) => {
        // stretch back over the street or place name so the writer sees the whole address
        const s = nameStart(n.lower, h.start, 10);
        return { ...h, start: s };
      }),
    );
  }
  hits.push(
    ...regexHits(n.lower, EN_STREET, 'address', (m) =>
      m[2]
        .trim()
        .split(/\s+/)
        .every((w) => !EN_STOP.has(w)),
    ),
  );
  for (const re of EN_PATTERNS) hits.push(...regexHits(n.lower, re, 'address'));
  return hits;
}
