/**
 * Asking to keep something from the people who look after the child: the partner organisation,
 * caseworkers, teachers, parents ("别告诉基金会", "don't tell your mum", "just between us", "our little
 * secret", "delete this letter after reading"). Innocent secrets — a birthday wish, a surprise party,
 * "don't tell my little brother I ate his candy" — pass: they keep nothing from those adults.
 */
import { type Folded } from '../text/fold';
import { type Hit, notAfter, regexHits } from './hit';
import { perSentence, sentenceOf } from './context';

/** Who a child's letters must never be hidden from. */
const GUARDIANS_ZH =
  '基金会|机构|社工|老师|班主任|校长|爸妈|父母|爸爸|妈妈|我妈|我爸|你妈|你爸|家里|家人|家长|大人|别人|任何人|其他人|他们|她们|工作人员|项目|平台|学校|奶奶|爷爷|外婆|外公|姥姥|姥爷|阿嬷|阿公|阿妈|阿爸|监护人|亲戚|舅舅|姑姑';
const GUARDIANS_EN =
  "the ngo|ngo|caseworker|case worker|social worker|charity|foundation|programme|program|staff|teachers?|parents|mum|mom|mother|dad|father|family|grandma|grandpa|grandparents|grandmother|grandfather|granny|guardian|aunt|uncle|anyone|anybody|anyone else|them|her|him|the people";

const DONT_ZH = '(?:别|不要|不用|千万别|千万不要|千万不能|不能|不可以|不许|可别|可不要|不必|不需要|无需|用不着|就不用|也别|也不要)';
const WHOSE = '\\s?(?:你的|我的|你们的|咱们的|你们|我们|你家的?|你家里的?|你|我|my |your |the )?';
const GUARDIAN = `${WHOSE}(?:${GUARDIANS_ZH}|${GUARDIANS_EN})`;
const ZH: RegExp[] = [
  // 别告诉社工姐姐, 千万别告诉我爸妈, 不要告诉基金会的老师 (but not a safety lesson: "不要告诉别人你的密码")
  new RegExp(`${DONT_ZH}(?:再)?告诉${GUARDIAN}(?!\\s?(?:你的|自己的|家里的)?(?:密码|地址|电话|信息|个人信息|身份证|家庭住址))`, 'g'),
  // 别跟基金会说, 不用跟你的班主任提了 (but not "别跟妈妈吵架")
  new RegExp(`${DONT_ZH}(?:再)?(?:跟|和|对|同|给)${GUARDIAN}[^。！？，,\\n]{0,10}?(?:说|讲|提|聊|透露)`, 'g'),
  // 不想让基金会知道, 不需要让别人知道 (but not "别让奶奶担心")
  new RegExp(`(?:${DONT_ZH}|不想|不能|别)让${GUARDIAN}[^。！？，,\\n]{0,4}?(?:知道|看到|看见|发现)`, 'g'),
  // 只有我们俩知道, 我们之间的小秘密, 这是我们两个人之间的事, 不需要让别人知道
  /只有(?:我们|咱们|你我|[咱我]俩|[咱我]两个人?)(?:俩|两个人?)?知道|(?:我们|咱们|[咱我]俩|[咱我]两个人?)(?:俩|两个人?)?(?:之间)?的(?:小)?秘密|(?:我们|咱们|[咱我]俩|[咱我]两个人?)(?:俩|两个人?)?之间(?:说)?的(?:话|事)|这是(?:我们|咱们|[咱我]俩|[咱我]两个人?)(?:俩|两个人?)?(?:之间)?的事|(?:替|帮|为|给)我保密|你知我知|天知地知|(?:没人|没有人|谁也不|谁都不|别人不|他们不)会知道|只要你不说|对(?:你的)?(?:社工|老师|爸妈|父母|家里|基金会|机构)保密|暗号/g,
  // 我们心里知道就行, 我們自己知道就好; 这件事我只想告诉您一个人; 你一定要替我保密
  /(?:我们|咱们|你我|我俩|咱俩)(?:两个人?)?(?:心里|自己)?知道就(?:行|好|够|可以)/g,
  /只(?:想)?(?:告诉|跟|和|对)(?:你|您)一个人/g,
  /(?:你|您)(?:一定|千万|可|务必|也)?要?(?:替我|帮我|给我)保密|(?:你|您)(?:一定|千万|务必)要保密/g,
  // 你回信的时候就不要提了，项目那边的人会看到的 — and the other way round
  new RegExp(
    `(?:不要|别|不用|不必|千万别)(?:再)?(?:提|提到|提起|(?:写|说)(?:到|起)?(?:这件事|这些|那些|这个|我们))[^。！？\\n]{0,30}(?:${GUARDIANS_ZH})[^。！？\\n]{0,8}(?:会|能|都|要)(?:先)?(?:看|读|审|检查|知道)`,
    'g',
  ),
  new RegExp(
    `(?:${GUARDIANS_ZH})(?:的人)?[^。！？\\n]{0,8}(?:会|能|都|要)(?:先)?(?:看|读|审|检查)[^。！？\\n]{0,20}?(?:不要|别|不用|不必|千万别)(?:再)?(?:提|提到|提起|(?:写|说)(?:到|起)?(?:这件事|这些|那些|这个|我们))`,
    'g',
  ),
  // 别给老师看, 不要拿给你爸妈看
  new RegExp(`${DONT_ZH}(?:拿|交)?给${GUARDIAN}(?:看|读|瞧)`, 'g'),
  // 你自己知道就好; 就当我没说过; 不要在回信里提起
  /你(?:心里)?自己知道就(?:好|行|可以)|(?:你|您)(?:看完|看了)(?:就)?忘(?:了|掉)(?:吧|好了|它)|(?:别|不要|不用)(?:再)?(?:写|提|说)(?:在|到)(?:回信|信)(?:里|中|上)|(?:你|您)(?:看完|看了)?就当(?:我)?没(?:说|写|看到|看见)(?:过)?|(?:不要|别|不用|千万别)(?:在)?回信(?:里|中|的时候)?(?:再)?(?:提|说|写)(?:起|到)?/g,
  // 看完这封信就删掉吧, 读完烧掉, 不要留着
  /(?:看完|读完|看过|读过)[^。！？\n]{0,8}(?:删|撕|烧|扔)|(?:删掉|删了|撕掉|烧掉|扔掉)(?:这封|这些)?信|不要留着|别留着/g,
  // 不用把我们的信给你爸妈看
  new RegExp(`${DONT_ZH}把[^。！？\\n]{0,8}信[^。！？\\n]{0,4}给[^。！？\\n]{0,6}看`, 'g'),
  // 社工会看这些信吗 — asking who reads the letters, to write around them
  /(?:社工|基金会|机构|老师|工作人员|他们|别人)(?:会|能)?(?:看|读|检查|审核)(?:到)?(?:这些|我们的|我的|你的)?信(?:吗|\s?[?？])/g,
  // 你妈妈不用知道这些
  new RegExp(`(?:${GUARDIANS_ZH})(?:不用|不必|不需要|没必要|用不着)知道`, 'g'),
  // 你爸妈那边就先别说了
  new RegExp(`(?:${GUARDIANS_ZH})(?:那边|那儿|那里)?(?:就|也)?(?:先)?(?:别|不要|不用|不必)(?:说|讲|提|告诉)`, 'g'),
  // 如果社工问起，你就说…
  // (but not the writer's own excuse: "如果老师问起作业，我就说写完了")
  new RegExp(`(?:如果|要是|万一|假如|若是)(?:${GUARDIANS_ZH})(?:的人|那边的人|那边|的老师)?(?:有人)?问(?:起|你|到)?(?![^。！？\\n]{0,12}我就)`, 'g'),
  // 你爸妈要是问起来，你就说我们只聊学习
  new RegExp(`(?:${GUARDIANS_ZH})(?:的人|那边的人|那边)?(?:要是|如果|万一|若)问(?:起|起来|到|你)?[^。！？\\n]{0,8}?(?:你就说|就说|你就讲|就讲|你就告诉|就告诉)`, 'g'),
  /bie\s?gao\s?su|bu\s?yao\s?gao\s?su/g,
];

/** "我不会告诉任何人", "我保证不告诉你老师和社工", "别说出去" — but not of a birthday wish or a surprise, which keeps nothing from anyone who looks after the child. */
const TELL_NOBODY = new RegExp(`(?:别|不要|不能)(?:往外说|说出去|外传|声张|到处说)|(?:不会|不|绝不|保证不|从没|没有|没)告诉(?:过)?任何人|(?:保证|发誓|绝对|一定|我)不(?:会)?(?:告诉|跟|和|对)${GUARDIAN}`, 'g');
const INNOCENT_SECRET = /愿望|许愿|生日|惊喜|礼物|谜底|答案|结局|小说|故事/;

/** A surprise being prepared. */
const SURPRISE = /惊喜|生日会|生日派对|\bsurprise\b/;

/** What a safety lesson is about. */
const SAFETY_LESSON = /密码|陌生人|骗子|骗人|个人信息|网上的人|坏人/;

/** 你我之间的秘密 — but not "告诉你我的秘密", where 你 belongs to 告诉 (a lookbehind, written out: see `notAfter`). */
const YOU_AND_ME = /你我(?:俩|两个人?)?(?:之间)?的(?:小)?秘密|你我(?:俩|两个人?)?之间(?:说)?的(?:话|事)/g;
const YOU_AS_OBJECT = notAfter(/(?:告诉|给|跟|和|对|让|问|教)$/, 2);

const EN: RegExp[] = [
  new RegExp(
    `\\b(?:don't|do not|dont|never|no need to|there's no need to|you don't need to|you don't have to|don't have to|needn't|better not|rather you didn't|rather you did not|let's not|let us not|we (?:don't|do not|won't|will not|shouldn't) (?:need to )?)(?: \\w+){0,1} (?:tell|mention(?: \\w+){0,4}?(?: to)?|say (?:anything|a word)(?: to)?|show (?:my|these|this|the|our) (?:letters?|messages?)(?: to)?) (?:my |your |the |our )?(?:${GUARDIANS_EN})\\b`,
    'g',
  ),
  new RegExp(
    `\\b(?:don't|do not|never|no need to|there's no need to|don't need to|needn't|don't have to|better not|rather not|let's not) let (?:my |your |the |our )?(?:${GUARDIANS_EN})(?: (?:folks|people|staff|lady|man|team|workers?|guys))? (?:know|see|find out|read|hear)\\b|\\bno need for (?:my |your |the |our )?(?:${GUARDIANS_EN})(?: (?:folks|people|staff|lady|man|team|workers?))? to (?:know|hear|see|find out|read)\\b|\\bmum's the word\\b|\\bnot a word to (?:my |your |the |our )?(?:${GUARDIANS_EN})\\b`,
    'g',
  ),
  // "maybe don't bring this up with the NGO people", "could you not tell your teacher", "no need to discuss it with your parents"
  new RegExp(
    `\\b(?:don't|do not|dont|never|no need to|there's no need to|don't need to|needn't|better not|rather you didn't|let's not|(?:could|can|would|will) you (?:please )?not|try not to|please don't|please do not|if you didn't|if you did not|if you wouldn't|you'd better not|you better not) (?:bring (?:this|it|that|these|any of this) up|talk about (?:this|it|that|these|us|me|our letters)|discuss (?:this|it|that|these|us|our letters)|share (?:this|it|that|these|them|my letters?|our letters)|show (?:this|it|that|these|them)|(?:go )?tell(?:ing)?|mention|say anything|say to) (?:with |to )?(?:my |your |the |our |any of )?(?:${GUARDIANS_EN})\\b`,
    'g',
  ),
  /\b(?:just |only )?between (?:you and me|us|the two of us|ourselves)\b|\bour (?:little )?secret\b|\b(?:nobody|no one|no-one)(?: else)? (?:needs|has|should|must|will) (?:to )?know\b|\bpromise (?:me )?(?:you )?(?:won't|will not|not to|never) (?:tell|say|mention)\b|\byou (?:mustn't|must not|shouldn't|should not|can't|cannot|may not) (?:tell|mention|say anything)(?: this| it)?(?: to)? (?:my |your |the |our )?(?:ngo|caseworker|case worker|social worker|teachers?|parents|mum|mom|dad|family|anyone|anybody|staff)\b|\bkeep (?:this|it|that|them|these|what i (?:said|wrote|told you)|(?:this|that|the|my|our|these) letters?|our (?:chats?|talks?|conversations?)) (?:private|to yourself|secret|quiet|between us|a secret|hidden|low-key|low key|on the down ?low|hush-hush)\b|\bhide (?:this|the|my|these|our) letters?\b/g,
  // "just for you, not for your caseworker", "for your eyes only", "please keep (it) secret", "don't tell Auntie Chen from the foundation"
  new RegExp(`\\b(?:just|only) for (?:you|your eyes)\\b[^.!?\\n]{0,20}\\bnot (?:for )?(?:your |the |any )?(?:${GUARDIANS_EN})\\b|\\bfor your eyes only\\b|\\bplease keep (?:it |this |that |a )?(?:a )?secret\\b|\\b(?:don't|do not|never|please don't) tell (?:teacher|auntie|aunt|uncle|miss|mr|mrs|ms|sister|brother) [a-z]+\\b|\\b(?:don't|do not|never|please don't) tell [a-z]+(?: [a-z]+){0,2} (?:from|at) the (?:ngo|foundation|charity|programme|program|office)\\b|\\bi don't want (?:my |your |the )?(?:${GUARDIANS_EN}) (?:to )?(?:know|find out|see|read|hear)\\b`, 'g'),
  // "I won't tell your parents, I promise" (not "I won't tell her", of a surprise)
  /\bi (?:won't|will not|will never|'ll never|promise not to|promise i won't) (?:tell|mention (?:it|this|anything) to|say anything to|show (?:it|this|your letters?) to) (?:your |the )?(?:ngo|caseworker|case worker|social worker|charity|foundation|teachers?|parents|mum|mom|mother|dad|father|family|grandma|grandpa|grandparents|guardian|staff)\b/g,
  /\b(?:delete|destroy|burn|tear up|throw away|get rid of|shred|rip up) (?:this|the|my|these) (?:letter|letters|message)\b|\bdon't keep (?:this|my) letter\b|\bafter (?:you(?:'ve| have)? )?(?:read|reading|finish(?:ed|ing)? reading) (?:this|it|my letter)\b[^.!?\n]{0,30}\b(?:throw|tear|burn|delete|destroy|shred|rip|bin|get rid)/g,
  /\bif (?:the|your) (?:caseworker|case worker|social worker|teacher|ngo|parents|mum|mom|dad|staff)(?: ever)? asks?\b|\bif (?:anyone|someone|they|he|she|anybody)(?: (?:at|from|in) the (?:ngo|foundation|charity|school|office|programme|program))?(?: ever)? asks?\b[^.!?\n]{0,30}\b(?:say|tell (?:them|her|him)|just)\b/g,
  /\b(?:does|do|will|would) (?:the )?(?:caseworker|ngo|staff|they|anyone) (?:read|see|check) (?:these|our|my|the) letters\b/g,
  /\b(?:the ngo|the caseworker|the charity|the foundation|your (?:parents|mum|mom|dad|mother|father|teachers?|caseworker|family|grandma|grandparents)) (?:doesn't|does not|don't|do not|needn't|shouldn't|mustn't|won't) (?:have to |need to )?(?:know|find out|hear about|see)\b/g,
];

export function findSecrecy(n: Folded): Hit[] {
  const { lower } = n;
  const hits: Hit[] = [];
  // a safety lesson ("老师说我们的密码不能告诉别人", "不要告诉陌生人你家在哪") keeps nothing from the adults
  // a surprise for someone ("我们班要给老师一个惊喜…不能让老师知道哦") keeps nothing from them for long
  const surprise = perSentence(lower, (sentence) => SURPRISE.test(sentence));
  const lesson = (m: RegExpExecArray) => !SAFETY_LESSON.test(sentenceOf(lower, m.index, m.index + m[0].length)) && !surprise(m.index);
  for (const re of ZH) hits.push(...regexHits(lower, re, 'secrecy', lesson));
  hits.push(...regexHits(lower, YOU_AND_ME, 'secrecy', undefined, YOU_AS_OBJECT));
  hits.push(...regexHits(lower, TELL_NOBODY, 'secrecy', (m) => !INNOCENT_SECRET.test(sentenceOf(lower, m.index, m.index + m[0].length))));
  for (const re of EN) hits.push(...regexHits(lower, re, 'secrecy', (m) => !/[a-z]/.test(lower[m.index - 1] ?? '') && !surprise(m.index)));
  return hits;
}
