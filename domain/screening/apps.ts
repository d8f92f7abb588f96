/**
 * Mentions of messaging, social and payment apps, however they are spelled: the name (微信, WeChat,
 * QQ, 抖音, Instagram…), its nicknames (vx, 扣扣, 企鹅号, zfb), a sound-alike (薇信, 威信, 微xin,
 * wei xin, 斗音: any characters whose pinyin spells the name), or a description ("the green app").
 * Online games people chat in (王者荣耀, Roblox…) count as social apps. A mention alone is innocent; the rules that use it look for an account, a request or a plan next to it.
 */
import { type Folded } from '../text/fold';
import { pinyinOf } from '../text/pinyin';
import { isHan } from './hit';

export type AppKind = 'chat' | 'social' | 'pay';

export interface AppMention {
  start: number;
  end: number;
  kind: AppKind;
}

const LITERAL: [AppKind, RegExp][] = [
  [
    'chat',
    /(?:微信号|微信|v信|加个v(?![a-z])|加v(?![a-z])|有v(?![a-z0-9])|v(?=上(?:聊|说|找|联系|见|加))|jia ?ge ?v(?![a-z])|vx|wx|weixin|wechat|we chat|v x|w x|qq号|qq|q q|扣扣|小企鹅|企鹅号|企鹅|q号|钉钉|dingtalk|telegram|电报|whatsapp|snapchat|discord|skype|messenger|kakaotalk|viber|飞书|zoom|green app|penguin app|绿色(?:的|那个)*(?:软件|app|应用|聊天软件))/g,
  ],
  [
    'social',
    /(?:微博|weibo|抖音号|抖音|douyin|tiktok|快手号|快手|kuaishou|小红书号|小红书|xiaohongshu|xhs|rednote|b站|bilibili|哔哩哔哩|instagram|insta|facebook|脸书|twitter|推特|youtube|油管|知乎|贴吧|视频号|公众号|王者荣耀|和平精英|蛋仔派对|迷你世界|第五人格|英雄联盟|minecraft|roblox|fortnite|genshin|pubg)/g,
  ],
  ['pay', /(?:支付宝|alipay|zfb|paypal|venmo)/g],
];

/** Names that are also ordinary words ("a line", "phone signal"): an app only when written with capitals mid-sentence. */
const CAPITALISED = /(?:LINE|Line|Signal|IG|FB|TG|Snap)(?![A-Za-z])/g;
const CAPITALISED_KIND: Record<string, AppKind> = { line: 'chat', signal: 'chat', ig: 'social', fb: 'social', tg: 'chat', snap: 'social' };

/** App names as pinyin, for sound-alikes written in characters or mixed with letters. */
const SPOKEN: Record<string, AppKind> = {
  weixin: 'chat',
  koukou: 'chat',
  dingding: 'chat',
  douyin: 'social',
  kuaishou: 'social',
  weibo: 'social',
  xiaohongshu: 'social',
  zhifubao: 'pay',
};
const CANONICAL = new Set(['微信', '扣扣', '钉钉', '抖音', '快手', '微博', '小红书', '支付宝']);
/** Every beginning of a spoken name ("w", "we", "wei", "weix"…), to stop reading as soon as nothing can match. */
const SPOKEN_PREFIXES = new Set(Object.keys(SPOKEN).flatMap((name) => Array.from(name, (_, k) => name.slice(0, k + 1))));
const FIRST_SYLLABLES = new Set(['wei', 'kou', 'ding', 'dou', 'kuai', 'xiao', 'zhi']);
/** Per character code: 0 not looked up yet, 1 no, 2 its pinyin starts an app name. Saves a pinyin lookup per character. */
const startsSpokenName = new Uint8Array(0x10000);

function mayStartSpokenName(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (startsSpokenName[c] === 0) startsSpokenName[c] = FIRST_SYLLABLES.has(pinyinOf(ch)) ? 2 : 1;
  return startsSpokenName[c] === 2;
}
/** A sound-alike only counts where an app name would stand: "加我威信", "薇信号", "斗音上". */
const BEFORE_APP = '加用在的有个我你您上和';
const AFTER_APP = /^(?:号|是|上|里|:|：|账|帐|搜|名|昵|id| |加|聊|私|\d|[a-z])/;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch >= 'a' && ch <= 'z';
}

/** Matches an app name spelled in pinyin syllables (characters, latin letters or both) starting at `i`. */
function spokenAt(lower: string, i: number): { end: number; kind: AppKind } | null {
  let spelled = '';
  let j = i;
  for (let parts = 0; parts < 3 && j < lower.length; parts++) {
    if (parts > 0 && lower[j] === ' ' && (isHan(lower[j + 1]) || isLetter(lower[j + 1]))) j++;
    if (isHan(lower[j])) {
      const syllable = pinyinOf(lower[j]);
      if (!syllable) return null;
      spelled += syllable;
      j++;
    } else if (isLetter(lower[j]) && !isLetter(lower[j - 1])) {
      let k = j;
      while (isLetter(lower[k])) k++;
      spelled += lower.slice(j, k);
      j = k;
    } else return null;
    const kind = SPOKEN[spelled];
    if (kind) return { end: j, kind };
    if (!SPOKEN_PREFIXES.has(spelled)) return null;
  }
  return null;
}

/** The index of the first mention that ends after `pos` (mentions are in order and never overlap). */
function firstEndingAfter(apps: readonly AppMention[], pos: number): number {
  let lo = 0;
  let hi = apps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (apps[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether an app mention overlaps [start, end). */
export function appOverlaps(apps: readonly AppMention[], start: number, end: number): boolean {
  const k = firstEndingAfter(apps, start);
  return k < apps.length && apps[k].start < end;
}

/** The mention ending last at or before `pos`, if any. */
export function appEndingBefore(apps: readonly AppMention[], pos: number): AppMention | undefined {
  const k = firstEndingAfter(apps, pos);
  return k > 0 ? apps[k - 1] : undefined;
}

export function findApps(n: Folded): AppMention[] {
  const { lower, text } = n;
  const mentions: AppMention[] = [];
  const taken = new Uint8Array(lower.length);
  const add = (start: number, end: number, kind: AppKind) => {
    mentions.push({ start, end, kind });
    for (let k = start; k < end; k++) taken[k] = 1;
  };

  for (const [kind, re] of LITERAL) {
    re.lastIndex = 0;
    for (let m = re.exec(lower); m; m = re.exec(lower)) {
      const start = m.index;
      const end = start + m[0].length;
      // latin names stand alone ("qq" but not "aqqb"; "wx" but not "wxid"; "weixinhao" is fine)
      if (isLetter(m[0][0]) && /[a-z0-9]/.test(lower[start - 1] ?? '')) continue;
      if (isLetter(m[0][m[0].length - 1]) && m[0].length <= 3 && isLetter(lower[end])) continue;
      if (!taken[start]) add(start, end, kind);
    }
  }

  CAPITALISED.lastIndex = 0;
  for (let m = CAPITALISED.exec(text); m; m = CAPITALISED.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    if (m.index === 0 || /[.!?。！？\n]\s*$/.test(before) || /[A-Za-z0-9]/.test(text[m.index - 1] ?? '')) continue;
    if (!taken[m.index]) add(m.index, m.index + m[0].length, CAPITALISED_KIND[m[0].toLowerCase()]);
  }

  for (let i = 0; i < lower.length; i++) {
    if (taken[i]) continue;
    const ch = lower[i];
    const startsSyllable = isHan(ch) ? mayStartSpokenName(ch) : isLetter(ch) && !isLetter(lower[i - 1]) && SPOKEN_PREFIXES.has(ch);
    if (!startsSyllable) continue;
    const spoken = spokenAt(lower, i);
    if (!spoken) continue;
    const written = lower.slice(i, spoken.end);
    const soundAlike = !CANONICAL.has(written);
    if (soundAlike && /^[\u3400-\u9fff]+$/.test(written)) {
      if (!BEFORE_APP.includes(lower[i - 1] ?? '') && !AFTER_APP.test(lower.slice(spoken.end, spoken.end + 2))) continue;
    }
    add(i, spoken.end, spoken.kind);
    i = spoken.end - 1;
  }
  return mentions.sort((a, b) => a.start - b.start);
}
