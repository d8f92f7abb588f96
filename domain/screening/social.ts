/**
 * Accounts and handles on messaging, social and payment apps: an app named (however it is spelled,
 * see apps.ts) and an account after it, a name given there ("在快手上叫“…”", "search "…" on Douyin"), or
 * a handle recognisable by its shape alone (@name, name#1234, name_2009).
 */
import { type Folded } from '../text/fold';
import { type AppMention, appEndingBefore, appOverlaps } from './apps';
import { type DigitRun, firstRunFrom } from './digits';
import { type Hit, lead, leadHits, nextMatch, notAfterChar, regexHits } from './hit';
import { sentenceAround } from './context';

/** An account name: letters, digits, underscore, dot, hyphen, a Discord-style #1234. */
const ACCOUNT = /@?[a-z0-9][a-z0-9_.#-]{2,30}[a-z0-9]/y;

/** What may stand between an app name and its account ("微信号是", "id is", "hao shi", ":"). */
const CONNECTOR =
  /^[\s:：,，]*(?:(?:号码|号|码|账号|帐号|用户名|名字|昵称|id|uid|是|为|叫|了|的|也|就|啦|哦|呢|吧|handle|account|username|name|number|is|me|on|my|add|hao|shi|there)[\s:：,，]*)*$/;
/** A letters-only account needs a word that names it ("微信号是", "ID:", "my name there is"), not just "on my". */
const NAMING = /号|是|为|叫|id|handle|account|username|name|number|\bis\b|hao|shi|[:：]/;

/** Words that introduce a name on a platform: "叫", "搜", "账号叫", "search", "my name there is". */
const NAME_CUE =
  /(?:名字叫|名字是|名叫|网名(?:是|叫)?|昵称(?:是|叫)?|账号(?:是|叫)?|帐号(?:是|叫)?|用户名(?:是|叫)?|id(?:是|:|：)|号是|号[:：]|叫做|叫|搜索|搜一下|搜|关注|search(?:ing)? for|search|look (?:me )?up|follow|find me (?:as|under)|i'?m (?:on )?there as|i am (?:on )?there as|under the name|i'?m the one with|look for the (?:one|account|profile) with|my (?:avatar|profile (?:picture|pic|photo)|pfp) is|头像(?:是|为)|my name (?:there )?is|name is|username(?: is)?|handle(?: is)?|called)/g;
/** Cues that are also everyday words: only a quoted name, a handle-shaped one, or one right after an app follows them. */
const EVERYDAY_CUES = new Set(['叫', '搜', '搜索', '搜一下', '关注', '账号', '帐号', 'called', 'search', 'searching for', 'search for', 'look up', 'look me up', 'follow']);
const QUOTED_OPENING = '“「『"‘\'《';
/** A name follows its cue within this many characters: quoted, or up to the end of the clause. */
const NAME_REACH = 30;
const QUOTED = /(?:“[^”\n]{1,24}”|「[^」\n]{1,24}」|『[^』\n]{1,24}』|"[^"\n]{1,24}"|‘[^’'\n]{1,24}['’]|'[^'\n]{1,24}'|《[^》\n]{1,24}》)/y;
const UNQUOTED = /[^\s，,。.!！?？;；:：—()（）\n][^，,。!！?？;；\n—()（）]{1,23}/y;
/** "a video called …", "一首叫…的歌", "我最喜欢的UP主叫…": a title or someone famous, not the writer's account. */
const TITLE_BEFORE = /(?:\b(?:video|song|show|book|movie|film|game|episode|series|program|channel|vlogger|youtuber|influencer|singer|band)|视频|首歌|本书|部书|电影|电视剧|游戏|节目|动画|文章|up主|博主|主播|网红|明星|作者|频道)\s?$/;
/** After a searched phrase: "看看", "学习一下" — a topic, not a person ("搜“…”看看我的视频" still names one). */
const TOPIC_AFTER = /^\s?(?:看看|看一看|看一下|学习|学学|了解|就能学|的视频|视频|教程)(?!我)/;
/** Counts after a number: "10,000 fans", "两千个赞". */
const COUNT_AFTER = /^\s?(?:fans|followers|likes|views|subscribers|people|times|粉丝|个|次|人|块|元|分|万|岁|年|赞|播放)/;

/** Handles that need no app name: "@grandpa_owen", "Orion#4417", "xiaoyu_0612", "星星不睡觉_07". */
const AT_HANDLE = /@[a-z0-9_][a-z0-9_.]{1,30}[a-z0-9_]/g;
const TAGGED_HANDLE = new RegExp(String.raw`${lead('a-z0-9')}[a-z][a-z0-9_.]{2,30}#\d{4}(?![0-9])`, 'g');
const UNDERSCORE_HANDLE = new RegExp(String.raw`${lead('a-z0-9._%+-')}[a-z][a-z0-9.]{1,20}_[a-z0-9_.]{0,20}[a-z0-9]`, 'g');
const HAN_UNDERSCORE_HANDLE = new RegExp(String.raw`${lead('\u4e00-\u9fff')}[\u4e00-\u9fff]{2,12}_[a-z0-9]{1,12}`, 'g');
/** Each handle starts where a word starts (each of these would be a lookbehind; see `notAfterChar`). */
const AFTER_LOCAL = notAfterChar('a-z0-9._%+-');
const AFTER_LETTER = notAfterChar('a-z');

/** An account given after its cue, with no app named: "ID: Zhang-Ming-88", "UID是 3493 1172 0056", "用户名 lily_2009". */
const ACCOUNT_CUE = /(?:uid|id|账号|帐号|用户名|user ?name|username|handle)\s?(?:是|为|is|:|：)?\s?/g;
const LETTERED_ACCOUNT = /^[a-z][a-z0-9_.-]{1,30}[0-9_][a-z0-9_.-]{0,30}/;

/** "xiao yu 2010（没有空格）": the writer says the spaces are only there to get past the filter. */
const SPACES_HINT = /(?:没有空格|没空格|去掉空格|不带空格|不要空格|连起来|连在一起|without (?:the )?spaces|no spaces|remove the spaces|take out the spaces|all one word)/g;

const AFTER_WINDOW = 30;
const CUE_WINDOW = 80;

function isAsciiWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/** For each position, how many ASCII letters, digits and @ come before it: finds windows with no possible handle at once. */
function asciiCounts(lower: string): Int32Array {
  const counts = new Int32Array(lower.length + 1);
  for (let i = 0; i < lower.length; i++) counts[i + 1] = counts[i] + (lower[i] === '@' || isAsciiWordChar(lower[i]) ? 1 : 0);
  return counts;
}

function accountAfter(lower: string, app: AppMention, limit: number, runs: DigitRun[], apps: AppMention[], ascii: Int32Array): number | null {
  // a numeric account (QQ numbers, numeric WeChat IDs, Bilibili UIDs), however it is spaced or spelled
  for (let r = firstRunFrom(runs, app.end); r < runs.length; r++) {
    const run = runs[r];
    if (run.start >= limit) break;
    const between = lower.slice(app.end, run.start);
    const numeric = /^\d{5,12}$/.test(run.digits) && !/^1[3-9]\d{9}$/.test(run.digits);
    if (numeric && (between.trim().length <= 1 || CONNECTOR.test(between)) && !COUNT_AFTER.test(lower.slice(run.end, run.end + 12))) return run.end;
    break;
  }
  if (ascii[Math.max(limit, app.end)] === ascii[app.end]) return null;
  for (let j = app.end; j < limit; j++) {
    if (!(lower[j] === '@' || isAsciiWordChar(lower[j])) || (j > app.end && isAsciiWordChar(lower[j - 1]))) continue;
    ACCOUNT.lastIndex = j;
    const a = ACCOUNT.exec(lower);
    if (!a) continue;
    const account = a[0].replace(/^@/, '');
    const end = j + a[0].length;
    j = end;
    if (/[a-z]/.test(lower[end] ?? '')) continue;
    const marked = /[0-9_#@]/.test(a[0]) || /[a-z]\.[a-z]/.test(account);
    const gap = lower.slice(app.end, a.index);
    // "微信号就是我的名字拼音 zhangxiaoming": in a Chinese sentence, letters after "是/号/叫" are the account
    const namedInChinese = gap.length <= 14 && /[\u4e00-\u9fff]/.test(gap) && /号|是|叫|为|[:：]/.test(gap) && !/[，,。！？!?;；]/.test(gap);
    const connected = (namedInChinese || (CONNECTOR.test(gap) && NAMING.test(gap))) && !appOverlaps(apps, a.index, end);
    if ((marked && /[a-z]/.test(account)) || (connected && /^[a-z][a-z.-]*[a-z]$/.test(account) && account.length >= 4)) return end;
  }
  return null;
}

/** Names introduced by a cue ("叫“甘肃放羊娃阿强”", "search "Uncle Tom in Perth""), as [cue start, name end). */
function namedSpans(lower: string, apps: AppMention[]): [number, number][] {
  const spans: [number, number][] = [];
  NAME_CUE.lastIndex = 0;
  for (let m = NAME_CUE.exec(lower); m; m = NAME_CUE.exec(lower)) {
    const cueStart = m.index;
    const cueEnd = cueStart + m[0].length;
    // only a cue near an app can name an account there (see namedNear)
    if (!appOverlaps(apps, cueStart - CUE_WINDOW - 1, cueStart + CUE_WINDOW + 1)) continue;
    if (/^[a-z]/.test(m[0]) && (isAsciiWordChar(lower[cueStart - 1]) || (/[a-z]$/.test(m[0]) && isAsciiWordChar(lower[cueEnd])))) continue;
    if (TITLE_BEFORE.test(lower.slice(Math.max(0, cueStart - 8), cueStart))) continue;
    // "长征五号是…": 号 names an account only right after an app ("抖音号是", "B站号：") or as 账号
    if (m[0][0] === '号' && !(appEndingBefore(apps, cueStart + 1)?.end === cueStart || /[账帐]$/.test(lower.slice(cueStart - 1, cueStart)))) continue;
    // the name is read within NAME_REACH characters of the cue, past blanks and a colon
    const reach = Math.min(lower.length, cueEnd + NAME_REACH);
    let from = cueEnd;
    while (from < reach && /[\s:：]/.test(lower[from])) from++;
    let nameEnd = -1;
    if (QUOTED_OPENING.includes(lower[from] ?? '\n')) {
      QUOTED.lastIndex = from;
      const quoted = QUOTED.exec(lower);
      if (quoted && from + quoted[0].length <= reach) nameEnd = from + quoted[0].length;
    }
    if (nameEnd < 0) {
      UNQUOTED.lastIndex = from;
      const unquoted = UNQUOTED.exec(lower);
      const end = unquoted ? Math.min(from + unquoted[0].length, reach) : -1;
      const name = unquoted ? lower.slice(from, end) : '';
      // "叫", "搜", "called", "search" are everyday words: only a quoted name, or one shaped like a handle, follows them
      const accepted =
        end - from >= 2 &&
        (!EVERYDAY_CUES.has(m[0]) || (/^[a-z]/.test(m[0]) ? /[0-9_@]|[a-z]\.[a-z]/.test(name) : /[a-z0-9_@]/.test(name)) || (from - cueEnd <= 1 && /^(?:我|me|my)/.test(name) && !/^我(?:们|去|来|滚|做|别|不|快|赶紧|走|回|给|帮|把|跟|和)/.test(name)) || rightAfterApp(lower, apps, cueStart));
      if (accepted) nameEnd = end;
    }
    // "可以搜“火箭发射原理”看看": a topic to look up, not someone to find
    if (nameEnd >= 0 && /^搜/.test(m[0]) && TOPIC_AFTER.test(lower.slice(nameEnd, nameEnd + 6))) nameEnd = -1;
    if (nameEnd >= 0) spans.push([cueStart, nameEnd]);
  }
  return spans;
}

/** "我抖音上叫小雪爱唱歌": 叫 right after an app is the name there. */
function rightAfterApp(lower: string, apps: AppMention[], pos: number): boolean {
  const app = appEndingBefore(apps, pos);
  return app !== undefined && pos - app.end <= 3 && /^[上里号]?$/.test(lower.slice(app.end, pos));
}

/** A named span near the app, in its sentence or the next: "在快手上叫“…”", "…抖音上有两千多个赞了！你去搜“…”". */
function namedNear(spans: [number, number][], first: number, app: AppMention, from: number, to: number): Hit | null {
  for (let k = first; k < spans.length; k++) {
    const [start, end] = spans[k];
    if (start >= to || start > app.end + CUE_WINDOW) break;
    if (start < from || start < app.start - CUE_WINDOW || start > app.end + CUE_WINDOW) continue;
    return { category: 'social_id', start: Math.min(start, app.start), end: Math.max(end, app.end) };
  }
  return null;
}

/** Accounts on messaging, social and payment apps, and handles that are accounts by their shape. */
export function findSocialIds(n: Folded, runs: DigitRun[], apps: AppMention[]): Hit[] {
  const { lower } = n;
  const hits: Hit[] = [];
  const spans = apps.length ? namedSpans(lower, apps) : [];
  const ascii = asciiCounts(lower);
  let firstSpan = 0;
  for (const app of apps) {
    const sentence = sentenceAround(lower, app.start, app.end);
    const limit = Math.min(sentence[1], app.end + AFTER_WINDOW);
    // "我跳舞的视频在抖音上…！你去搜“大凉山的小花”": the name may come in the next sentence
    const next = sentenceAround(lower, sentence[1], sentence[1]);
    const end = accountAfter(lower, app, limit, runs, apps, ascii);
    if (end !== null) {
      hits.push({ category: 'social_id', start: app.start, end });
      continue;
    }
    while (firstSpan < spans.length && spans[firstSpan][0] < app.start - CUE_WINDOW) firstSpan++;
    const named = namedNear(spans, firstSpan, app, sentence[0], next[1]);
    if (named) hits.push(named);
  }
  hits.push(
    ...regexHits(lower, AT_HANDLE, 'social_id', undefined, AFTER_LOCAL),
    ...leadHits(lower, TAGGED_HANDLE, 'social_id'),
    ...leadHits(lower, UNDERSCORE_HANDLE, 'social_id'),
    ...leadHits(lower, HAN_UNDERSCORE_HANDLE, 'social_id'),
  );
  for (const h of regexHits(lower, SPACES_HINT, 'social_id')) {
    const [s] = sentenceAround(lower, h.start, h.end);
    hits.push({ category: 'social_id', start: Math.max(s, h.start - 40), end: h.end });
  }
  ACCOUNT_CUE.lastIndex = 0;
  for (let m = nextMatch(ACCOUNT_CUE, lower, AFTER_LETTER); m; m = nextMatch(ACCOUNT_CUE, lower, AFTER_LETTER)) {
    const from = m.index + m[0].length;
    const lettered = LETTERED_ACCOUNT.exec(lower.slice(from, from + 64));
    const r = firstRunFrom(runs, from);
    // a numeric account only after a word that means account ("UID是 3493 1172 0056"), never a bare "id"
    const numeric = m[0].trim() !== 'id' && runs[r] && runs[r].start - from <= 2 && /^\d{5,12}$/.test(runs[r].digits) ? runs[r].end : null;
    const end = lettered ? from + lettered[0].length : numeric;
    if (end !== null) hits.push({ category: 'social_id', start: m.index, end });
  }
  return hits;
}
