/**
 * Money or gifts outside the programme, asked for or offered: transfers, red envelopes, cash, loans,
 * payment codes, buying something for the other, a parcel sent straight to the child's home or
 * school. Thanks for the sponsorship, school fees the partner pays, prices, pocket money and family
 * gifts ("奶奶给了我一个红包", "my mum bought me shoes") pass.
 */
import { type Folded } from '../text/fold';
import { type AppMention } from './apps';
import { anyOf, type Hit, regexHits } from './hit';
import { ASKING_EN, ASKING_ZH, BYPASS, NGO, negatedZh, OTHERS_EN, OTHERS_ZH, clauseStart, perSentence, sentenceAround, sentenceOf } from './context';

/** Money moving between writer and reader, wherever it appears. */
const ZH_ALWAYS = anyOf(
  [
    String.raw`转账`,
    String.raw`转帐`,
    String.raw`打钱`,
    String.raw`打[点些]钱`,
    String.raw`汇款`,
    String.raw`汇[了点些一笔]{0,3}钱`,
    String.raw`寄[了点些一笔]{0,3}钱`,
    String.raw`借[^，。！？,\n]{0,6}(?:钱|块|元)`,
    String.raw`把(?:钱|款|红包|生活费|学费|零花钱)(?:打|转|汇|寄|发)`,
    String.raw`打到[^。，！？\n]{0,8}(?:卡|账户|帐户|账号|帐号|支付宝|微信)`,
    String.raw`(?:往|给|向)(?:你|您)(?:们)?(?:的)?(?:卡|账户|帐户|账号|帐号|支付宝|微信)(?:里|上)?(?:打|转|汇|充|存)`,
    String.raw`打[了点些一笔]{1,3}钱`,
    String.raw`收款码`,
    String.raw`付款码`,
    String.raw`收钱码`,
    String.raw`转给(?:我|你|您)(?:们)?`,
    String.raw`转[点些]?(?:钱|米)`,
    String.raw`往里(?:面)?转`,
    String.raw`转[到进](?:我|你)`,
    String.raw`打到(?:我|你)的?(?:卡|账户|帐户|账号|帐号)`,
    String.raw`微信转[账帐我你]`,
    String.raw`支付宝转[账帐我你]`,
    String.raw`发[个一]?红包给(?:我|你)`,
    String.raw`发(?:我|你)红包`,
    String.raw`给(?:我|你|您)发[个一]?(?:红包|🧧)`,
    String.raw`红包发(?:我|你)`,
    String.raw`v我\s?\d+`,
    String.raw`(?:给|寄|送|转)(?:你|您)(?:们)?(?:一点|点|些)?(?:钱|现金|零花钱|零用钱|生活费)`,
    String.raw`以后(?:一定)?(?:会)?还(?:你|您)`,
    String.raw`还(?:你|您)钱`,
    // slang: 打点米, v我五十
    String.raw`打[点些个]?米(?![饭粉线])`,
    String.raw`v我\s?[一二三四五六七八九十百千两几]+`,
    // cash in the envelope: "这点钱你拿去买鞋吧，我放在信封里了", "书里夹了两百块"
    String.raw`(?:钱|现金|红包|块钱|元)[^。！？\n]{0,10}(?:放在|夹在|塞在|装在|放进|夹进|塞进)[^。！？\n]{0,6}(?:信封|信里|信中|贺卡|卡片)`,
    String.raw`(?:信封|信|贺卡|卡片)里[^。！？\n]{0,8}(?:夹|放|塞|装)(?:了|着)?[^。！？\n]{0,8}(?:钱|现金|块|元|红包)`,
    // 你的学费我来出, 过年我包个红包给你
    String.raw`(?:学费|生活费|书费|资料费|费用|路费|医药费)(?:就)?(?:由)?我(?:来|帮你|替你)(?:出|付|交|给)`,
    String.raw`(?:包|发)(?:个|一个)?(?:大)?红包给(?:你|您)`,
    String.raw`收件(?:地址|人)`,
    // 我准备了五百块钱…可以去邮局取
    String.raw`(?:准备|留|寄|汇)了?[0-9一二三四五六七八九十两几百千万]{1,8}(?:块|元)(?:钱)?`,
    String.raw`汇款单`,
    String.raw`(?:这点|这些|这笔|这[0-9一二三四五六七八九十两几百千万]+(?:块|元))钱?(?:你)?(?:先)?(?:拿去|拿着|收下|收好|留着)`,
    // 我给你妈妈微信转了五百, 支付宝上转过去了
    String.raw`给(?:你|您)(?:们)?(?:的)?(?:妈妈|爸爸|家里|家人|爷爷|奶奶|外婆|外公|父母|爸妈)?(?:的)?(?:微信|支付宝|卡|账户|帐户)(?:上|里)?(?:转|打|汇|充)`,
    String.raw`(?:微信|支付宝|银行|手机)(?:上)?转(?:了|过去|给)`,
    String.raw`转了?[0-9一二三四五六七八九十两几]*[百千万](?:块|元)?(?![圈遍次下回个天年多])|转了?[0-9一二三四五六七八九十两几百千万]+(?:块|元)`,
  ],
  'g',
);

/** Gifts from the writer to the reader: "我给你买了", "送你一台电脑", "寄到你家", "给你准备了一个红包". */
const GIFT = '(?:手机|电脑|笔记本|平板|书包|鞋|衣服|羽绒服|外套|自行车|单车|礼物|红包|🧧|钱|文具|零食|玩具|手表|耳机|学习机|词典|字典|包裹|快递|台|部|套|双|件|本书)';
const ZH_OFFER = anyOf([
  String.raw`(?:帮|替)(?:你|您|你们)(?:买|出|付|交|垫|缴)`,
  String.raw`给(?:你|您|你们)(?:买|寄|送|准备|发|出|付|交|垫|缴)(?:了)?`,
  String.raw`(?:买|寄|送)给(?:你|您|你们)`,
  String.raw`送(?:你|您|你们)[^，。！？,\n]{0,6}${GIFT}`,
  String.raw`给(?:你|您|你们)[^，。！？,\n]{0,8}(?:钱|块|元|红包|零花钱|零用钱|生活费|礼物|🧧)`,
  String.raw`寄(?:到|去)(?:你|您)(?:们)?(?:的)?(?:家|学校|村|那里|那儿|地址|传达室)`,
  String.raw`(?:寄|送|邮)(?:了)?(?:个|一个)?(?:包裹|快递|礼物)(?:给|到)`,
]);

/** Asking for a gift or money, only when the sentence is a request ("能给我买…吗"), not a story ("妈妈给我买了"). */
const ZH_IF_ASKED = anyOf(
  [
    String.raw`[帮给替]我[出付交垫](?:一下|一点|点|些)?(?:钱|学费|费用|书本费|资料费|生活费|房租)`,
    String.raw`出[点些一下]*钱`,
    String.raw`给我买`,
    String.raw`帮我买`,
    String.raw`替我买`,
    String.raw`给我寄`,
    String.raw`送我(?:一|个|双|部|台|件|些|点|块|套|本|辆)`,
    String.raw`给我[点些]?钱`,
    String.raw`给我零花钱`,
    String.raw`要[点些]?钱`,
    String.raw`红包`,
    String.raw`🧧`,
    String.raw`压岁钱`,
    String.raw`二维码`,
    String.raw`扫码`,
    String.raw`扫一扫`,
    String.raw`买给我`,
    String.raw`寄给我`,
    String.raw`寄(?:到|来|去)我(?:们)?(?:家|这|那)`,
    String.raw`帮帮(?:我|我们)`,
    String.raw`帮(?:我|我们)一下`,
    String.raw`资助(?:我|我们)一点`,
    String.raw`(?:资助|支持)(?:我|我们)(?:家)?(?:买|一点|点|些|一下)`,
    String.raw`帮(?:我|我们)(?:家)?(?:一点|点|些)`,
    String.raw`借(?:我|我们|给我们?)(?:一)?[点些](?!时间|勇气|力量|耐心|智慧|灵感|光)`,
    String.raw`借(?:我|我们|给我们?|给我家)(?:[0-9一二三四五六七八九十两几]*[百千万]|[0-9]{2,})`,
    String.raw`(?:帮|给|替)(?:我|我们)(?:充|交)(?:一下|个|点)?(?:话费|流量|饭卡|游戏币|钱|点卡)`,
    String.raw`扫(?:一下|一扫)?(?:这个|我的|我妈妈的|我爸爸的|这)?码`,
    String.raw`💰|💴|💵|💸`,
  ],
  'g',
);
/** "二维码" and "扫码" only count next to payment words; "帮帮我们" only next to an amount of money. */
const ZH_PAY_CONTEXT = /(?:付|收|转|钱|款|红包|支付|微信|支付宝)/;
const ZH_AMOUNT = /[0-9一二三四五六七八九十两几百千万]{1,12}\s?(?:块|元|千|万|百)|钱|费/;
const ZH_STORY_GIVER = new RegExp(`(?:${OTHERS_ZH})`);
/** A safety lesson: "不要随便给陌生人转账". */
const SAFETY_LESSON_ZH = /陌生人|骗子|诈骗|骗钱/;
/** Through the partner, it's the programme: "托机构转给你", "通过基金会寄给你". */
const ZH_THROUGH_PARTNER =
  /托(?:机构|基金会|社工)|通过(?:机构|基金会|社工|平台|伴学|项目)|经(?:过)?(?:机构|基金会)|由(?:机构|基金会)|(?:机构|基金会|社工|平台|项目)(?:会)?(?:转交|转给|转寄|代寄|帮忙寄|寄过来|转过来)|寄(?:到|给)(?:基金会|机构|社工|平台)/;
/**
 * Things sent with the letter, through the programme: "把你画的画拍下来，随信寄给我看看", "照片附在信里
 * 发给我". A drawing, a photo, a letter or a card sent that way is not a gift outside the programme; money,
 * parcels and anything sent to a home address still are.
 */
const WITH_LETTER_ZH = /随信|跟信|和信一起|连同信|附在信|附上|夹在信|放在信里|信里|信中|回信|拍(?:下来|照|张|一张)|照片|相片|图片|画|作品|作文|明信片|贺卡/;
const NOT_WITH_LETTER_ZH = /钱|红包|现金|地址|快递|包裹|寄到|收款|转账|手机|电脑|衣服|鞋/;

const EN_ALWAYS = new RegExp(
  [
    String.raw`send (?:me|us|my (?:mom|mother|dad|father|family|grandma|grandmother)) (?:some |a little |the |a bit of |extra |more )?(?:money|cash|yuan|rmb|\d)`,
    String.raw`send (?:some |a little |the |extra |more )?(?:money|cash) to (?:me|my|us|you|your)`,
    String.raw`(?:send|give|transfer|wire|post|mail) (?:you|your (?:mum|mom|mother|dad|father|family|parents)) (?:some |a little |a |an |the )?(?:money|cash|red envelope|red packet|hongbao|hong bao|lucky money|little something|little red envelope|gift|present|parcel|package)`,
    String.raw`transfer(?:red)? (?:me|us|money|some|the money|cash|it to me|a little|\d|¥)`,
    String.raw`(?:bank|wire|money) transfer`,
    String.raw`wechat ?pay`,
    String.raw`alipay (?:me|us|the|it|my)`,
    String.raw`lend (?:me|us|my (?:family|mom|dad|mother|father))`,
    String.raw`pay (?:you|me) back`,
    String.raw`gift ?cards?`,
    String.raw`give me (?:some |a little |the )?(?:money|cash)`,
    String.raw`(?:pay|payment|qr) code`,
    String.raw`red (?:envelope|packet)s? (?:to|for) me`,
    String.raw`(?:\d{1,12}|a few hundred|some) (?:yuan|rmb|dollars|pounds|euros?) (?:in )?cash`,
    String.raw`(?:slipped|tucked|hidden|hid|enclosed|put) (?:a little something|some (?:money|cash)|(?:\d+ )?(?:yuan|rmb|dollars|money|cash))`,
    String.raw`(?:buy|get) (?:it|one|them|this|that) for you`,
    String.raw`(?:buy|bought|got|ordered|buying|getting) you (?:a|an|some|the|new)`,
    String.raw`(?:e-?transfer|venmo|zelle|paypal|interac)\b`,
    String.raw`(?:pocket money|spending money|lucky money|gift money|allowance|red envelope|red packet) (?:from me|for you)`,
    String.raw`(?:send|sending|sent|post|posting|posted|mail|mailing|mailed|ship|shipping|shipped) you (?:a|an|some|the) (?!(?:photo|picture|letter|reply|message|note|copy|link|video|hug|kiss|poem|drawing|postcard|card|painting)s?\b)`,
    String.raw`(?:help )?pay (?:for )?(?:your|his|her) [^.!?
]{0,25}?(?:fees?|tuition|bills?|costs?|rent|medicine|treatment|hospital)`,
    String.raw`(?:send|post|mail|ship|deliver) (?:it|them|this|that|a parcel|a package|a gift|a present)? ?(?:straight |directly )?to your (?:home|house|address|school|village|family)`,
    String.raw`(?:red envelope|red packet|hongbao|lucky money|lucky paper) (?:of my own|from me|just from me|directly)`,
    String.raw`help (?:us|me|my family) directly`,
    String.raw`send you (?:something|a little something|a (?:small |little )?(?:gift|treat|reward|present|surprise))`,
    String.raw`(?:give|send|get|pass|hand) (?:it |this |them |some |the money |that )?(?:to )?you directly`,
    String.raw`(?:wire|wired|transfer|transferred|send|sent|pay|paid|put|deposit|deposited)[^.!?\n]{0,40}\b(?:to|into) (?:your|your (?:mum|mom|dad|father|mother|family|parents|grandma|grandpa)'?s?) (?:bank )?(?:account|card|alipay|wechat)`,
    String.raw`treat you to (?:a |an |some )?(?:new )?(?:phone|tablet|laptop|computer|bike|bicycle|shoes|trainers|jacket|coat|bag|backpack|watch|gift|present)`,
    String.raw`shou ?kuan ?ma|fu ?kuan ?ma`,
    String.raw`(?:wechat|weixin|alipay|venmo|paypal|zelle) me (?:\d|some|the money|a little|money)`,
    String.raw`chip in (?:for|on|towards?) (?:your|you)`,
    String.raw`get (?:some |the |a little )?(?:money|cash) to (?:you|your)`,
    String.raw`(?:i'?ll|i will|i can|i could|let me|i'd like to|i want to) (?:just )?(?:handle|cover|pay|pay for|take care of|sort out|buy) (?:your|you|it)\b[^.!?\n]{0,30}\bmyself`,
    String.raw`(?:care package|parcel|package|present|gift box)s? (?:your way|to you)`,
    String.raw`(?:parcel|package|care package|present|gift)\b[^.!?\n]{0,40}\baddress`,
    String.raw`(?:have|get) (?:it|them|one|a pair) (?:delivered|sent|shipped|posted) (?:straight |directly )?to (?:you|your)`,
    String.raw`(?:i'?ll|i will|i can|i could|let me) (?:cover|pay for|foot the bill for|sort out) (?:your|it|that|the)(?! [a-z]+ (?:through|via) the)`,
  ].join('|'),
  'g',
);
const OTHERS_SUBJECT_EN = new RegExp(`\\b(?:${OTHERS_EN})\\b`);
const EN_IF_ASKED =
  /(?:buy|get) (?:me|us|my (?:brother|sister|family))|(?:buy|get) (?:it|one|them|this) for (?:me|us)|pay for (?:me|my|our)|red (?:envelope|packet|pocket)|hongbao|hong bao|lai see|lucky money|(?:some|any|more|the) money|\d{1,12}\s?(?:yuan|rmb|dollars|kuai|hkd|usd)|(?:hk|us|nt)?\$\s?\d|[¥￥£€]\s?\d|help (?:us|me|my family)(?! with (?:my|the) (?:english|homework|studies))|top up (?:my|our|the) (?:phone|card|credit|account|mobile)|pay (?:my|our) (?:phone|mobile) bill/g;
/** "(does your mum have) Alipay I could send it to", "send a 红包 on WeChat". */
const EN_PAY_APP = /\b(?:send|transfer|give|pay|receive|get)\b/;

function throughPartner(sentence: string): boolean {
  return ZH_THROUGH_PARTNER.test(sentence) && !BYPASS.test(sentence);
}

/** A gift or money word next to "just from me", "不用经过基金会": going around the programme. */
const GIFT_WORDS = /\b(?:give|send|gift|present|money|cash|red|envelope|buy|parcel|package|treat|cover|pay|help|bills?)\b|little something|here's a|送|给你|给您|寄|买|钱|红包|🧧|礼物|包裹|资助|学费|困难|帮你|帮助/;

function asked(lower: string, start: number, end: number, asking: RegExp): boolean {
  const [s, e] = sentenceAround(lower, start, end);
  return asking.test(lower.slice(s, e));
}

function bypassSentences(lower: string): [number, number][] {
  const found: [number, number][] = [];
  const re = new RegExp(BYPASS.source, 'g');
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    const span = sentenceAround(lower, m.index, m.index + m[0].length);
    if (!found.some(([s]) => s === span[0])) found.push(span);
    re.lastIndex = Math.max(re.lastIndex, span[1]);
  }
  return found;
}

export function findMoney(n: Folded, apps: AppMention[]): Hit[] {
  const { lower } = n;
  const partnerHere = perSentence(lower, throughPartner);
  // "我给你寄的书收到了吗？是通过机构转交的。": the partner may be named in the next sentence
  const arrangedByPartner = (pos: number) => partnerHere(pos) || partnerHere(sentenceAround(lower, pos, pos)[1]);
  const withLetter = perSentence(lower, (sentence) => WITH_LETTER_ZH.test(sentence) && !NOT_WITH_LETTER_ZH.test(sentence));
  const bypassed = perSentence(lower, (sentence) => BYPASS.test(sentence));
  const hits: Hit[] = [
    ...regexHits(lower, ZH_ALWAYS, 'money', (m) => {
      // "妈妈在信封里放了钱，寄给哥哥": someone else's money, in a sentence that is not between writer and reader
      const clause = lower.slice(clauseStart(lower, m.index), m.index + m[0].length);
      if (ZH_STORY_GIVER.test(clause) && !/[我你您咱]/.test(clause)) return false;
      // "我准备了五百块钱" only for the reader ("…等你去邮局取")
      if (/^(?:准备|留|寄|汇)了?[0-9一二三四五六七八九十两几百千万]/.test(m[0]) && !/你|您/.test(sentenceOf(lower, m.index))) return false;
      // "不要随便给陌生人转账" is a safety lesson
      if (SAFETY_LESSON_ZH.test(sentenceOf(lower, m.index))) return false;
      // "收件地址" only where something is being sent
      if (/^收件/.test(m[0]) && !/寄|快递|包裹|礼物|东西/.test(sentenceOf(lower, m.index))) return false;
      return !negatedZh(lower, m.index) && !arrangedByPartner(m.index);
    }),
    ...regexHits(lower, ZH_OFFER, 'money', (m) => {
      const clause = lower.slice(clauseStart(lower, m.index), m.index);
      // "妈妈给你买了…", "基金会帮你交了学费" are someone else's; "我给你买了" is the writer's
      if ((ZH_STORY_GIVER.test(clause) || NGO.test(clause)) && !/我$/.test(clause)) return false;
      if (/寄|发/.test(m[0]) && withLetter(m.index)) return false;
      return !negatedZh(lower, m.index) && !arrangedByPartner(m.index);
    }),
    ...regexHits(lower, ZH_IF_ASKED, 'money', (m) => {
      const sentence = sentenceOf(lower, m.index, m.index + m[0].length);
      // a payment code is the request itself
      if (/二维码|扫.*码|扫一扫/.test(m[0])) return ZH_PAY_CONTEXT.test(sentence.replace(m[0], ''));
      if (/^帮|^资助|^支持/.test(m[0]) && !/买$|话费|流量|饭卡|游戏币|点卡/.test(m[0])) {
        const [s] = sentenceAround(lower, m.index, m.index);
        const [, e] = sentenceAround(lower, m.index + m[0].length, m.index + m[0].length);
        const around = lower.slice(Math.max(0, s - 60), Math.min(lower.length, e + 30));
        if (!ZH_AMOUNT.test(around)) return false;
      }
      // "爸爸说…可以给我买新书包" is someone else's gift
      const clause = lower.slice(clauseStart(lower, m.index), m.index);
      if (ZH_STORY_GIVER.test(clause) && !/[你您]/.test(clause)) return false;
      // a drawing or a photo sent with the letter goes through the programme
      if (/寄/.test(m[0]) && withLetter(m.index)) return false;
      // a past gift ("姑姑给了我们一个红包") is a story, not a request
      return ASKING_ZH.test(sentence) && !/了/.test(lower.slice(m.index + m[0].length, m.index + m[0].length + 1)) && !arrangedByPartner(m.index);
    }),
    ...regexHits(lower, EN_ALWAYS, 'money', (m) => {
      if (/[a-z]/.test(lower[m.index - 1] ?? '')) return false;
      // "the NGO will pay for your school fees" is the programme; "grandma put some money in my account" a family story
      const clause = lower.slice(clauseStart(lower, m.index, 60), m.index);
      // (a payment code is the request itself, whoever made it)
      if (!/code|kuan/.test(m[0]) && OTHERS_SUBJECT_EN.test(clause) && !/\b(?:i|we|you)\b/.test(clause)) return false;
      // "I'll send you a book through the foundation": the partner may be named after the offer
      // (not cash tucked into the partner's parcel: that is still cash)
      const sentByPartner = /^(?:send|sent|post|mail|ship)/.test(m[0]) && !/cash|money|yuan|rmb|dollar|\d/.test(m[0]) && NGO.test(sentenceOf(lower, m.index));
      return !((NGO.test(clause) || sentByPartner) && !bypassed(m.index));
    }),
    ...regexHits(
      lower,
      EN_IF_ASKED,
      'money',
      (m) => {
        if (/[a-z]/.test(lower[m.index - 1] ?? '')) return false;
        if (!asked(lower, m.index, m.index + m[0].length, ASKING_EN)) return false;
        // "help us" is a money request only next to an amount of money
        if (/^help/.test(m[0])) return /\d+\s?(?:yuan|rmb|dollars|元|块)|money|cash|pay|fees?\b|cost/.test(lower.slice(Math.max(0, m.index - 200), m.index + 80));
        return true;
      },
    ),
  ];
  for (const [s, e] of bypassSentences(lower)) {
    // "弟弟偷偷把我的零花钱拿走了" keeps nothing between writer and reader
    const sentence = lower.slice(s, e);
    if (GIFT_WORDS.test(sentence) && /你|您|咱|\byou\b|\byour\b|from me/.test(sentence)) hits.push({ category: 'money', start: s, end: e });
  }
  for (const app of apps) {
    if (app.kind !== 'pay') continue;
    // "What's your mum's Alipay? I'll send a little something": the offer may come in the next sentence
    const [s, e] = sentenceAround(lower, app.start, app.end);
    const sentence = lower.slice(s, sentenceAround(lower, e, e)[1]);
    if ((EN_PAY_APP.test(sentence) || /[转打汇给发收付]/.test(sentence)) && (ASKING_EN.test(sentence) || ASKING_ZH.test(sentence))) {
      hits.push({ category: 'money', start: app.start, end: app.end });
    }
  }
  return hits;
}
