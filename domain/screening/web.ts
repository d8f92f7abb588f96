import { type Normalized } from './normalize';
import { type Hit, regexHits } from './hit';

/** Top-level domains worth recognising on a bare domain ("xiaoyu.top", "qq.com"). */
const TLD = 'com|cn|net|org|top|xyz|me|io|cc|info|site|online|vip|shop|club|tv|co|app|dev|link|ly|hk|tw|us|uk|edu|gov|ink|fun|asia|biz|wang|store|tech|live|icu';
/** Mail providers people name instead of writing a domain ("name at qq dot com"). */
const MAIL_PROVIDER =
  'qq|163|126|139|189|yeah|sina|sohu|aliyun|foxmail|gmail|googlemail|hotmail|outlook|live|yahoo|icloud|me|msn|protonmail|proton|mail|yandex|tom|21cn';

/** Things people write for "@": @, (at), [at], " at ", 艾特, 圈a, 小老鼠, #. */
const AT = String.raw`(?:\s{0,2}@\s{0,2}|\s{0,2}[(\[<{]\s?at\s?[)\]>}]\s{0,2}|\s+at\s+|\s{0,2}(?:艾特|爱特|圈a|圈圈a|小老鼠|at符号)\s{0,2}|#)`;
/** Things people write for ".": ., (dot), [dot], " dot ", 点, 點, 。. */
const DOT = String.raw`(?:[ ]?\.[ ]?|\s{0,2}[(\[<{]\s?dot\s?[)\]>}]\s{0,2}|\s+dot\s+|\s{0,2}(?:点|點|。)\s{0,2})`;

const EMAIL = new RegExp(
  String.raw`(?<![a-z0-9._%+-])([a-z0-9][a-z0-9._%+-]{0,40})(${AT})([a-z0-9][a-z0-9-]{0,30}(?:${DOT}[a-z0-9-]{2,20}){0,2}${DOT}(?:${TLD}))(?![a-z0-9-])`,
  'g',
);
/** Any plain address with a literal "@", whatever its top-level domain. */
const PLAIN_EMAIL = /(?<![a-z0-9._%+-])[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![a-z0-9-])/g;

const SCHEME_URL = /(?:https?|ftp)\s?:\s?\/\/[a-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;
const WWW_URL = /(?<![a-z0-9])www\s?\.\s?[a-z0-9-]+(?:\s?\.\s?[a-z0-9-]+)+(?:\/[a-z0-9\-._~/?#=&%]*)?/g;
const BARE_DOMAIN = new RegExp(
  String.raw`(?<![a-z0-9@._-])[a-z0-9][a-z0-9-]{0,40}(?:\.[a-z0-9-]{1,40}){0,3}\.(?:${TLD})(?![a-z0-9-])(?:\/[a-z0-9\-._~/?#=&%]*)?`,
  'g',
);
/** "mystory dot com", "zhangsan点com", "xiaoyu [dot] cn". */
const SPOKEN_DOMAIN = new RegExp(
  String.raw`(?<![a-z0-9])[a-z0-9][a-z0-9-]{1,40}(?:\s+dot\s+|\s?[(\[]\s?dot\s?[)\]]\s?|\s?(?:点|點)\s?)(?:${TLD})(?![a-z])`,
  'g',
);

const PROVIDER_SET = new Set(MAIL_PROVIDER.split('|'));

function domainParts(domain: string): string[] {
  return domain
    .split(/\s*(?:\.|[([<{]\s?dot\s?[)\]>}]|\bdot\b|点|點|。)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function findEmails(n: Normalized): Hit[] {
  return [
    ...regexHits(n.lower, PLAIN_EMAIL, 'email'),
    ...regexHits(n.lower, EMAIL, 'email', (m) => {
      const [, local, at, domain] = m;
      if (!/^\s+at\s+$/.test(at)) return true;
      // "look at www.x.com" is a link, not an address; a spoken " at " needs a mail provider or an account-like name
      if (domain.startsWith('www')) return false;
      return PROVIDER_SET.has(domainParts(domain)[0]) || /[0-9_.]/.test(local);
    }),
  ];
}

export function findUrls(n: Normalized): Hit[] {
  const { lower } = n;
  return [
    ...regexHits(lower, SCHEME_URL, 'url'),
    ...regexHits(lower, WWW_URL, 'url'),
    ...regexHits(lower, BARE_DOMAIN, 'url', (m) => {
      // "e.g.", "3.5", "no.12" are not domains: the name must contain a letter
      const name = m[0].split('.')[0];
      return /[a-z]/.test(name) && !/^\d+(\.\d+)*$/.test(m[0]);
    }),
    ...regexHits(lower, SPOKEN_DOMAIN, 'url', (m) => /[a-z]/.test(m[0].split(/\s|点|點|\(|\[/)[0])),
  ];
}
