/**
 * Requests FOR personal details: the reader's (or their family's) phone number, app account, e-mail,
 * address, village, school or class, full name, parents' names or workplace, a photo of their home.
 * No number need appear. Ordinary questions ("你们班人多吗？", "which city do you like?") pass.
 */
import { type Folded } from '../text/fold';
import { type AppMention } from './apps';
import { anyOf, type Hit, regexHits } from './hit';
import { sentenceAround, sentenceOf } from './context';

/** Details that are only asked for to reach someone; held when the sentence asks for the reader's. */
const ZH_CONTACT = /(?:电话号码|电话号|电话(?=(?:是)?(?:多少|什么|几)|[^。？！?!\n]{0,4}(?:告诉|写给|发给|留给|给我(?![妈爸奶爷家外姥哥姐弟妹们])))|手机号码|手机号|联系电话|号码|联系方式|联络方式|微信号|qq号|电子邮箱|邮箱|电邮|邮件地址|家庭地址|详细地址|具体地址|住址|地址|门牌号?|身份证号码?|全名|真名|真实姓名|大名|姓名|姓什么)/g;
/** A question about where the reader lives or studies, or who and where their parents are. */
const ZH_WHERE = anyOf(
  [
    String.raw`住(?:在)?[^。？?！!\n，,]{0,6}?(?:哪里|哪儿|哪|什么地方)`,
    String.raw`在哪(?:里|儿)?住`,
    String.raw`家(?:住)?在哪`,
    String.raw`哪(?:个|所|一所|一个|家|一家)(?:村|乡|镇|县|小区|学校|中学|小学|班|街|路|楼|单元|社区|组|工厂|厂|公司|单位|工地|车间)`,
    String.raw`哪(?:一)?家(?:工厂|厂|公司)`,
    String.raw`什么(?:村|乡|镇|小区|学校|中学|小学|路|街)`,
    String.raw`几楼`,
    String.raw`几号楼`,
    String.raw`几栋`,
    String.raw`几单元`,
    String.raw`几年级几班`,
    String.raw`几班`,
    String.raw`(?:村|乡|镇|学校|小区|工厂|公司|单位|路|街|巷)(?:的)?(?:名字|叫什么|是什么|名称)`,
    String.raw`具体(?:在)?哪`,
    String.raw`具体位置`,
    String.raw`(?:家|住)[^。？?！!\n]{0,6}(?:哪个位置|什么位置|哪个地方|哪一带|哪块)`,
    String.raw`(?:发|分享|共享|给我)[^。？?！!\n]{0,6}定位`,
    String.raw`定位发`,
    String.raw`位置共享`,
    String.raw`(?:班主任|老师|校长)(?:的)?(?:名字|全名|叫什么|姓什么)`,
    String.raw`(?:爸爸|妈妈|父母|爸妈|家长|你爸|你妈)(?:的)?(?:名字|叫什么|全名)`,
    String.raw`(?:爸爸|妈妈|父母|爸妈|家长|你爸|你妈)[^。？?！!\n]{0,12}(?:哪里|哪儿|哪个|哪家|哪|什么)[^。？?！!\n]{0,6}(?:工作|上班|打工|工厂|厂|公司|单位)`,
  ],
  'g',
);
/** A photo of the reader's home: "拍一张你家房子和门口的照片", "寄一張您家的照片". */
const ZH_HOME_PHOTO =
  /(?:拍|寄|发|照|传)[^。？?！!\n]{0,12}(?:你家|您家|你们家|你们村|房子|家门|门口|门牌|住的地方|村子)[^。？?！!\n]{0,8}(?:照片|相片|照)|(?:你家|您家|你们家|你们村|房子|家门口)的?(?:照片|相片)/g;
/** The sentence asks the reader for something. */
const ZH_ASK = /吗|呢|呗|嘛|？|\?|多少|什么|哪|几|告诉我|写给我|写一下|写下来|写在|写到|写进|留在|附上|发我|发给我|留一下|留个|给我|能不能|可不可以|可以|方便|请|吧|想知道/;
/** The detail is the reader's or their family's, not the writer's own ("我的电话是…"). */
const ZH_READERS = /你|您|你们|你家|家里|爸|妈|父母|家长|奶奶|爷爷/;
const ZH_WRITERS_OWN = /(?:我的?|我家的?|我们(?:学校|班|家|村|公司|单位)?的?|这是|以下是|下面是)\s?$/;
/** "不用告诉我她的名字": declining to ask. */
const ZH_DECLINED = /不用|不必|不需要|别|不要/;

const EN_POSSESSED =
  /\b(?:your|her|his|their|(?:your|her|his) (?:mum|mom|mother|dad|father|parents|family|grandma|grandpa|grandmother|grandfather)'?s?)\s+(?:(?:home|mobile|cell|phone|email|e-mail|wechat|qq|full|real|family|house|exact|school|village|chinese|english|whole|complete)\s+){0,2}(?:phone numbers?|mobile number|number|wechat(?: id)?|qq(?: number)?|email(?: address)?|e-mail(?: address)?|address|full names?|family names?|surnames?|real names?|(?:full|real|chinese|english|whole|complete) (?:\w+ )?names?|id numbers?|id card numbers?|student numbers?)\b/g;
const EN_PARENTS_NAMES = /\b(?:(?:your|her|his) )?(?:parents'|mum's|mom's|mother's|dad's|father's|family's) (?:full )?names?\b/g;
const EN_WHERE = anyOf(
  [
    String.raw`\bwhere (?:do|does|did) (?:you|your \w+|they|she|he) (?:live|stay|work)\b`,
    String.raw`\bwhich (?:village|township|town|street|road|factory|company|county|building|flat|apartment|compound|district)\b`,
    String.raw`\bwhich (?:(?:middle|high|primary|secondary|junior|senior|junior high|senior high|elementary) )?(?:school|class)\b(?= (?:is|are|do|does|did|you|your)\b)`,
    String.raw`\bwhat (?:class|grade and class) are you in\b`,
    String.raw`\bwhat(?:'s| is) (?:the )?(?:name of )?(?:your|their|the) (?:school|village|town|township|factory|company)(?:'s name| called)?\b`,
    String.raw`\bwhat(?:'s| is) the company called\b`,
    String.raw`\bwhat (?:street|road|village|town|township|county|building|compound|estate) (?:do|does|is|are)\b`,
    String.raw`\bthe (?:full )?name of (?:your|their|her|his) (?:school|village|town|township|factory|company|street|class|teacher|parents)\b(?=[^.!]*\?)`,
    String.raw`\b(?:tell me|let me know|write (?:down|me)|send me|give me) (?:the )?(?:full )?names? of (?:your|their|her|his) (?:school|village|town|township|factory|company|street|class|teacher|parents)\b`,
    String.raw`\bwhere (?:exactly )?(?:is|are) your (?:home|house|village|school|family)\b`,
    String.raw`\b(?:photos?|pictures?) of (?:your|their) (?:house|home|door|front door|village|street|school gate|building|flat)\b`,
    String.raw`\b(?:photos?|pictures?) of where you live\b`,
    String.raw`\bwhich town (?:they|your parents|your mum|your mom|your dad)(?:'re| are| is)\b`,
    String.raw`\b(?:best|easiest|quickest|other) ways? to (?:reach|contact|get hold of|find|call) you\b`,
    String.raw`\bhow (?:can|could|do|might) i (?:reach|contact|find|call|get hold of) you\b`,
    String.raw`\b(?:share|send|give) (?:me )?your (?:location|live location|pin)\b`,
    String.raw`\b(?:do|does) (?:you|your \w+) have an? (?:phone number|number|mobile number|email(?: address)?|e-mail|wechat|qq|home address)\b(?=[^.!]*\?)`,
  ],
  'g',
);
const EN_ASK = /\b(?:what|which|where|tell me|tell us|give me|send me|write (?:it|them|down)|share|let me know|can i have|could i have|may i have|would you mind|do you have|could you|can you|please|just write|(?:love|like|want) to know|wonder|curious)\b|\?/;
const EN_DECLINED = /\b(?:don't|do not|no need to|you needn't) (?:tell|give|write|share)\b/;

/** "你有微信吗", "您的微信号是多少", "do you have QQ?", "are you on the green app?". */
const ZH_APP_ASK = /^(?:号|账号|帐号)?(?:是)?(?:多少|什么|几号)|^(?:吗|没有|号吗)/;
const ZH_HAVE_APP = /(?:有没有|有|用不用|用|玩不玩|玩)\s?$/;
const EN_HAVE_APP = /\b(?:do|does) (?:you|your \w+) (?:have|use)(?: an?)?\s?$|\bare you on(?: the)?\s?$|\bwhat(?:'s| is) your\s?$/;

export function findPersonalRequests(n: Folded, apps: AppMention[]): Hit[] {
  const { lower } = n;
  const hits: Hit[] = [
    ...regexHits(lower, ZH_CONTACT, 'personal_request', (m) => {
      let sentence = sentenceOf(lower, m.index, m.index + m[0].length);
      // "你妈妈有手机吗？号码多少？": a short follow-up question belongs to the sentence before
      const [s] = sentenceAround(lower, m.index, m.index);
      if (m.index - s <= 2 && s > 0) sentence = sentenceOf(lower, s - 1) + sentence;
      const before = lower.slice(Math.max(0, m.index - 6), m.index);
      // "打电话给我妈妈" is a call (see channel.ts), not a request for a number; "你上次问我为什么换了号码" answers one
      if (/[打通拨接]$/.test(before) || /你(?:上次|之前|在信里|信里)?问(?:过)?我/.test(sentence)) return false;
      const imperative = /留|给|发|写|告诉|报/.test(before);
      return ZH_ASK.test(sentence) && (ZH_READERS.test(sentence) || imperative || /告诉我|写给我|发给我|给我/.test(sentence)) && !ZH_WRITERS_OWN.test(before) && !ZH_DECLINED.test(before);
    }),
    ...regexHits(
      lower,
      ZH_WHERE,
      'personal_request',
      (m) => {
        const before = lower.slice(Math.max(0, m.index - 6), m.index);
        // "您小时候住在哪里？" asks about the past, not where to find someone
        return !/我(?:们)?(?:的)?$|我家$/.test(before) && !ZH_DECLINED.test(before) && !/小时候|以前|过去|从前|当年/.test(before);
      },
      // "想考哪所学校" is a dream, "十几班" a count (lookbehinds, written out: see `notAfterChar`)
      (m, source) => (m[0][0] === '哪' && /(?:想考|想去|想上|考|去)$/.test(source.slice(Math.max(0, m.index - 2), m.index))) || (m[0] === '几班' && /[十百一二三四五六七八九0-9好]/.test(source[m.index - 1] ?? '')),
    ),
    ...regexHits(lower, ZH_HOME_PHOTO, 'personal_request', (m) => ZH_ASK.test(sentenceOf(lower, m.index, m.index + m[0].length))),
  ];
  for (const re of [EN_POSSESSED, EN_PARENTS_NAMES, EN_WHERE]) {
    hits.push(
      ...regexHits(lower, re, 'personal_request', (m) => {
        const sentence = sentenceOf(lower, m.index, m.index + m[0].length);
        return (re === EN_WHERE || EN_ASK.test(sentence)) && !EN_DECLINED.test(sentence);
      }),
    );
  }
  for (const app of apps) {
    const after = lower.slice(app.end, app.end + 6).trimStart();
    const before = lower.slice(Math.max(0, app.start - 20), app.start);
    const zhAsked = ZH_APP_ASK.test(after) || ZH_HAVE_APP.test(before);
    const enAsked = EN_HAVE_APP.test(before);
    if (!zhAsked && !enAsked) continue;
    const sentence = sentenceOf(lower, app.start, app.end);
    const zhAsk = zhAsked && /你|您/.test(sentence) && /吗|？|\?|多少|什么/.test(sentence);
    const enAsk = enAsked && /\?/.test(sentence);
    if (zhAsk || enAsk) hits.push({ category: 'personal_request', start: app.start, end: app.end });
  }
  return hits;
}
