import { type Normalized, sentenceAround } from './normalize';
import { type Hit, regexHits } from './hit';

/** Asking for money or payment in Chinese, unambiguous wherever it appears. */
const ZH_ALWAYS =
  /(转账|转帐|打钱|打[点些]钱|汇款|汇[点些]?钱|寄[点些]?钱|借[点些]?钱|收款码|付款码|收钱码|转给我|转[点些]?钱给我|转[到进]我|打到我的?(?:卡|账户|帐户|账号|帐号)|微信转[账帐我]|支付宝转[账帐我]|发[个一]?红包给我|发我红包|给我发[个一]?红包|红包发我|生活费给我|借(?:给我|我)[点些]?(?:[0-9一二三四五六七八九十两几百千万]+)\s?(?:块|元|百|千|万))/g;

/** Asking for a gift or money, only when the sentence is a request ("能给我买…吗"), not a story ("妈妈给我买了"). */
const ZH_IF_ASKED =
  /([帮给替]我[出付交垫](?:一下|一点|点|些)?(?:钱|学费|费用|书本费|资料费|生活费|房租)|出[点些一下]*钱|给我买|帮我买|替我买|给我寄|送我(?:一|个|双|部|台|件|些|点|块|套|本|辆)|给我[点些]?钱|给我零花钱|要[点些]?钱|红包|压岁钱|二维码|扫码|扫一扫|买给我|寄给我)/g;
const ZH_ASKING = /(能不能|可不可以|可以|能否|能|请|帮忙|希望您|希望你|想让您|想让你|想要|麻烦|求求|吗|？|\?)/;
/** "二维码" and "扫码" only count next to payment words. */
const ZH_PAY_CONTEXT = /(付|收|转|钱|款|红包|支付|微信|支付宝)/;

const EN_ALWAYS = new RegExp(
  [
    String.raw`send (?:me|us|my (?:mom|mother|dad|father|family|grandma|grandmother)) (?:some |a little |the |a bit of |extra |more )?(?:money|cash|yuan|rmb|\d)`,
    String.raw`send (?:some |a little |the |extra |more )?(?:money|cash) to (?:me|my|us)`,
    String.raw`transfer(?:red)? (?:me|us|money|some|the money|cash|it to me|\d|¥)`,
    String.raw`(?:bank|wire|money) transfer`,
    String.raw`wechat ?pay`,
    String.raw`alipay (?:me|us|the|it|my)`,
    String.raw`lend (?:me|us|my (?:family|mom|dad|mother|father))`,
    String.raw`gift ?cards?`,
    String.raw`give me (?:some |a little |the )?(?:money|cash)`,
    String.raw`(?:pay|payment|qr) code`,
    String.raw`red (?:envelope|packet)s? (?:to|for) me`,
  ].join('|'),
  'g',
);
const EN_IF_ASKED = /(?:buy|get) (?:me|us|my (?:brother|sister|family))|pay for (?:me|my|our)|red (?:envelope|packet)|(?:some|any|more|the) money|\d+\s?(?:yuan|rmb|dollars)/g;
const EN_ASKING = /\b(?:could|can|would|will) you\b|\bplease\b|\bpls\b|\bi need you\b|\bi want you\b|\bif you could\b|\bhope you (?:can|could|will)\b|\?/;

function asked(n: Normalized, start: number, end: number, asking: RegExp): boolean {
  const [s, e] = sentenceAround(n.lower, start, end);
  return asking.test(n.lower.slice(s, e));
}

/** Requests for money, payments or gifts outside the sponsorship. */
export function findMoney(n: Normalized): Hit[] {
  const { lower } = n;
  return [
    ...regexHits(lower, ZH_ALWAYS, 'money'),
    ...regexHits(lower, ZH_IF_ASKED, 'money', (m) => {
      const [s, e] = sentenceAround(lower, m.index, m.index + m[0].length);
      const sentence = lower.slice(s, e);
      // a payment code is the request itself
      if (/二维码|扫码|扫一扫/.test(m[0])) return ZH_PAY_CONTEXT.test(sentence.replace(m[0], ''));
      // a past gift ("姑姑给了我们一个红包") is a story, not a request
      return ZH_ASKING.test(sentence);
    }),
    ...regexHits(lower, EN_ALWAYS, 'money', (m) => !/[a-z]/.test(lower[m.index - 1] ?? '')),
    ...regexHits(
      lower,
      EN_IF_ASKED,
      'money',
      (m) => !/[a-z]/.test(lower[m.index - 1] ?? '') && asked(n, m.index, m.index + m[0].length, EN_ASKING),
    ),
  ];
}
