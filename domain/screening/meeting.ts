/**
 * Plans or requests to meet, visit, pick up, travel or stay together. Someone else being the other
 * party ("我和同学见面了", "my parents will come home"), negation ("虽然不能去看你", "I can't visit
 * you"), figures of speech ("读您的信就像见到您一样", "nice to meet you") and events the partner
 * organises ("希望在基金会的安排下见到你") pass.
 */
import { type Folded } from '../text/fold';
import { anyOf, type Blocked, type Hit, regexHits } from './hit';
import { BYPASS, NEGATED_EN, NGO, negatedZh, OTHERS_EN, OTHERS_ZH, clauseStart, perSentenceValue, sentenceAround } from './context';

const ZH = anyOf(
  [
    String.raw`见面(?![会礼])`,
    String.raw`见个面`,
    String.raw`见一面`,
    String.raw`见见面`,
    String.raw`见见[你您]`,
    String.raw`面基`,
    String.raw`碰面`,
    String.raw`碰个面`,
    String.raw`会面`,
    String.raw`当面`,
    String.raw`面谈`,
    String.raw`面见`,
    String.raw`(?:见到|见见|看看|见)[你您]本人`,
    String.raw`(?:想|要|能|可以|盼着|希望|期待)(?:早日|早点|快点)?见到[你您]`,
    String.raw`[来去]看[你您我](?!的)`,
    String.raw`(?:[来去]|顺便|专门)(?:看看|看望|探望|见见)[你您]`,
    String.raw`来参加(?:我|你)的`,
    String.raw`(?:可以|能|就|再)在[^。，！？\n]{1,8}见(?:面|吧|个面)?(?![识到过解])`,
    String.raw`(?:[来去上]|到|过去|过来)(?:[你您我]们?的?|你们那边的?|你们那儿的?)(?:家|学校|村|宿舍|那里|那儿|这里|这儿|这边|那边|这|那|单位|公司|城市|县城|县里|县|镇上|镇|乡|老家|城里)`,
    String.raw`线下见`,
    String.raw`见一见`,
    String.raw`聚一聚`,
    String.raw`聚聚`,
    String.raw`碰个头`,
    String.raw`碰头`,
    String.raw`陪(?:你|您)(?:们)?(?:去|逛|玩|看|吃|过)`,
    String.raw`送(?:你|您)回家`,
    String.raw`(?:我们|咱们)(?:俩|两个)?(?:可以|就|下次|到时候|以后|改天|一定要|再)[^，。！？\n]{0,4}一起(?:吃|玩|逛|去|旅游|旅行|过年|过节|住|爬山|看)`,
    String.raw`(?:你|您)(?:们)?(?:暑假|寒假|放假|过年|有空|周末)?(?:可以|就|能不能|能|要不要|会不会|可不可以)?来[^，。！？\n]{1,6}?(?:玩|住|找我|看看|过年|过暑假|过寒假)`,
    String.raw`住到?[我你您]家(?:里)?`,
    String.raw`住在[我你您]家`,
    String.raw`在[我你您]家住`,
    String.raw`来[我你您]家`,
    String.raw`请[你您](?:们)?(?:吃|喝)`,
    String.raw`找个地方(?:坐坐|坐一坐|聊聊|聊一聊|吃饭|吃个饭|见|碰)`,
    String.raw`出来(?:见见|见一面|见个面|见面|玩|一下|吃饭|吃个饭|坐坐)`,
    String.raw`见见(?=吗|吧|呀|呗|好|[？?])`,
    String.raw`(?:你|您)[^，。！？\n]{0,4}在[^，。！？\n]{1,10}?等我(?![的回信消])`,
    String.raw`一起吃(?:个|顿)?(?:饭|火锅|好吃的)`,
    String.raw`带(?:你|您|你们)(?:俩|两个)?(?:和[^，。！？,\n]{1,4})?(?:去|到|出去|出来|来|回|逛|玩|吃|看)`,
    String.raw`[来去]?接(?:你|您|我)(?:们)?(?![的受])`,
    String.raw`[去来到].{0,8}?找[你您](?!的)`,
    String.raw`在.{1,10}?等[你您](?![的回来]|回)`,
    String.raw`约(?:个)?(?:时间|地方)`,
    String.raw`约在`,
    String.raw`(?:到时候|到时)见`,
    String.raw`不见不散`,
    String.raw`路过你们`,
    String.raw`顺路(?:去|来|过去)`,
    String.raw`开车(?:过来|过去|来|去)接`,
    // 邀请你国庆来杭州, 请你们来北京玩
    String.raw`邀请(?:你|您)(?:们)?[^，。！？\n]{0,10}(?:来|去|到)`,
    String.raw`请(?:你|您)(?:们)?[^，。！？\n]{0,6}(?:来|去|到)[^，。！？\n]{1,8}(?:玩|住|过|看看|做客|逛)`,
    // 你坐车过来, 可以过来坐坐
    String.raw`(?:你|您)(?:们)?(?:就|也|可以|坐车|坐大巴|坐火车|坐高铁|打车|直接)*过来(?!了|的时候)`,
    String.raw`过来(?:坐坐|坐一坐|玩玩|玩|找我|看看我|一趟|吃饭)`,
    String.raw`来(?:坐坐|坐一坐)`,
    String.raw`[来去]送(?:我|你|您)(?!礼物|东西|书|一)`,
    // 我这周六会在你们镇上, 我下周三在你们学校附近
    String.raw`(?:我|我们)[^，。！？\n]{0,10}(?:会|要|将|打算|准备|计划|正好)[^，。！？\n]{0,6}(?:在|到|去|来|路过)(?:你|您)们?(?:的)?(?:那边|那里|那儿|家|学校|村|镇|县|乡|县城|城里|附近)`,
    String.raw`(?:我|我们)[^，。！？\n]{0,8}在(?:你|您)们?(?:的)?(?:家|学校|村|镇|县城|县)(?:上|里)?附近`,
    // 我们一起去逛公园 (a plan with the reader, not "我们班一起去春游了")
    String.raw`(?:我们|咱们)(?!班|学校|村|家|全家|这里|那里|老师|几个|同学)(?:俩|两个)?[^，。！？\n]{0,6}一起(?:去|来)?(?:吃|玩|逛|旅游|旅行|过年|过节|住|爬山|看|游|坐)`,
  ],
  'g',
);

/** "看到你家", "收到你们学校的信": 到 after a verb is "-ed", not "to" (a lookbehind, written out: see `notAfterChar`). */
/** And 来, 去, 上 ending a word — 原来, 后来, 将来, 过去, 马上, 晚上 — are not "come to", "go to". */
const WORD_ENDING: Record<string, RegExp> = {
  到: /[看听收得想找等做遇碰见办买拿读学感受提写说传寄送邮发]/,
  来: /[原后本将未从以起出回进下上带看近向历醒到传用说想拿]/,
  去: /[过回出进上下失死除拿离]/,
  上: /[马晚早身加路楼班网手头心面世地线天桌床爬考遇碰赶跟比配爱]/,
};
const NOT_A_VISIT: Blocked = (m, source) =>
  /^[来去上到](?:看|参加|坐|[你您我])/.test(m[0]) && (WORD_ENDING[m[0][0]]?.test(source[m.index - 1] ?? '') ?? false);

/** Someone else is the other party: "我和同学见面了", "妈妈回来看我", "老师带我们去博物馆". */
const ZH_THIRD_PARTY = new RegExp(`(?:和|跟|与|同)(?:我的|我们的)?(?:${OTHERS_ZH})`);
const ZH_OTHER_SUBJECT = new RegExp(`(?:${OTHERS_ZH})`);
/** "读您的信就像见到您一样": a figure of speech. */
const ZH_SIMILE = /(?:像|如|好似|仿佛)$/;

const EN = anyOf(
  [
    String.raw`meet(?:ing)? (?:you|u|up|in person|each other|me|there|somewhere)`,
    String.raw`see (?:you|each other) in person`,
    String.raw`in person`,
    String.raw`say hi (?:in person|for)`,
    String.raw`visit (?:you|me|your (?:school|home|house|family|village|town|city|place|county)|my (?:home|house|place|village))`,
    String.raw`come (?:and |to )?(?:see|visit) (?:me|us|you)`,
    String.raw`come and visit`,
    String.raw`come (?:to|over to) (?:my|your) (?:home|house|place|village|town|school|city|county|flat)`,
    String.raw`(?:come|go|travel|get|drive|fly) (?:to|out to|over to) your (?:village|town|home|house|school|county|city|place|area)`,
    String.raw`(?:passing|driving|going|travelling|traveling|coming) (?:near|through|by|past) your (?:village|town|home|school|county|city|area)`,
    String.raw`stay (?:at|with) (?:my|me|us)`,
    String.raw`(?:sleep|stay) (?:in|at) my (?:room|house|home|flat|place)`,
    String.raw`take you (?:out|to|for|around|on|and)`,
    String.raw`bring you (?:to|into|here|over|out)`,
    String.raw`send a car`,
    String.raw`pick you up`,
    String.raw`(?:collect|fetch) you (?:from|at|after)`,
    String.raw`(?:come|go) (?:on|for) (?:a|the|an) (?:trip|holiday|outing|day out|tour|getaway)\b[^.!?\n]{0,20}\bwith (?:me|us)`,
    String.raw`(?:a|the) (?:trip|holiday|outing|day out) (?:together|with (?:me|us))`,
    String.raw`if you can make it`,
    String.raw`(?:have|want|like|love) you (?:to )?join (?:us|me)`,
    String.raw`you (?:could|can|to) join (?:us|me)`,
    String.raw`(?:lovely|great|nice|wonderful|amazing) to (?:see|meet) you (?:in person|if|when|while)`,
    String.raw`make it (?:over|down|up) (?:to|here|there)`,
    String.raw`wait for you (?:at|outside|by|near|in front)`,
    String.raw`(?:have|get|grab|eat) (?:lunch|dinner|breakfast|a meal|coffee|tea|hotpot|noodles|something) (?:together|with (?:you|me))`,
    String.raw`eat together`,
    String.raw`(?:can|could|shall) we (?:meet|have (?:lunch|dinner|a meal)|eat|get together|see each other)`,
    String.raw`(?:i'?ll|i will|i'?m going to|i am going to) (?:come|be there) (?:to see|to visit|and see)`,
    String.raw`(?:when|if) (?:can|could|will) you come`,
    String.raw`let'?s (?:meet|get together|see each other|grab|have (?:lunch|dinner|a meal|coffee))`,
    String.raw`(?:swing|drop|stop|pop|come) (?:by|round|over|in)(?: to)? (?:your|and (?:see|meet)|to see)`,
    String.raw`pop round`,
    String.raw`catch up (?:over|in person|for|when)`,
    String.raw`grab (?:a bite|lunch|dinner|coffee|a meal|breakfast|tea)`,
    String.raw`(?:host|put) you (?:up|in|for|at)?`,
    String.raw`have you (?:over|to stay|stay)`,
    String.raw`show you around`,
    String.raw`hang out (?:together|with you)`,
    String.raw`(?:i'?ll|i will|we'?ll|we will|i'?m going to) be (?:at|in|near|outside) your (?:school|village|town|home|house|county)`,
    String.raw`wait for me (?:at|outside|by|near|in front)`,
    String.raw`(?:could|can|would|will) you (?:like to )?come (?:down |up |out |over |along |round )?(?:to|and|over|visit)`,
    String.raw`why (?:not|don't you) come`,
    String.raw`spend (?:christmas|the holidays?|new year|chinese new year|spring festival|the summer|the weekend|a week|a few days|some days|national day) with (?:me|us|my family|our family)`,
    String.raw`(?:i'?ll|i will|we'?ll|we will) be waiting (?:for you )?(?:at|outside|by|near|in front)`,
    String.raw`(?:stop(?:ped)?|drop(?:ped)?|pop(?:ped)?|swing|swung|come|came|nip(?:ped)?) (?:by|over|round|in)(?: [a-z]+){0,3} (?:to see|and see|to visit|and visit|to say hi|to say hello|and say hi|and say hello) (?:you|u)`,
    String.raw`booked (?:a|an|the) (?:hotel|room|hostel|guesthouse|airbnb)[^.!?\n]{0,30}\b(?:near|close to|by|in) your (?:school|village|town|home|county)`,
    String.raw`(?:so |and )?(?:we|i) (?:can|could) (?:finally |at last |actually )meet`,
    String.raw`book you (?:a|an) (?:train |plane |bus |flight )?ticket`,
    String.raw`spend (?:a|the|some|one|a few) (?:day|days|time|afternoon|evening|weekend|holiday|week) (?:together|with (?:you|me|us))`,
    String.raw`(?:could|can|may|might|shall) (?:i|we) (?:pop|drop|swing|stop|come|nip) (?:over|by|round|in)`,
    String.raw`(?:i|we)(?:'ll| will| could| can| might) (?:pop|drop|swing|stop|nip) (?:over|by|round|in)`,
    String.raw`(?:could|can|shall|should|might) (?:i|we) meet`,
    String.raw`we (?:could|can|should|might|will|'ll) meet`,
    String.raw`meet (?:for|over) (?:lunch|dinner|a meal|coffee|tea|breakfast|ice cream|a bite|hotpot|noodles)`,
    String.raw`say (?:hi|hello) in person`,
    String.raw`face to face`,
    String.raw`(?:travel|come|go|fly|holiday|stay) with (?:me|us) (?:to|in|at|for)`,
    String.raw`we (?:could|can|will|'ll|would|might|should) (?:go|see|visit|explore|walk|climb|eat|have|spend|take|watch|tour)\b[^.!?\n]{0,50}\btogether`,
    String.raw`(?:spend|stay|sleep)[^.!?\n]{0,25}\b(?:at|in) (?:my|our) (?:house|home|flat|place|apartment)`,
  ],
  'g', ['\\b', '\\b'],
);
const EN_NICE = /(?:nice|glad|pleased|happy|great|lovely) (?:to meet|meeting) you/;
const EN_OTHER_SUBJECT = new RegExp(`\\b(?:${OTHERS_EN})\\b`);

function arrangedByPartner(lower: string, start: number): boolean {
  const [s, e] = sentenceAround(lower, start, start);
  const sentence = lower.slice(s, e);
  return NGO.test(sentence) && !BYPASS.test(sentence);
}

/** What the Chinese rules ask of a whole sentence, computed once per sentence. */
interface MeetingSentence {
  start: number;
  /** Where the first "和同学", "跟妈妈"… ends, if anywhere. */
  thirdPartyEnd: number;
  /** Someone else, and no word to or about the reader, and no invitation. */
  othersOnly: boolean;
  /** Speaks to the reader, asks or looks ahead: a plan to do something together. */
  planned: boolean;
  byPartner: boolean;
  lesson: boolean;
}

function meetingSentence(sentence: string, start: number): MeetingSentence {
  const third = ZH_THIRD_PARTY.exec(sentence);
  return {
    start,
    thirdPartyEnd: third ? start + third.index + third[0].length : Infinity,
    othersOnly: ZH_OTHER_SUBJECT.test(sentence) && !/[你您咱]/.test(sentence) && !/吧|好吗|好不好|可以吗|怎么样/.test(sentence),
    planned: /[你您咱]|吧|好吗|好不好|怎么样|下次|以后|到时|明年|暑假|寒假|放假|等你|等我|有机会|有空/.test(sentence),
    byPartner: NGO.test(sentence) && !BYPASS.test(sentence),
    lesson: /陌生人|骗子|网友|坏人/.test(sentence),
  };
}

export function findMeetings(n: Folded): Hit[] {
  const { lower } = n;
  const sentenceAt = perSentenceValue(lower, meetingSentence);
  return [
    ...regexHits(lower, ZH, 'meeting', (m) => {
      if (negatedZh(lower, m.index) || ZH_SIMILE.test(lower.slice(Math.max(0, m.index - 4), m.index))) return false;
      const sentence = sentenceAt(m.index);
      // "如果网上有陌生人约你单独见面，一定要拒绝": a safety lesson
      if (sentence.lesson) return false;
      if (/一起/.test(m[0])) {
        // a past outing ("我们一起去吃了火锅"), not a plan
        if (/了|过/.test(lower.slice(m.index + m[0].length, m.index + m[0].length + 4))) return false;
        // "下课后我们一起去食堂吃饭" is the class; a plan with the reader speaks to them, asks or looks ahead
        if (!sentence.planned) return false;
      }
      const clause = lower.slice(clauseStart(lower, m.index), m.index);
      if (ZH_OTHER_SUBJECT.test(clause) && !/^[你您]|[你您我](?:们|俩)?$/.test(clause.trim())) return false;
      // "我和同学见面了" is someone else's meeting; "带你和弟弟去" still takes the reader
      if (!/[你您]/.test(m[0]) && sentence.thirdPartyEnd <= m.index + m[0].length) return false;
      // "我们俩是同桌，每天一起吃饭": a sentence about someone else that neither addresses nor invites the reader
      if (sentence.othersOnly) return false;
      return !sentence.byPartner;
    }, NOT_A_VISIT),
    ...regexHits(lower, EN, 'meeting', (m) => {
      const before = lower.slice(Math.max(0, m.index - 30), m.index);
      if (NEGATED_EN.test(before)) return false;
      if (/^meet(?:ing)? you/.test(m[0]) && EN_NICE.test(lower.slice(Math.max(0, m.index - 12), m.index + 12))) return false;
      const clause = lower.slice(clauseStart(lower, m.index), m.index);
      if (/^(?:spend|stay|sleep).*\b(?:my|our)\b/.test(m[0]) && !/\byou\b/.test(lower.slice(...sentenceAround(lower, m.index, m.index + m[0].length)))) return false;
      if (/^(?:visit|come|meet|stay|host|have)/.test(m[0]) && EN_OTHER_SUBJECT.test(clause) && !/\b(?:i|we|you)\b/.test(clause)) return false;
      // "reading will take you far" is a figure of speech; a plan has a person taking you
      // ("could your dad bring you to the hotel?" asks the family to bring the child)
      if (/^(?:take|bring|pick)/.test(m[0]) && !/\b(?:i|we|let'?s|let us)\b|\b(?:could|can|would|will) (?:your \w+|you)\b/.test(clause)) return false;
      return !arrangedByPartner(lower, m.index);
    }),
  ];
}
