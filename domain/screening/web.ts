import { type Folded } from '../text/fold';
import { type Hit, lead, leadHits, notAfterChar, regexHits } from './hit';
import { sentenceAround } from './context';

/** Top-level domains worth recognising on a bare domain ("xiaoyu.top", "qq.com", "youtu.be"). */
const TLD =
  'com|cn|net|org|top|xyz|me|io|cc|info|site|online|vip|shop|club|tv|co|app|dev|link|ly|hk|tw|mo|sg|us|uk|au|ca|de|fr|jp|kr|be|gl|ai|edu|gov|ink|fun|asia|biz|store|tech|live|icu|blog|page';
/** Mail providers people name instead of writing a domain ("name at qq dot com", "grace.lee 艾特 gmail"). */
const MAIL_PROVIDER =
  'qq|163|126|139|189|yeah|sina|sohu|aliyun|foxmail|gmail|googlemail|hotmail|outlook|live|yahoo|icloud|me|msn|protonmail|proton|mail|yandex|tom|21cn';

/** Things people write for "@": @, (at), [at], " at ", 艾特, （艾特）, 圈a, 小老鼠, #. */
const AT_WORD = String.raw`(?:at|艾特|爱特|圈a|圈圈a|小老鼠|at符号|ai te)`;
const AT = String.raw`(?:\s{0,2}@\s{0,2}|\s{0,2}[(\[<{]\s?${AT_WORD}\s?[)\]>}]\s{0,2}|,?\s+at\s+|\s{0,2}(?:艾特|爱特|圈a|圈圈a|小老鼠|at符号)\s{0,2}|#)`;
/** Things people write for ".": ., (dot), [dot], " dot ", 点, （点）, " dian ". */
const DOT_WORD = String.raw`(?:dot|点|點|dian)`;
const DOT = String.raw`(?:[ ]?\.[ ]?|\s{0,2}[(\[<{]\s?${DOT_WORD}\s?[)\]>}]\s{0,2}|\s+(?:dot|dian)\s+|\s{0,2}(?:点|點|。)\s{0,2})`;
const LOCAL = String.raw`[a-z0-9][a-z0-9._%+-]{0,40}(?:\s+dot\s+[a-z0-9_-]{1,20}){0,3}`;

const EMAIL = new RegExp(
  String.raw`${lead('a-z0-9._%+-')}(${LOCAL})(${AT})([a-z0-9][a-z0-9-]{0,30}(?:${DOT}[a-z0-9-]{2,20}){0,2}${DOT}(?:${TLD}))(?![a-z0-9-])`,
  'g',
);
/** Any plain address with a literal "@", whatever its top-level domain. */
const PLAIN_EMAIL = new RegExp(String.raw`${lead('a-z0-9._%+-')}[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,6}\.[a-z]{2,24}(?![a-z0-9-])`, 'g');
/** Letters, "@", letters with no space: an address written backwards or without its domain ("moc.liamg@8891iewgnil"). */
const GLUED_AT = new RegExp(String.raw`${lead('a-z0-9._%+-')}[a-z0-9][a-z0-9._-]{2,40}@[a-z0-9][a-z0-9._-]{2,40}`, 'g');
/** The domain half on its own: "后面是 @sohu.com". */
const AT_DOMAIN = new RegExp(String.raw`@\s?(?:${MAIL_PROVIDER}|[a-z0-9-]{2,30})(?:${DOT}[a-z0-9-]{2,20}){0,2}${DOT}(?:${TLD})(?![a-z0-9-]|\.[a-z])`, 'g');
/** A mailbox named by its provider: "163邮箱是 brightstar2011", "Gmail: tom.lee88". */
const PROVIDER_MAILBOX =
  /(?:(?:163|126|139|189|yeah|sina|sohu|aliyun|foxmail|gmail|hotmail|outlook|yahoo|icloud|proton(?:mail)?|yandex|qq)\s?(?:邮箱|mail|mailbox|email|e-mail)|gmail|hotmail|outlook|yahoo|icloud|foxmail|proton(?:mail)?)\s?(?:是|is|:|：)\s?[a-z0-9][a-z0-9._-]{2,40}(?![a-z0-9@])/g;
/** An account name and a mail provider with no domain: "grace.lee 艾特 gmail". */
const PROVIDER_ONLY = new RegExp(String.raw`${lead('a-z0-9._%+-')}([a-z0-9][a-z0-9._-]{2,40})(${AT})(?:${MAIL_PROVIDER})(?![a-z0-9])`, 'g');
/** A spoken domain after "at": "at yi liu san dian com", "at hsbc.com.hk". */
const SPOKEN_AT = new RegExp(String.raw`at\s+(?:[a-z0-9-]{1,20}\s){0,2}[a-z0-9-]{1,20}${DOT}(?:${TLD})(?:${DOT}(?:${TLD}))?(?![a-z])`, 'g');
/** What must not stand right before each pattern (each would be a lookbehind; see `notAfterChar`). */
const AFTER_WORD = notAfterChar('a-z0-9');
const AFTER_LETTER = notAfterChar('a-z');
const AFTER_DOMAIN_PART = notAfterChar('a-z0-9.');

/** "my email", "我的邮箱", "電郵" (folded 电邮): an address is being given. */
const EMAIL_CUE = /(?:邮箱|电邮|邮件地址|信箱|e-?mail|mailbox|mail address)/;

const SCHEME_URL = /(?:https?|ftp)\s?:\s?\/\/[a-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;
const WWW_URL = new RegExp(String.raw`www${DOT}[a-z0-9-]+(?:${DOT}[a-z0-9-]+)+(?:\/[a-z0-9\-._~/?#=&%]*)?`, 'g');
const BARE_DOMAIN = new RegExp(
  String.raw`${lead('a-z0-9@._-')}[a-z0-9][a-z0-9-]{0,40}(?:\.[a-z0-9-]{1,40}){0,3}\.(?:${TLD})(?![a-z0-9-])(?:\/[a-z0-9\-._~/?#=&%]*)?`,
  'g',
);
/** "mystory dot com", "zhangsan点com", "xiaoyu [dot] cn", "youtu点be/3kQx9", "calligraphy-with-wei dot net slash lessons". */
const SPOKEN_DOMAIN = new RegExp(
  String.raw`${lead('a-z0-9')}([a-z0-9][a-z0-9-]{1,40})(?:\s+(?:dot|dian)\s+|\s?[(\[]\s?(?:dot|点)\s?[)\]]\s?|\s?(?:点|點)\s?)(?:${TLD})(?![a-z])(?:(?:\s?\/\s?|\s+slash\s+)[a-z0-9][a-z0-9\-._~?#=&%]*)?`,
  'g',
);
/** A domain given in two halves: "chenjianguo 加上 .com", "my name plus dot net", "xiaoyu 后面是 .cn". */
const SPLIT_DOMAIN = new RegExp(
  String.raw`${lead('a-z0-9')}([a-z0-9][a-z0-9-]{2,40})\s?(?:加上|再加上|后面加上?|后面是|后面跟着?|加|\+|plus|then|followed by|and then)\s?(?:\.|点|點|dot\s?)\s?(?:${TLD})(?![a-z])`,
  'g',
);

/** Short words that make "eat dot com" a joke, not a domain. */
const NOT_A_NAME = new Set(['eat', 'a', 'the', 'dot', 'com', 'and', 'or', 'is', 'it', 'at', 'to', 'i', 'my', 'say', 'says', 'said']);

const PROVIDER_SET = new Set(MAIL_PROVIDER.split('|'));

function domainParts(domain: string): string[] {
  return domain
    .split(/\s*(?:\.|[([<{]\s?dot\s?[)\]>}]|\bdot\b|点|點|。)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Stretches a spoken address back over the account name written before " at " ("yang fan ling jiu at …"). */
function spokenLocalStart(lower: string, at: number): number {
  let s = at;
  for (let words = 0; words < 8; words++) {
    let k = s;
    while (k > 0 && lower[k - 1] === ' ') k--;
    let w = k;
    while (w > 0 && /[a-z0-9._-]/.test(lower[w - 1])) w--;
    if (w === k) break;
    s = w;
  }
  return s;
}

/** A mail provider's domain in a sentence about e-mail: "lixiaoming0312，后面是qq.com". */
const PROVIDER_DOMAIN = /(?:qq|163|126|139|189|yeah|sina|sohu|aliyun|foxmail|gmail|hotmail|outlook|yahoo|icloud|proton)\.(?:com|cn|net|me)(?:\.[a-z]{2})?(?![a-z0-9])/g;

/** Providers named by PROVIDER_DOMAIN and PROVIDER_MAILBOX: a letter naming none skips both. */
const NAMES_A_PROVIDER = /qq|163|126|139|189|yeah|sina|sohu|aliyun|foxmail|gmail|hotmail|outlook|yahoo|icloud|proton|yandex/;

export function findEmails(n: Folded): Hit[] {
  const { lower } = n;
  const at = lower.includes('@');
  const provider = NAMES_A_PROVIDER.test(lower);
  return [
    ...(provider ? regexHits(lower, PROVIDER_DOMAIN, 'email', (m) => EMAIL_CUE.test(lower.slice(...sentenceAround(lower, m.index, m.index))), AFTER_DOMAIN_PART) : []),
    ...(at ? leadHits(lower, PLAIN_EMAIL, 'email') : []),
    ...(at ? leadHits(lower, GLUED_AT, 'email', (m) => /[a-z]/.test(m[0].slice(m[1].length)) && /[a-z0-9]\.[a-z]|[0-9]/.test(m[0].slice(m[1].length))) : []),
    ...(at ? regexHits(lower, AT_DOMAIN, 'email', undefined, AFTER_WORD) : []),
    ...(provider ? regexHits(lower, PROVIDER_MAILBOX, 'email', undefined, AFTER_WORD) : []),
    ...leadHits(lower, EMAIL, 'email', (m) => {
      const [, , local, at, domain] = m;
      if (!/^,?\s+at\s+$/.test(at)) return true;
      // "look at www.x.com" is a link, not an address; a spoken " at " needs a mail provider or an account-like name
      if (domain.startsWith('www')) return false;
      return PROVIDER_SET.has(domainParts(domain)[0]) || /[0-9_.]|\sdot\s/.test(local);
    }),
    ...leadHits(lower, PROVIDER_ONLY, 'email', (m) => /[0-9_.]/.test(m[2]) || !/^,?\s+at\s+$/.test(m[3])),
    ...regexHits(lower, SPOKEN_AT, 'email', (m) => {
      const [s, e] = sentenceAround(lower, m.index, m.index);
      return EMAIL_CUE.test(lower.slice(s, e)) && !m[0].includes('www');
    }, AFTER_LETTER).map((h) => ({ ...h, start: spokenLocalStart(lower, h.start) })),
  ];
}

/** A link ends before the full stop or comma that ends its sentence. */
function withoutTrailingPunctuation(lower: string, h: Hit): Hit {
  let end = h.end;
  while (end > h.start + 1 && /[.,;:!?)]/.test(lower[end - 1])) end--;
  return { ...h, end };
}

export function findUrls(n: Folded): Hit[] {
  const { lower } = n;
  return [
    ...(/http|ftp/.test(lower) ? regexHits(lower, SCHEME_URL, 'url') : []),
    ...(lower.includes('www') ? regexHits(lower, WWW_URL, 'url', undefined, AFTER_WORD) : []),
    ...leadHits(lower, BARE_DOMAIN, 'url', (m) => {
      // "e.g.", "3.5", "no.12" are not domains: the name must contain a letter
      const domain = m[0].slice(m[1].length);
      return /[a-z]/.test(domain.split('.')[0]) && !/^\d+(\.\d+)*$/.test(domain);
    }),
    ...leadHits(lower, SPLIT_DOMAIN, 'url', (m) => !NOT_A_NAME.has(m[2])),
    ...leadHits(lower, SPOKEN_DOMAIN, 'url', (m) => {
      const name = m[2];
      return /[a-z]/.test(name) && !NOT_A_NAME.has(name) && (name.length >= 4 || /[0-9-]/.test(name) || m[0].includes('/'));
    }),
  ].map((h) => withoutTrailingPunctuation(lower, h));
}
