import { type DigitRun, type Normalized } from './normalize';
import { type Hit } from './hit';

/**
 * Names of messaging and social apps, with the nicknames used to get past filters. A mention alone is
 * fine ("我用微信和妈妈视频", "I watched Douyin videos"); a mention followed by an account is not.
 */
const APP =
  /(q\s+q|v\s+x|w\s+x|we\s+chat|wei\s+xin|微信号|微信|威信|薇信|徽信|维信|v信|vx|wx|weixin|wechat|加个v|加v|qq号|qq|扣扣|企鹅号|q号|支付宝|alipay|微博|weibo|抖音号|抖音|douyin|tiktok|快手号|快手|kuaishou|小红书|xiaohongshu|instagram|facebook|telegram|whatsapp|snapchat|discord)/g;

/** An account name: letters, digits, underscore, dot, hyphen; at least 5 characters. */
const ACCOUNT = /@?[a-z0-9][a-z0-9_.-]{3,30}[a-z0-9]/y;

/** What may stand between an app name and a letters-only account ("微信号是", "id is", ":"). */
const CONNECTOR =
  /^[\s:：,，]*(?:(?:号码|号|账号|帐号|用户名|名字|id|是|为|叫|handle|account|username|name|is|me|on|my|add)[\s:：,，]*)+$/;

const WINDOW = 24;
const SENTENCE_END = /[。？?\n]/;

function isAsciiWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[a-z0-9]/.test(ch);
}

export function findSocialIds(n: Normalized, runs: DigitRun[]): Hit[] {
  const { lower } = n;
  const hits: Hit[] = [];
  let firstRun = 0;
  APP.lastIndex = 0;
  for (let m = APP.exec(lower); m; m = APP.exec(lower)) {
    const kw = m[0];
    const kwStart = m.index;
    const kwEnd = kwStart + kw.length;
    // latin app names must stand alone ("qq" but not "aqqb"; "wx" but not "wxid")
    if (/^[a-z]/.test(kw) && isAsciiWordChar(lower[kwStart - 1])) continue;
    if (/[a-z]$/.test(kw) && /[a-z]/.test(lower[kwEnd] ?? '')) continue;

    let limit = Math.min(lower.length, kwEnd + WINDOW);
    for (let j = kwEnd; j < limit; j++) {
      if (SENTENCE_END.test(lower[j])) {
        limit = j;
        break;
      }
    }

    let found: Hit | null = null;
    // a numeric account (QQ numbers, numeric WeChat IDs), however it is spaced or spelled
    while (firstRun < runs.length && runs[firstRun].start < kwEnd) firstRun++;
    for (let r = firstRun; r < runs.length; r++) {
      const run = runs[r];
      if (run.start >= limit) break;
      // a mobile number after an app name stays a phone number
      if (/^\d{5,12}$/.test(run.digits) && !/^1[3-9]\d{9}$/.test(run.digits)) found = { category: 'social_id', start: kwStart, end: run.end };
      break;
    }
    if (!found) {
      for (let j = kwEnd; j < limit && !found; j++) {
        if (isAsciiWordChar(lower[j - 1]) && j > kwEnd) continue;
        ACCOUNT.lastIndex = j;
        const a = ACCOUNT.exec(lower);
        if (!a || a.index !== j) continue;
        const account = a[0].replace(/^@/, '');
        if (/[a-z]/.test(lower[j + a[0].length] ?? '')) continue;
        const hasDigitOrMark = /[0-9_]/.test(account);
        const lettersOnly = /^[a-z]+$/.test(account);
        if (hasDigitOrMark || (lettersOnly && account.length >= 6 && CONNECTOR.test(lower.slice(kwEnd, j)))) {
          found = { category: 'social_id', start: kwStart, end: j + a[0].length };
        } else if (/^[a-z][a-z.-]*[a-z]$/.test(account) && CONNECTOR.test(lower.slice(kwEnd, j))) {
          found = { category: 'social_id', start: kwStart, end: j + a[0].length };
        }
        j += a[0].length;
      }
    }
    if (found) hits.push(found);
  }
  return hits;
}
