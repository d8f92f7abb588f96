/**
 * Proposals to move the conversation to a private channel outside the app: another app ("微信上聊吧",
 * "let's chat on WhatsApp"), adding each other, calls and video calls, private messages, or simply
 * "somewhere else" ("我们换个地方聊吧", "another way to chat"). Talking about one's own calls with family
 * ("我和妈妈视频了", "my son and I chat on WeChat") and sessions the partner organises pass.
 */
import { type Folded } from '../text/fold';
import { type AppMention } from './apps';
import { anyOf, type Blocked, type Hit, regexHits } from './hit';
import { ASKING_ZH, BYPASS, NGO, NEGATED_EN, NEGATED_ZH, OTHERS_EN, OTHERS_ZH, clauseStart, negatedZh, perSentence, perSentenceValue, sentenceAround, sentenceOf } from './context';

const ZH = anyOf(
  [
    String.raw`(?:加|jia)\s?(?:我|个|一下|ge)?\s?(?:好友|微信|微|v信|vx|wx|v|qq|扣扣|我)(?![们a-z])`,
    String.raw`好友申请`,
    String.raw`通过一下`,
    String.raw`互关`,
    String.raw`互粉`,
    String.raw`互相关注`,
    String.raw`互相加`,
    String.raw`互加`,
    String.raw`关注我`,
    String.raw`私信我?`,
    String.raw`私聊`,
    String.raw`私(?:下|底下)[^，。！？,\n]{0,4}?(?:联系|聊|说|见)`,
    String.raw`单独(?:联系|聊|说|跟你说|和你说)`,
    String.raw`悄悄(?:联系|聊)`,
    String.raw`换个[^。！？\n]{0,8}(?:地方|方式|平台|软件|app|方法|办法|途径|渠道)(?:聊|说|联系)?`,
    String.raw`(?:别的|其他|另外的?)(?:地方|方式|平台)(?:聊|说|联系)`,
    String.raw`换(?:到|去|成)(?:别的|其他|另外的?|另一个)?(?:地方|平台|软件|app|方式|渠道|方法|办法)`,
    String.raw`不(?:在这里|在这儿|在这个平台|在app里|在平台上|用这个)(?:写信|写|聊)`,
    String.raw`(?:聊天|社交|通讯)(?:软件|工具|app)`,
    String.raw`(?:在|到|用)(?:上面|那上面|那里面|那边|里面)(?:说|聊|联系)`,
    String.raw`(?:给|跟)(?:我|你|您)发(?:个)?(?:短信|信息|消息|微信|语音)`,
    String.raw`(?:来|进)我的?直播间`,
    String.raw`(?:在)?(?:评论区|弹幕)(?:里)?(?:跟|和|给)我`,
    String.raw`(?:微|威|薇)我(?![0-9一二三四五六七八九十百千两几们也都])`,
    String.raw`交换(?:一下)?(?:联系方式|联络方式|电话|号码|微信|qq|手机号)`,
    String.raw`开黑|连麦`,
    String.raw`(?:用|通过)(?:邮箱|邮件|电邮|email|e-mail|短信)(?:通信|联系|聊|交流)`,
    String.raw`(?:跟|和|与|同)(?:你|您)(?:直接)?联系(?!上)`,
    String.raw`加一下(?=[吧呗哦啊呀])`,
    String.raw`直接(?:跟|和|与|同)?(?:你|您|我)(?:们)?(?:联系|聊天|通信|通话)`,
    String.raw`不(?:通过|经过|用)(?:这个)?(?:平台|app|软件|伴学|基金会|机构)(?:写信|联系|聊|说)`,
    String.raw`(?:下次|到时候|改天|以后|等)(?:我们|咱们)?(?:视频|通话|语音|打电话)`,
    String.raw`(?:记得|可以|就|直接|随时|一定要|第一个)联系(?:我|我们)`,
    String.raw`听(?:听|到|一下)?(?:我|你|您)的声音`,
    String.raw`(?:邮件|邮箱|电邮|短信)联系`,
    // "用的话我让我姐加你", "我加您吧" (not 加油)
    String.raw`加(?:你|您)(?:为)?(?:好友|微信|qq)?(?=[吧吗呀啊哦啦，,。！!？?～~\s]|$)`,
    String.raw`(?:在)?(?:这里|这儿|信里)(?:说话|聊天|说|写|聊)?(?:不太|不大|不)(?:方便|自由)`,
    String.raw`(?:app|平台|这里|伴学|信里|信件)(?:以外|之外|外面)`,
    String.raw`(?:电话|手机|微信|qq)(?:上)?找我`,
    String.raw`不方便在(?:这里|信里)`,
    String.raw`有人看着`,
    String.raw`在那边(?:说|聊)`,
    String.raw`(?:写|发)(?:邮件|电邮|短信|信息|消息)给我`,
    String.raw`扫码(?:加|进)群`,
    String.raw`拉你进群`,
    String.raw`进我的群`,
    String.raw`(?:线上|网上|私下)(?:聊|联系|说|见)`,
    String.raw`(?:私|滴滴|戳|敲|q|call|艾特|@)我(?![分钱们])`,
    String.raw`扣我(?![分钱的工])`,
    String.raw`下载(?:一个|个)?(?=qq|微信|抖音|快手|whatsapp|line|telegram|钉钉)`,
    String.raw`直接(?:联系|找)我`,
    String.raw`有事(?:能|可以|就)?直接(?:问|找|联系|打给)(?:你|您)`,
    String.raw`有事(?:就)?(?:直接)?找我`,
  ],
  'g',
);
/**
 * Calls, video and voice calls: "我们通个电话吧", "姐姐可以打给我妈妈吗", "下次我给你妈妈打电话". Whether
 * one is a channel depends on who calls whom and when (see `isOurCall`): "班主任打电话给我妈妈", "我每周都
 * 给奶奶打电话", "前几天跟老朋友通电话" are someone else's calls.
 */
const CALL_ZH = new RegExp(
  [
    String.raw`(?:打|通|拨|回|开)(?:个|一个|一通|一下|几个)?(?:电话|视频|语音)(?:电话|通话)?`,
    String.raw`打(?:过来|过去|回来)`,
    String.raw`通(?:个|一个|一下)?话`,
    String.raw`打(?:给|回给)(?:我|你|您|他|她)(?:们)?`,
    String.raw`(?:给|跟|和)(?:我|你|您|他|她)(?:们)?(?:的)?(?:${OTHERS_ZH})?(?:打|拨|回)(?:个|一个|一通)?(?:电话|视频)`,
    String.raw`打(?:我|你|您)的?(?:电话|手机)`,
    String.raw`(?:电话|视频|语音|视像|视讯)(?:通话|聊天|聊|联系|电话|一下|说说话|说话)`,
    String.raw`视像|视讯|通话|facetime`,
  ].join('|'),
  'g',
);
/** A call someone asks for, offers or plans: a request, or a time ahead. */
const AHEAD_ZH = /会|要|想|打算|准备|下次|以后|有空|方便|明天|到时|随时|改天|哪天|什么时候|有时间|周末|的话|下周|下个月|过年|放假|暑假|寒假/;
const OTHERS_ZH_RE = new RegExp(`(?:${OTHERS_ZH})`);
const READER_ZH = /你|您|咱/;
/** Whom the call is to: "打电话给我妈妈", "给你妈妈打电话", "打给我". */
const CALLEE = new RegExp(`(?:给|打给|回给)(我|你|您|他|她)?(?:们)?(?:的)?(${OTHERS_ZH}|妈|爸|姐|哥|弟|妹)?`);
/** "每次打电话她都说…", "我们每个星期天晚上打电话": a habit, not a plan — unless the clause asks ("我们可以每天视频吗"). */
const HABIT_ZH = /每次|每天|每周|每个|每晚|经常|常常|总是|一直|平时|天天|有时/;
const MODAL_ZH = /可以|能|要不|不如|吧|好吗|好不好|行吗|想|希望|请/;

/** A request or a plan in the sentence around `pos`. */
function isAsked(lower: string, pos: number): boolean {
  const [s, e] = sentenceAround(lower, pos, pos);
  const sentence = lower.slice(s, e);
  return ASKING_ZH.test(sentence) || AHEAD_ZH.test(sentence);
}

/** "普通话" (Mandarin), "沟通", "交通", "打通" hold 通 without being a call. */
const NOT_A_CALL: Blocked = (m, source) => m[0][0] === '通' && /[普沟交流畅串变精打开贯相]/.test(source[m.index - 1] ?? '');

/** What `isOurCall` asks of a whole sentence, computed once per sentence. */
interface CallSentence {
  /** Someone else is in it and the reader is not: "爸爸在外地打工，我们每个星期天晚上打电话". */
  othersOnly: boolean;
  /** It asks, or looks ahead. */
  askedOrAhead: boolean;
}

function callSentence(sentence: string): CallSentence {
  return {
    othersOnly: !READER_ZH.test(sentence) && OTHERS_ZH_RE.test(sentence),
    askedOrAhead: ASKING_ZH.test(sentence) || AHEAD_ZH.test(sentence),
  };
}

function isOurCall(lower: string, start: number, end: number, sentence: CallSentence): boolean {
  const clause = lower.slice(clauseStart(lower, start), start);
  const after = lower.slice(end, end + 8);
  if (/^(?:了|过|会|课|直播)/.test(after) || /了$/.test(lower.slice(start, end))) return false;
  const callee = CALLEE.exec(lower.slice(start, end) + after);
  const readerCalls = READER_ZH.test(clause);
  if (HABIT_ZH.test(clause + lower.slice(start, end))) {
    let clauseEnd = end;
    while (clauseEnd < lower.length && clauseEnd - end < 40 && !/[，,;；。！？!?\n]/.test(lower[clauseEnd])) clauseEnd++;
    if (!MODAL_ZH.test(clause + lower.slice(start, clauseEnd))) return false;
  }
  if (callee) {
    const [, person, kin] = callee;
    // the writer's own family, called by the writer ("我打电话给我妈"), or a third party ("给社工打电话")
    if (person === '我' && kin && !readerCalls) return false;
    if (!person && kin) return false;
    if ((person === '他' || person === '她') && !readerCalls) return false;
    // "打电话给我", "有事打给我": an imperative, said to the reader
    if (person === '我' && !kin && !/[我他她]/.test(clause) && !OTHERS_ZH_RE.test(clause)) return true;
  } else if (!READER_ZH.test(clause) && !/我们|咱们/.test(clause) && OTHERS_ZH_RE.test(clause)) {
    // "班主任昨天打电话…", "都是我教她打电话", "跟老朋友通电话"
    return false;
  }
  // a sentence about someone else that never speaks to the reader
  return !sentence.othersOnly && sentence.askedOrAhead;
}

/** An app and what to do there: "微信上聊", "用 WhatsApp 聊吧", "在QQ上找我". */
const ZH_ON_APP =
  /^[\s]?(?:上面|上|里面|里)?[\s]?(?:也能|也可以|可以|能)?(?:聊天|聊|联系|说|找我|找你|找您|私信|视频|视像|视讯|通话|打电话|语音|互关|关注|加我|见|交流|沟通|联络|发消息|留言|组队|开黑)|^\s?(?:shang\s?)?(?:liao|lianxi|jiaoliu|shipin)/;
/** "加我妈妈的微信", "jia wei xin", "add me on": adding someone on an app. */
const ADD_BEFORE_APP = new RegExp(`(?:加|jia|添加)\\s?(?:一下|个|ge)?\\s?(?:我|你|您|wo|ni)?(?:们)?(?:的)?(?:${OTHERS_ZH})?(?:的)?\\s?$`);
const ZH_USE_APP = /(?:用|在|到|上)\s?$/;

const EN = anyOf(
  [
    String.raw`add me`,
    String.raw`friend request`,
    String.raw`follow me`,
    String.raw`follow each other`,
    String.raw`dm me`,
    String.raw`pm me`,
    String.raw`private message`,
    String.raw`message me privately`,
    String.raw`talk (?:in )?private(?:ly)?`,
    String.raw`private(?:ly)? (?:chat|talk)`,
    String.raw`just the two of us`,
    String.raw`call me`,
    String.raw`ring me`,
    String.raw`phone me`,
    String.raw`text me`,
    String.raw`give me a (?:call|ring)`,
    String.raw`give you a (?:call|ring)`,
    String.raw`video[- ]?call`,
    String.raw`video chat`,
    String.raw`facetime`,
    String.raw`voice (?:call|messages?|chat)`,
    String.raw`(?:switch|swap|change|move|go over|come over) (?:\w+ )?to (?:email|e-mail|wechat|weixin|whatsapp|qq|telegram|signal|line|messenger|skype|snapchat|instagram|facebook|tiktok|douyin|the phone|phone calls?|texts?|texting|video|another app|a different app|private messages?)`,
    String.raw`(?:chat|talk|speak) (?:on|over|by) the phone`,
    String.raw`move (?:this|our|these) (?:letters?|chats?|conversations?|talks?) (?:to|somewhere|elsewhere|off)`,
    String.raw`(?:another|quicker|faster|easier|better|different|other) ways? to (?:chat|talk|keep in touch|stay in touch|reach each other|contact each other|write)`,
    String.raw`(?:can|could|may|shall) i (?:call|ring|phone|text|message) you`,
    String.raw`(?:wechat|whatsapp|qq|telegram|signal|snapchat|skype|e-?mail|message|dm|pm) me\b`,
    String.raw`e-?mail (?:me )?instead`,
    String.raw`(?:chat|talk|write) (?:somewhere|elsewhere)`,
    String.raw`somewhere (?:else|a bit more|more) (?:relaxed|private|free)`,
    String.raw`off (?:this|the) app`,
    String.raw`outside (?:this|the) app`,
    String.raw`(?:so much |much )?(?:faster|easier|quicker) than (?:these|this|the) (?:letters|app)`,
    String.raw`liao ?tian`,
    String.raw`hit me up`,
    String.raw`(?:drop|shoot) (?:me|you) a (?:text|message|line|note|dm|email)`,
    String.raw`give me a (?:bell|buzz|shout)`,
    String.raw`ping me`,
    String.raw`just for (?:us|you and me|the two of us)`,
    String.raw`(?:download|install|get) (?:wechat|whatsapp|qq|telegram|signal|line|snapchat|discord|messenger)`,
    String.raw`(?:could|can|may|might|shall) (?:i|we) (?:call|ring|phone|text|message|facetime|video ?call|add) you`,
    String.raw`(?:i|we) (?:could|can|might|will|'ll) (?:call|ring|phone|text|facetime|video ?call) you`,
    String.raw`(?:a|your) (?:number|phone|mobile)(?: where| that| on which)? (?:i|we) (?:could|can|might) (?:call|ring|text|reach|use)`,
    String.raw`give you a (?:quick |little |short )?(?:call|ring|bell|buzz)`,
    String.raw`(?:talk|chat|speak)(?:ing)? (?:on|over|by) (?:the )?phone`,
    String.raw`(?:would|could|can|shall) (?:a|we have a|i give you a) (?:quick |short |little )?(?:phone|video) call`,
    String.raw`(?:quick|short|little) (?:phone|video) call`,
    String.raw`hear (?:your|my) voice`,
    String.raw`message each other`,
    String.raw`(?:give|send|write) you my (?:number|phone number|mobile|cell|wechat|whatsapp|email|e-mail|contact|details|handle|account)`,
    String.raw`(?:swap|exchange|trade) (?:numbers|contacts|contact details|phone numbers|wechats|accounts)`,
    String.raw`group chat (?:for|with) (?:us|you|me|the two of us)`,
    String.raw`(?:our|a little) group chat`,
    String.raw`my personal (?:account|number|phone|email|page)`,
    String.raw`outside (?:these|the|this|our) (?:letters?|app|platform|programme|program)`,
    String.raw`(?:another|other|a different|a quicker|a faster|an easier) way\b(?=[^.!\n]*\?)`,
    String.raw`(?:write|message|email|e-mail|text|find|add) me there`,
    String.raw`i (?:have|got|'ve got) (?:an? )?(?:email|e-mail|wechat|qq|whatsapp|phone|mobile|instagram|facebook|tiktok|douyin) (?:account )?now`,
    String.raw`(?:call|phone|ring|text|message|contact) (?:my|your) (?:father|mother|dad|mum|mom|parents|family|grandma|grandpa|grandmother|grandfather)\b(?=[^.!\n]*\?)`,
    String.raw`(?:reach out|get in touch|contact me|write to me|message me|talk to me) (?:to me )?directly`,
    String.raw`(?:text|message|call|ring) each other`,
    String.raw`skip (?:the|these|this) (?:letters?|app)`,
    String.raw`(?:quicker|faster|easier|better|other|another|different) ways? (?:for (?:us|you and me|the two of us) )?to (?:talk|chat|keep in touch|stay in touch|write|reach each other)`,
    String.raw`(?:add|friend) (?:me|you) (?:on|in) `,
  ],
  'g', ['\\b', '\\b'],
);
/** "chat on WeChat", "message me on Douyin", "find me on weixin". */
const EN_VERB_BEFORE_APP = /\b(?:chat(?:ted|ting|s)?|talk(?:ed|ing|s)?|message[sd]?|msg|text(?:ed|ing|s)?|dm|pm|call(?:ed|ing|s)?|video[- ]?call|voice[- ]?message|find me|reach me|contact me|talk to me|write to me|add me|follow me|friends|stay in touch|keep in touch|hit me up|liao ?tian|speak)\b[^.!?\n]{0,24}\b(?:on|via|over|through|in|by)\s?(?:the\s)?$/;
/** After an app is named, a proposal to use it: "Do you have QQ? We can chat at night", "你有微信吗？我们可以天天聊天". */
/** "…we could talk so much more easily… Does anyone in your family have WhatsApp?": the proposal may come first. */
const EN_PROPOSAL =
  /\b(?:we|you) (?:can|could|should|will|'ll|might) (?:\w+ ){0,5}?(?:chat|talk|message|play|game|video|text|call|add|send|hang out)\b|\b(?:easier|easy|quicker|simpler) to (?:stay|keep) in touch\b/;
const ZH_PROPOSAL = /(?:我们|咱们|你|您)(?:就)?(?:可以|能|就能|在上面|在那里|在那边|在里面|要不|不如|改用|换用)[^。！？\n]{0,10}(?:聊|视频|视像|视讯|通话|电话|语音|说话|联系|发消息|交流|沟通|玩)/;
/** "email instead", "on the green app": a different channel named as the better one. */
const EN_APP_INSTEAD = /^\s?(?:instead|rather)\b/;
/** "we video call every Sunday": a habit, not a proposal — unless the clause proposes ("could we video call every Sunday?"). */
const EN_HABIT = /\b(?:every (?:day|week|night|morning|evening|weekend|sunday|monday|tuesday|wednesday|thursday|friday|saturday)|usually|always|often|sometimes)\b/;
const EN_MODAL = /\b(?:could|can|shall|should|would|will|let's|let us|maybe|why don't|how about|please|if you)\b/;

/** "Can I add you on WeChat?", "add my mum on WhatsApp". */
const EN_ADD_BEFORE_APP = /\badd (?:me|you|us|(?:my|your) \w+)(?: on| to| in)?(?: the)?\s?$/;

const WITH_OTHERS_ZH = new RegExp(`(?:和|跟|与|同|给)(?:我的|我们的|我|你的)?(?:${OTHERS_ZH})`);
const OTHERS_FIRST_ZH = new RegExp(`^\\s?(?:${OTHERS_ZH})`);
const OTHERS_NAMED_EN = new RegExp(`\\b(?:my|our|his|her) (?:${OTHERS_EN})\\b`);
/** "我女儿在美国读书，我们每天晚上都会视讯": the writer's own family, in a sentence that never speaks to the reader. */
const OTHERS_NAMED_ZH = new RegExp(`我(?:的|们的|们)?(?:${OTHERS_ZH})`);
const OTHERS_BEFORE_EN = new RegExp(`\\b(?:${OTHERS_EN}|always|often|usually|sometimes|all) $`);

/** Someone else is the other party: "我和妈妈视频", "跟我女儿聊天", "my son lives in Canada, so we chat on WeChat". */
function othersInvolved(lower: string, start: number, othersNamed: (pos: number) => boolean): boolean {
  const clause = lower.slice(clauseStart(lower, start), start);
  return WITH_OTHERS_ZH.test(clause) || OTHERS_FIRST_ZH.test(clause) || othersNamed(start);
}

export function findPrivateChannels(n: Folded, apps: AppMention[]): Hit[] {
  const { lower } = n;
  // a sentence about someone else's calls that does not speak to the reader
  const othersNamed = perSentence(lower, (sentence) => (OTHERS_NAMED_EN.test(sentence) || OTHERS_NAMED_ZH.test(sentence)) && !/\byou\b|\byour\b|你|您|咱/.test(sentence));
  // the partner organises it ("基金会组织的视频活动", "an online session the NGO is organising")
  const arrangedByPartner = perSentence(lower, (sentence) => NGO.test(sentence) && !BYPASS.test(sentence));
  const proposes = perSentence(lower, (sentence) => EN_PROPOSAL.test(sentence) || ZH_PROPOSAL.test(sentence));
  const keep = (start: number, negated: RegExp) => {
    const before = lower.slice(Math.max(0, start - 30), start);
    // ("您要不要加我" asks; it does not refuse)
    const refused = negated === NEGATED_ZH ? negatedZh(lower, start) : negated.test(before);
    return !refused && !othersInvolved(lower, start, othersNamed) && !arrangedByPartner(start);
  };
  const callSentenceAt = perSentenceValue(lower, callSentence);
  const hits: Hit[] = [
    ...regexHits(
      lower,
      ZH,
      'private_channel',
      (m) =>
        keep(m.index, NEGATED_ZH) &&
        !/^(?:会|课|直播)/.test(lower.slice(m.index + m[0].length, m.index + m[0].length + 2)) &&
        // "听听你的声音", "聊天软件", "联系我": only asked for or planned, not remembered ("听到你的声音我很开心")
        (!/^(?:聊天|社交|通讯|记得|可以|就|直接|随时|一定要|第一个|跟|和|与|同|(?:在|到|用)(?:上面|那上面|那里面|那边|里面))/.test(m[0]) || isAsked(lower, m.index)) &&
        (!/^听/.test(m[0]) || ASKING_ZH.test(sentenceOf(lower, m.index))) &&
        // "加一下吧" adds someone only where an account is in question ("把这两个数加一下吧" is sums)
        (!/^加一下/.test(m[0]) || /号|好友|账号|申请|微信|qq|抖音|快手|v/.test(sentenceOf(lower, m.index))) &&
        // "很高兴能和您联系", "希望以后常和你通信联系": keeping in touch by letter
        (!/^(?:跟|和|与|同)/.test(m[0]) || !/信|这里|高兴|开心|荣幸|有幸/.test(sentenceOf(lower, m.index))),
      // "参加", "增加", "更加", "追加"… are not "add me"; "稍微我…" is not "微我"
      (m, source) =>
        (/^(?:加|jia)/.test(m[0]) && /[参增更添追施外]/.test(source[m.index - 1] ?? '')) ||
        (/^[微威薇]我/.test(m[0]) && /[稍细轻略卑精些式]/.test(source[m.index - 1] ?? '')),
    ),
    ...regexHits(lower, EN, 'private_channel', (m) => {
      // "hear your voice", "a quick call": a wish or a plan ("I'd love to…", "one day", "would…?"), not a memory
      // "we video call every Sunday" is a habit, "in the video call" a call that happened
      const clause = lower.slice(clauseStart(lower, m.index, 60), m.index);
      if (/\b(?:in|during|on|after|from) the $/.test(lower.slice(Math.max(0, m.index - 12), m.index))) return false;
      if (EN_HABIT.test(lower.slice(m.index, Math.min(lower.length, m.index + 60)).split(/[.!?\n]/)[0] + clause) && !EN_MODAL.test(clause + m[0])) return false;
      if (/^(?:hear|(?:quick|short|little) (?:phone|video) call)/.test(m[0]) && !/\b(?:would|could|can|love to|like to|want to|hope|one day|someday|sometime|maybe|\?)|\?/.test(lower.slice(...sentenceAround(lower, m.index, m.index)))) return false;
      if (/^(?:call|text|phone|ring) me$/.test(m[0])) {
        const before = lower.slice(Math.max(0, m.index - 24), m.index);
        if (OTHERS_BEFORE_EN.test(before)) return false;
      }
      return keep(m.index, NEGATED_EN);
    }),
  ];
  hits.push(
    ...regexHits(
      lower,
      CALL_ZH,
      'private_channel',
      (m) => !negatedZh(lower, m.index) && !arrangedByPartner(m.index) && !othersNamed(m.index) && isOurCall(lower, m.index, m.index + m[0].length, callSentenceAt(m.index)),
      NOT_A_CALL,
    ),
  );
  for (const app of apps) {
    const after = lower.slice(app.end, app.end + 14);
    const next = after.trimStart()[0] ?? '';
    // cheap first looks, so a letter naming an app a thousand times stays fast
    const zhMaybe = '上里聊联说找私视语互关加见交沟发留通打也可能组'.includes(next) || /^\s?(?:shang|liao|lian|jiao|shipin)/.test(after);
    const enMaybe = /(?:on|via|over|through|in|by|the)\s?$/.test(lower.slice(Math.max(0, app.start - 9), app.start));
    const before = zhMaybe || enMaybe ? lower.slice(Math.max(0, app.start - 40), app.start) : '';
    const onApp = zhMaybe && (ZH_ON_APP.test(after) || (ZH_USE_APP.test(before) && /^[\s]?(?:上|里)?[\s]?(?:聊|联系|说|找我|找你|找您)/.test(after)));
    const enOnApp = (enMaybe && EN_VERB_BEFORE_APP.test(before)) || EN_APP_INSTEAD.test(after);
    const near = lower.slice(Math.max(0, app.start - 24), app.start);
    const added = /加|jia|add/.test(near) && (ADD_BEFORE_APP.test(near.slice(-16)) || EN_ADD_BEFORE_APP.test(near));
    const [, e] = sentenceAround(lower, app.start, app.end);
    const [s] = sentenceAround(lower, app.start, app.end);
    const proposed = app.kind !== 'pay' && (proposes(app.start) || proposes(e) || (s > 0 && proposes(s - 1)));
    if ((onApp || enOnApp || proposed || added) && keep(app.start, onApp || added ? NEGATED_ZH : NEGATED_EN)) {
      hits.push({ category: 'private_channel', start: app.start, end: app.end });
    }
  }
  return hits;
}
