import { type Normalized, sentenceAround } from './normalize';
import { type Hit, regexHits } from './hit';

/** Plans to meet, visit, call or talk privately, in Chinese. */
const ZH =
  /(见面(?![会礼])|见个面|见一面|见见面|见见[你您]|当面|面谈|面见|[来去]看[你您我]|[来去到][你您我]们?的?(?:家|学校|村|宿舍|那里|那儿|这里|这儿|这边|那边|单位|公司|城市|县城)|住到?[我你您]家|住在[我你您]家|请[你您]吃(?:个)?饭|一起吃(?:个)?饭|约个时间|约[个一]?时间|约个地方|(?<!大)约在|(?<![参增更添追施外])加我(?!们)|私聊|私信我|私下(?:联系|见|聊|说)|单独(?:联系|见|聊|说)|偷偷(?:见|联系|聊|告诉|来)|视频通话|视频聊天|语音通话|开视频|打视频|视频电话|打电话给[我你您]|给[我你您]打(?:个)?电话|打[我你您]的?电话|打给我|电话联系|(?:到时候|到时)见|不见不散|[来去]接[你您]|[去来到].{0,8}?找[你您](?!的)|在.{1,10}?等[你您](?![的回来]|回)|(?:别|不要|不用)告诉(?:社工|老师|机构|别人|任何人|爸爸妈妈|家里))/g;

/** Someone else is the other party: "我和同学见面了", "我和妈妈视频". */
const ZH_THIRD_PARTY =
  /(?:和|跟|与|同)(?:我的|我们的)?(?:同学|朋友|老师|家人|妈妈|爸爸|父母|外婆|外公|奶奶|爷爷|姐姐|哥哥|弟弟|妹妹|表哥|表姐|表弟|表妹|亲戚|同桌|室友|社工|大家|舅舅|姑姑|阿姨们|叔叔们|班主任|校长)/;
/** The clause before the match names someone else as the one meeting or calling: "妈妈回来看我". */
const ZH_OTHER_SUBJECT =
  /(?:同学|朋友|老师|家人|妈妈|爸爸|父母|外婆|外公|奶奶|爷爷|姐姐|哥哥|弟弟|妹妹|表哥|表姐|表弟|表妹|亲戚|同桌|室友|社工|舅舅|姑姑|班主任|校长|他们|她们|他|她)/;
const ZH_SECRECY = /^(?:私聊|私信我|私下|单独|偷偷|别告诉|不要告诉|不用告诉)/;
const EN_OTHER_SUBJECT =
  /\b(?:grandma|grandpa|grandmother|grandfather|mom|mum|dad|mother|father|parents|aunt|uncle|cousin|friends?|classmates?|teachers?|brother|sister|he|she|they)\b/;
const ZH_NEGATION = /(?:不|没|无法|没法|不能|不会|不可能)$/;
const ZH_QUESTION = /(?:能不能|可不可以|会不会|要不要|能否)$/;

const EN =
  /(?:meet (?:you|u|up|in person|each other|me)|see (?:you|each other) in person|in person|visit (?:you|me|your (?:school|home|house|family|village|town|city|place)|my (?:home|house|place|village))|come (?:to|and see|visit) (?:my|me)|come and visit|stay (?:at|with) (?:my|me|us)|(?:call|phone|ring|text|message|dm) me|add me|video (?:chat|call)|facetime|talk (?:in )?private(?:ly)?|private(?:ly)? (?:chat|talk)|just the two of us|(?:have|get|grab|eat) (?:lunch|dinner|breakfast|a meal|coffee|tea|something) (?:together|with (?:you|me))|(?:can|could|shall) we (?:meet|have (?:lunch|dinner|a meal)|eat)|pick you up|(?:don't|do not) tell (?:the |your )?(?:ngo|caseworker|social worker|teacher|anyone|parents))/g;
const EN_NICE = /(?:nice|glad|pleased|happy|great) to meet you/;
const EN_NAMED = /(?:they|friends|people|everyone|classmates|teacher|teachers|mom|dad|mother|father|grandma|grandpa|always|often|usually|sometimes|all) (?:call|text) me$/;
const EN_NEGATION = /(?:can't|cannot|can not|won't|will not|couldn't|could not|not|never|unable to)(?: \w+){0,2} $/;

export interface MeetingContext {
  /** Spans (normalized) of contact details already found; "加我"/"add me" next to one is part of that finding. */
  contactSpans: { start: number; end: number }[];
}

function nearContact(ctx: MeetingContext, start: number, end: number): boolean {
  return ctx.contactSpans.some((c) => c.start < end + 24 && c.end > start - 4);
}

export function findMeetings(n: Normalized, ctx: MeetingContext): Hit[] {
  const { lower } = n;
  return [
    ...regexHits(lower, ZH, 'meeting', (m) => {
      const before = lower.slice(Math.max(0, m.index - 4), m.index);
      if (ZH_NEGATION.test(before) && !ZH_QUESTION.test(before)) return false;
      if (m[0] === '加我' && nearContact(ctx, m.index, m.index + 2)) return false;
      if (!ZH_SECRECY.test(m[0]) && m[0] !== '加我') {
        const clauseStart = Math.max(0, lower.lastIndexOf('，', m.index) + 1, lower.lastIndexOf(',', m.index) + 1);
        const [s] = sentenceAround(lower, m.index, m.index);
        if (ZH_OTHER_SUBJECT.test(lower.slice(Math.max(s, clauseStart), m.index))) return false;
      }
      if (/见面|见个面|见一面|视频|语音|电话/.test(m[0])) {
        const [s] = sentenceAround(lower, m.index, m.index);
        if (ZH_THIRD_PARTY.test(lower.slice(s, m.index + m[0].length))) return false;
      }
      return true;
    }),
    ...regexHits(lower, EN, 'meeting', (m) => {
      if (/[a-z]/.test(lower[m.index - 1] ?? '')) return false;
      const before = lower.slice(Math.max(0, m.index - 30), m.index);
      if (EN_NEGATION.test(before)) return false;
      if (m[0].startsWith('meet you') && EN_NICE.test(lower.slice(Math.max(0, m.index - 12), m.index + 8))) return false;
      if (/^(?:call|text) me$/.test(m[0]) && EN_NAMED.test(lower.slice(Math.max(0, m.index - 20), m.index + m[0].length)))
        return false;
      if (/^(?:visit|come|call|phone|ring|text|meet)/.test(m[0])) {
        const [s] = sentenceAround(lower, m.index, m.index);
        const clauseStart = Math.max(s, lower.lastIndexOf(',', m.index) + 1);
        if (EN_OTHER_SUBJECT.test(lower.slice(clauseStart, m.index))) return false;
      }
      if (m[0] === 'add me' && nearContact(ctx, m.index, m.index + m[0].length)) return false;
      return true;
    }),
  ];
}
