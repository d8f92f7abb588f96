/**
 * Suicidal thoughts, self-harm and deep hopelessness: words about the writer's own life. These rules
 * look for states (不想活了, "I want to die"), so they check whom the words are about: another child
 * counts for suicide and self-harm (see docs/WELLBEING.md, "Third parties"), an adult or a character
 * in a book does not.
 */
import { anyOf, APOS, CLAUSE, type Match, type Rule } from './rule';

const C = CLAUSE;

/** "School is useless" from a parent (or "they", the family) is pressure to drop out; from the writer, despair. */
function saidByAdult(m: Match): boolean {
  const before = m.src.slice(m.sentence[0], m.start);
  if (m.lang === 'zh') return !/我(?:觉得|认为|感觉|想)/.test(before) && (m.mentionedBefore('adult') || /(?:他们|家里)(?:都)?(?:说|觉得)/.test(before));
  return !/\bi (?:think|feel|guess|know)\b/.test(before) && (m.mentionedBefore('adult') || /\b(?:they|family)\b/.test(before));
}

/** "…但我还是会学": despair taken back in the same breath is ordinary discouragement. */
const CONCESSION_ZH = /^[^。！？!?\n]{0,12}(?:但是?|不过|可是)(?:(?:我)?(?:还是|会|要|一定)|[^。！？!?\n]{0,8}(?:下次(?:再)?(?:加油|努力)|加油就好|没关系|会好起来|会进步|继续努力))/;

/** 要是期末考试消失了就好了: a thing wished away, not the writer. */
const THING_WISHED_AWAY = /考试|作业|期末|月考|上课|下雨|雨天|雨|周一|星期一|病毒|疫情|蚊子|虫子|老鼠|数学|英语|语文|物理|化学|题|冬天|夏天|学校|闹钟|课|补习|这周|明天|周末|烦恼|压力|痘痘|近视|雾霾|噪音|战争|贫穷|疾病|病痛|坏习惯|脾气/;

/** "…would be good if it really happened": about the writer (named, or nobody named), not about an exam or the rain. */
function wishedAway(m: Match): 'suicidal' | null {
  return THING_WISHED_AWAY.test(m.src.slice(m.clauseStart(), m.start)) ? null : 'suicidal';
}

const DEAD_RELATIVE = '(?:奶奶|爷爷|外婆|外公|姥姥|姥爷|妈妈|爸爸|她|他)';
const DEATH_NEAR = /去世|过世|走了|不在了|死了|离开了|天上|天堂|那边|坟|忌日/;
// A goodbye (再见) counts only with one of the FAREWELL_CUES near it; the FAREWELL_SIGNS count in pairs.
const FAREWELL_ZH = '再见|告别|永别|道别';
const FAREWELL_SIGNS_ZH = /(?:东西|遗物|书包)(?:都|也)?(?:收拾|整理)好了|(?:不要|别|不用)(?:为我)?(?:难过|伤心|哭)|(?:已经)?写好了[^。！？\n]{0,8}信|(?:是|那是)我自己(?:选|决定|想)的|照顾好(?:奶奶|妈妈|爸爸|弟弟|妹妹|爷爷)|不是(?:她|他|你们|你|您|妈妈|爸爸)的错|(?:不能|没法|不会)再(?:给您|给你)?写信|日记(?:本)?(?:放在|留给|交给|寄给)|以后(?:你|您)(?:就)?(?:会)?(?:知道|明白)|(?:把|将)(?:我的)?(?:东西|书|衣服)[^。！？\n]{0,6}(?:分|送|留)给|(?:东西|书|漫画书|漫画|玩具|衣服|文具|零花钱|存的钱)(?:都|也)?(?:已经)?(?:送|留|分)给(?:了)?|最后一(?:次|封)(?:给你|给您)?(?:写)?信|(?:不用|不要|别)(?:再)?(?:来)?找我|(?:以后)?不用(?:再)?(?:给我)?(?:寄|买|送)|(?:我)?(?:都)?用不(?:上|着)了|以后要(?:听|照顾|孝顺)(?:奶奶|妈妈|爸爸|爷爷|外婆|外公)|(?:不会|不能|没法)(?:再)?陪(?:他|她|你|你们|您)了|(?:钱|东西|存的钱|攒的钱)(?:都)?(?:给了|留给)(?:弟弟|妹妹|奶奶|妈妈)/g;
const FAREWELL_CUES_ZH = /不是(?:她|他|你们|你|您|妈妈|爸爸)的错|用不上了|不需要了|日记|遗|最后一次|以后(?:就)?不(?:会)?(?:再)?(?:写信|写了|麻烦)|照顾好(?:奶奶|妈妈|爸爸|弟弟|妹妹|爷爷)|(?:别|不要|不用)(?:为我)?难过|下辈子|来世|想好了|最后一(?:次|封)|送给|留给/;

export const LIFE_ZH: Rule[] = [
  {
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'game', 'lesson'],
    pattern: anyOf(
      '不想(?:再)?活(?!动|泼)|不想' + C + '{1,4}活(?:着|下去)',
      '不(?:该|应该|配)' + C + '{0,2}(?:活在|存在|活着|来到|出生|生下来|被生下来)',
      '我' + C + '{0,10}(?:永远|再也)(?:都)?不(?:会)?(?:回来|回家)了?|(?:盯着|看着|想喝|偷偷藏|藏了)' + C + '{0,4}(?:农药|老鼠药|安眠药|敌敌畏)|(?:农药|老鼠药|安眠药|敌敌畏)[^。！？!?\\n]{0,12}(?:盯着|看(?:了)?很久|想喝|藏起来)',
      '活不下去',
      '不想(?:再)?(?:活|过)下去',
      '(?:想|要|想要|准备|打算|计划)(?:去)?(?:自杀|自尽|轻生|寻死|寻短见)',
      '自杀|轻生|寻短见|自尽|紫砂|自鲨',
      '不想(?:再)?(?:活在|待在|留在)(?:这个)?世界',
      '(?:离开|告别)(?:这个)?(?:世界|人间)',
      '结束(?:自己的?|我的)?生命|结束(?:我)?自己|(?:少了我|少我一个|没有我)' + C + '{0,6}(?:也)?(?:没什么|无所谓|一样|不会怎样|没人在意)|结束(?:这)?一切|一了百了|了结(?:自己|生命|这一切)',
      '活着(?:还)?(?:有|能有)?什么(?:意思|意义)|活着(?:真|也|都|好|太|很|真的)?没(?:有)?(?:意思|意义|什么意思)',
      '活够了|活腻了|不配活(?:着|下去)?',
      '(?:死了|死掉)(?:也)?(?:挺好|算了|就好了?|多好|最好|就解脱|就不用)|(?:还)?不如死了?(?:算了)?|死(?:了)?(?:都|也)?比活着(?:好|强|轻松|舒服)',
      // 想死 — but not 想死你了 / 想死我了 (missing someone) or 想死去的奶奶 (missing the dead)
      '(?:想|好想|真想|很想|想要)(?:去)?死(?![你您妳他她它大去]|我[了啦])|要去死|去死(?:算了|好了)',
      '(?:没有我|我不在)(?:的话)?' + C + '{0,8}(?:会)?(?:更好|更轻松|更幸福|好过|轻松|就好了|多好|就好)',
      '死了(?:会)?(?:比较|更|还)(?:好|轻松)|(?:自我)?了断|把自己' + C + '{0,2}(?:饿死|弄死|杀了|淹死|毒死)|活着(?:还)?有什么用',
      '(?:跟|和|向)(?:这个)?世界(?:说)?(?:再见|告别|道别)|(?:没有|没什么|没)(?:留恋|牵挂)(?:了)?|离开' + C + '{0,4}(?:也许|可能)?(?:会)?(?:更好|比较好)',
      '(?:我|自己)?(?:就)?不(?:应该|该)(?:存在|出生|活着|被生下来)|为什么要(?:生下我|把我生下来)',
      '(?:死|撞|出事|病|走)(?:的)?(?:人)?(?:是|换成)我(?:就好了|多好|该多好)',
      '(?:已经)?想好了(?:哪天|什么时候|怎么|在哪|用什么)|(?:计划|打算)好了(?:怎么|哪天)',
      '(?:已经)?(?:想好了|决定了|下定决心了)' + C + '{0,2}[，,]?' + C + '{0,12}(?:楼顶|天台|跳|药|下去|河|刀|绳|走)',
      '(?:怎么|怎样|如何)(?:才能)?(?:去)?死|(?:查|搜|问)(?:了)?' + C + '{0,6}(?:怎么死|怎样死|自杀|安眠药|跳楼|死法|会不会痛)|我死了' + C + '{0,10}(?:开心|高兴|轻松|更好|好过|解脱|省心|不用|清净)',
      '(?:不在|离开)(?:这个|这)?世界(?:上)?了|活不(?:到|过)(?:长大|明年|十八|成年)',
      '(?:常常|经常|总是|老是|一直|每天)?(?:想到|想过|想起|梦到|想着)(?:了)?(?:去)?(?:死|自杀)(?!去|了的|亡的)|(?:死|自杀)的念头',
      '(?:要是|如果|假如|万一|哪天)' + C + '{0,4}?(?:我|自己)' + C + '{0,4}?(?:不在了|死了|消失了|没了)|(?:我|自己)(?:要是|如果|假如|万一|哪天)' + C + '{0,4}?(?:不在了|死了|消失了|没了)',
      '一睡不醒|长睡不醒|(?:什么|哪种|哪个|用什么)(?:方法|办法|方式)' + C + '{0,4}(?:走|死|离开|结束|自杀)',
      '(?:很快|以后|马上|过几天)(?:就)?(?:不用|不会)(?:再)?(?:为我)?(?:担心|操心|麻烦|管)(?:我)?了',
      '(?:我|自己)(?:怎么)?还不死|我(?:真)?该死|(?:让|叫)我去死(?:吧|算了)?',
      '活着(?:就是|本身就是)?(?:一个|个)?(?:错误|多余|拖累|负担|累赘)|活着(?:是)?为了什么|为什么(?:还)?要活着',
      '(?:想|要|准备|打算)(?:去)?喝药|(?:买|弄)(?:了)?(?:一整瓶|一瓶|很多|好多|一堆|一把)' + C + '{0,4}(?:药|安眠药)',
    ),
    unless: /(?:热|累|困|饿|冷|烦|无聊|痒|疼|吵)得(?:我)?(?:要|都|快)?想死/,
  },
  {
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'game'],
    pattern: anyOf(
      '(?:如果|要是|假如|万一|哪天|等)' + C + '{0,4}?我' + C + '{0,8}(?:死了|不在了|消失了)',
      '我(?:死了|不在了|消失了)(?:以后|之后|的话|也没人|会不会|大家|你们|家里|就)',
      '走了(?:就)?(?:好了|解脱了|一切都好了)',
    ),
  },
  {
    // 等我走了 / 不见了 next to a letter left behind or "don't look for me"
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'game'],
    pattern: anyOf('(?:等|如果|要是|哪天|万一)' + C + '{0,4}?我' + C + '{0,4}(?:走了|不见了|不在了)|我(?:走了|不见了)(?:以后|之后)|(?:不要|别|不用)(?:再)?(?:来)?找我'),
    near: /信|遗|看到|难过|伤心|不见|不在|永远|再见|死|世界|谢谢|自己选|选择|决定/,
  },
  {
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'game', 'sport'],
    pattern: anyOf('(?:走进|跳进|沉进|沉到|泡进)(?:去|河|水|江|湖|水库|海)'),
    near: /河|江|湖|水库|海|水里/,
  },
  {
    // ways: jumping, pills, poison, hanging; going somewhere and not coming back
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'game', 'lesson'],
    pattern: anyOf(
      '跳楼|想(?:过|着|要)?(?:从' + C + '{1,10})?跳(?:下去|楼|河|江|湖|崖)|从' + C + '{0,6}(?:楼顶|楼上|天台|阳台|窗户|窗台|桥上|桥)(?:上)?跳',
      '跳(?:河|江|湖|崖|水库)',
      '从' + C + '{0,8}(?:楼顶|天台|楼上|阳台|窗户|桥上|楼(?!梯))' + C + '{0,2}(?:跳|下去|跳下|掉下)',
      '(?:绳子|围巾|皮带)' + C + '{0,6}(?:脖子|挂|吊)|(?:挂|吊)' + C + '{0,4}(?:脖子)',
      '(?:吃|吞)(?:了)?(?:一(?:整)?瓶|一把|很多|好多|一堆)?(?:安眠药|药片|老鼠药)|(?:吃|吞)(?:多少|几)片' + C + '{0,6}(?:不会醒|会死|死)',
      '(?:喝|吃)(?:了)?(?:农药|敌敌畏|百草枯|老鼠药)|安眠药',
      '(?:攒|存|囤|藏)' + C + '{0,6}药|药' + C + '{0,4}(?:应该)?够了|药' + C + '{0,4}(?:攒|存|囤|藏)(?:起来|好|了)|(?:药|片)' + C + '{0,6}(?:攒|存)够了|(?:楼|层)[^。！？!?\\n]{0,8}(?:应该)?够(?:高)?了',
      '上吊|卧轨',
      '(?:去|到)(?:水库|河边|江边|湖边|楼顶|天台|山上|桥上|海边)' + C + '{0,8}(?:不回来|再也不回)|再也不回来了',
    ),
  },
  {
    // leaving and not coming back — unless it is a trip or a move
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'lesson', 'game'],
    pattern: anyOf('走' + C + '{0,4}(?:就)?不(?:会)?(?:再)?回来了|(?:再也|永远)(?:都)?不(?:会|想|要)?(?:再)?回来(?:了)?|(?:去了|走了|离开)(?:以后)?(?:就)?(?:不用|不必|不会|不要)(?:再)?回来'),
    unless: /暑假|寒假|假期|放假|旅游|旅行|搬家|转学|哈哈|打工|上班|出差|小狗|小猫|狗|猫|鸟/,
  },
  {
    // tired of living, with giving up next to it
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf('活(?:着|下去)(?:好|太|真|很|真的)?(?:累|难|痛苦|辛苦)'),
    near: /不想了|不想坚持|撑不下去|撑不住|算了|受够了|不想再/,
  },
  {
    // the strong forms of sleep-and-not-wake: only a morning or an alarm clock drops them
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction'],
    pattern: anyOf(
      '睡(?:一觉|过去|着|下去|下)(?:了)?(?:以后|之后)?(?:就)?(?:再)?(?:也)?(?:不|别|不要|不会|不用)(?:要|会|再)?醒',
      '(?:最好|希望|但愿)(?:就)?(?:别|不要|不用|再也不)(?:再)?醒(?:来|过来)?',
    ),
    unless: /起床|闹钟|懒觉|赖床|周末|早上|闹铃/,
  },
  {
    // 解脱 (release), taken back by an exam, homework or a holiday
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf('(?:就|可以|能|才能|终于|彻底|早点|想)(?:可以|能)?解脱(?:了)?|解脱(?:了)?(?:就好|算了|吧)'),
    unless: /考|作业|放假|假期|毕业|寒假|暑假|比赛|补课|上课|下课|周末|军训/,
  },
  {
    // euphemisms: sleeping and never waking, going to a dead grandparent, vanishing
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction'],
    pattern: anyOf(
      '睡(?:着|下|过去)?(?:了)?(?:以后|之后)?(?:就)?(?:永远|再也)(?:不|别)(?:要|用|会)?醒|(?:最好|就)?(?:别|不要|不用)(?:再)?醒(?:来|过来)?了',
      '永远(?:地)?睡(?:下去|着|过去)|一直睡下去|睡很久很久|长眠|睡到永远|一觉(?:睡)?(?:到)?(?:永远|不醒)|睡(?:一辈子|到天荒地老)',
      '不想(?:再)?醒(?:来|过来)?|(?:不会|不用|不要|再也不)(?:再)?醒(?:了|来|过来)',
      '(?:想|要|好想|真想)(?:早点|快点|赶紧)?(?:去)?(?:天上|天堂|那边)(?:找|陪|见)' + DEAD_RELATIVE + '|(?:想|要|好想|真想)(?:早点|快点|赶紧)?(?:去)?(?:找|陪|见)(?:去世的|死去的|过世的|走了的)' + DEAD_RELATIVE,
      '(?:想|要|好想|真想)去(?:天上|天堂|那边)?(?:找|陪)' + C + '{1,8}?(?:走掉|走了|去世|过世|死)(?:的|了的)' + DEAD_RELATIVE,
      '(?:想|要)去(?:天堂|天上|另一个世界|另外一个世界|另外的世界|那边|一个没有痛苦的地方)',
      '(?:想|希望|要是)(?:我|自己)?(?:能)?(?:永远)?(?:从这个世界(?:上)?)?消失|永远(?:地)?消失|消失(?:了)?(?:就好了|算了|多好|最好)',
      '(?:想|想要)(?:彻底|永远)?解脱|永远(?:地)?解脱',
      '永别|(?:下辈子|来世|来生)(?:再)?(?:报答|见|做|还)|遗书|遗言',
      '(?:这是|这也许是|可能是)(?:我)?(?:给|写给)(?:您|你)(?:的|写的)?最后一封信',
    ),
    unless: /起床|闹钟|懒觉|赖床|多睡|考完|考试|放假|作业/,
  },
  {
    // 去找她 / 去那边 only where a death has just been mentioned
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction'],
    pattern: anyOf('(?:想|要|好想|真想)(?:早点|快点|赶紧)?(?:去)?(?:找|陪)(?:我)?' + DEAD_RELATIVE + '|(?:想|要|好想|真想)(?:早点|快点|赶紧)?去见(?:我)?' + DEAD_RELATIVE + '|去(?:那边|那里)(?:找|陪|就)'),
    // a death mentioned, or giving up next to it (我已经不想再坚持了，想早点去见妈妈)
    near: new RegExp(DEATH_NEAR.source + '|不想再坚持|不想坚持|撑不下去|撑不住|不想活|活着(?:好|太)?累|早点去'),
  },
  {
    // only wanting to *see* a dead grandmother is grief; with giving up next to it, it is not
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction'],
    pattern: anyOf('(?:想|要|好想|真想)(?:早点|快点|赶紧)?见(?:我)?' + DEAD_RELATIVE),
    near: /不想再坚持|不想坚持|撑不下去|撑不住|不想活|活着(?:好|太)?累|早点|累了|没有人要我|没人要我|一了百了/,
  },
  {
    // 想跳 near a roof, a river, a bridge
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'sport', 'game'],
    pattern: anyOf('(?:想|好想|真想|很想)(?:往下)?跳(?!舞|绳|远|高|水|级|槽|过)|(?:想|就|差点|差一点|要|准备|打算)?(?:跳|走|掉|栽)下去|从' + C + '{0,6}下去|(?:站|坐|待)了(?:很久|好久|半天|一晚上|好一会)'),
    near: /楼顶|楼上|天台|阳台|窗|桥|河|江|湖|水库|崖|往下/,
  },
  {
    // going up to a roof, a bridge or the river again, alone, at night — with a sign of why (差点, 往下看…)
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'sport', 'game', 'lesson'],
    pattern: anyOf(
      '(?:又|一个人|偷偷|半夜|晚上|好几次|经常|常常)' + C + '{0,4}(?:去|上|爬|跑|站|坐)(?:了|到|在)?(?:楼顶|天台|顶楼|桥上|桥边|河边|江边|水库|悬崖|崖边|阳台栏杆|窗台)',
      '差(?:一)?点(?:就)?(?:跳|下去|掉下去|跳下去|做了|没忍住|松手)',
    ),
    near: /楼顶|天台|顶楼|桥|河|江|水库|崖|窗|栏杆|往下|下去|跳|差点|差一点/,
    nearOther: /差(?:一)?点|往下(?:看|跳)|跳|站了(?:很久|好久|半天|一会)|坐了(?:很久|好久|半天)|下去|边上|栏杆|不想回|没人(?:知道|发现)|就好了|结束|解脱|害怕自己/,
  },
  {
    // "if it really happened, that would be good": falling, not waking, being hit by a car, vanishing
    category: wishedAway,
    about: 'child',
    notIn: ['fiction', 'game', 'lesson'],
    pattern: anyOf(
      '(?:真的)?(?:掉下去|摔下去|跳下去|被车撞(?:死|了)?|出(?:个)?车祸|病死|醒不过来|醒不来|没(?:有)?醒(?:过来|来)?|睡着不醒|一病不起|不在了|消失了|死掉|没了|不存在|没(?:有)?(?:出生|被生下来))(?:了)?(?:的话)?(?:就好了|多好|该多好|也好|也行|算了|就解脱了|就轻松了|就不用)',
    ),
  },
  {
    // things left for others "who will need them later": the savings under a brother's pillow
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf('以后(?:他|她|你们?|您|弟弟|妹妹|奶奶|妈妈)(?:就)?(?:用得着|用得上|能用上|就有)|(?:钱|东西|存的钱|攒的钱|零花钱|宝贝)(?:都)?(?:偷偷)?(?:放在|留在|塞在|压在)' + C + '{0,8}(?:枕头|床|抽屉|书包)' + C + '{0,4}(?:下面|里|底下)?'),
    near: /攒|存|留给|放在|用得着|用得上|不用了|不需要了|最后/,
    nearOther: /以后(?:他|她|你们?|您|弟弟|妹妹|奶奶|妈妈)?(?:就)?(?:用得着|用得上|能用上)|用不上了|不需要了|最后|再见|对不起|别难过|不要难过/,
  },
  {
    // not eating or drinking, shut in, "slowly gone"; a river tonight and nobody troubled any more
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'game', 'lesson'],
    pattern: anyOf(
      '慢慢(?:地)?(?:就)?(?:没了|死了|消失了|饿死|不在了)|不吃(?:也)?不喝' + C + '{0,6}(?:没了|死|消失|饿死)',
      '(?:不会|不用|不再)(?:再)?(?:让|给|叫)' + C + '{0,6}(?:为难|添麻烦|麻烦|操心|担心|丢脸|受累|花钱)了',
    ),
    near: /没了|死|消失|永远|再也|今晚|河|江|楼|桥|天台|药|最后|走了|不出来/,
    unless: /以后我会|我会(?:听话|改|努力|好好)|保证/,
  },
  {
    // a decision with an end in it: 我已经决定了，这个月就是最后一个月
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'lesson', 'game'],
    pattern: anyOf('(?:就|会|应该)?是(?:我的?)?最后一(?:个月|天|周|个星期|年|个冬天|个夏天|次)|(?:没有|不需要|不用)(?:什么)?(?:计划|以后|将来)了'),
    nearOther: /决定了|想好了|下定决心|没有计划了|不会再|不用再|不需要了|用不上|撑不|累了|不想活|再见|对不起|谢谢你/,
    unless: /小学|初中|高中|毕业|放假|寒假|暑假|比赛|学期|这里的|实习|搬家|转学/,
  },
  {
    // a means of dying next to a plan or a farewell, however the verb is put
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'game', 'lesson', 'hypothetical'],
    pattern: anyOf('绳子|刀片|铁轨|火车道|煤气|烧炭|楼顶|天台|安眠药|药片|一瓶药|一整瓶|农药|老鼠药|药(?:已经|都)?(?:买好|准备好|攒好|藏好|备好|攒够)'),
    nearOther: /想好了|准备好了|买好了|藏好了|放在(?:书包|枕头|抽屉)|决定了|计划好|最后一(?:次|封|天)|一了百了|解脱|不怕疼|不会(?:疼|痛)|不(?:疼|痛)的|结束(?:这|一切|自己)|对不起大家|(?:不用|不要|别)(?:为我)?(?:难过|伤心)|永别|下辈子|遗书/,
  },
  {
    // goodbyes that come with "it is not her fault", a diary to hand on, "look after grandma for me"
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(FAREWELL_ZH),
    near: FAREWELL_CUES_ZH,
  },
  {
    // a goodbye letter: two different cues (things packed, 不要难过, 照顾好奶奶, 不能再给您写信…)
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'lesson'],
    pattern: FAREWELL_SIGNS_ZH,
    nearOther: new RegExp(FAREWELL_SIGNS_ZH.source),
  },
  {
    // the last letter, with an apology, thanks or not coping near it
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf('最后一(?:次|封)' + C + '{0,4}信|(?:以后|再也)(?:不会|不能|没法)(?:再)?(?:给你|给您)?写信了'),
    near: /撑不住|对不起|再见|不要难过|别难过|永别|活着|太累|好累|送给|留给|不在|离开|谢谢你(?:一直|这些年|这两年)/,
    // …not the last letter of a term or before a holiday
    unless: /这学期|本学期|学期|放假|寒假|暑假|假期|毕业|之前|下次|开学/,
  },
  {
    // giving one's things away because one will not need them
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf('(?:把|将)(?:我的)?(?:东西|书|衣服|文具|玩具|宝贝)' + C + '{0,4}(?:都)?(?:分|送)给'),
    near: /用得上|用不上|不需要了|不会再需要|再也用不/,
  },
  {
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf('(?:告诉|跟)(?:她|他|妈妈|爸爸|奶奶|爷爷|他们)(?:说)?(?:这)?不是(?:她|他|你们|他们|你)的错'),
    near: new RegExp(FAREWELL_ZH + '|最后|谢谢'),
  },
  {
    category: 'self_harm',
    about: 'child',
    notIn: ['accident', 'sport', 'game', 'lesson', 'fiction'],
    pattern: anyOf(
      '自残|自伤|(?:伤害|弄伤|弄疼|弄痛|虐待)(?:我)?自己',
      '(?:割|划|刺|扎|咬|抓|挠|扇|捶|烫|烧|砸|打|掐|弹)(?:了)?(?:我)?自己',
      '(?:用|拿)' + C + '{1,6}(?:割|划|刺|扎|烫|戳|弹)(?:了)?(?:自己|手|手腕|手臂|胳膊|大腿|腿)',
      '割(?:了)?(?:腕|手腕|手臂|胳膊|大腿)|划(?:了)?(?:手腕|手臂|胳膊|大腿)',
      '(?:又|偷偷|故意|自己)' + C + '{0,3}(?:划|割|烫|扎)(?:了)?(?:手|腿|胳膊|手臂|手腕|一下|几下|一道|几道|好几道)',
      '(?:又|偷偷|忍不住|还是|昨晚|昨天晚上)(?:想)?(?:割|划)(?:了|自己|手)|(?:想|又想)(?:用|拿)?刀片|(?:用|拿)刀片',
      '(?:手|胳膊|手臂|手腕|腿|大腿)上(?:又)?(?:多了|有)(?:好多|很多|几|[一二三四五六七八九十两\\d]+)(?:条|道)',
      '(?:划|割|抓|挠|掐|抠|咬)(?:到|得|出)(?:了)?(?:全是|都是|满是)?(?:流血|出血|血)|(?:抠|挠|抓|咬)(?:得|到)(?:都)?(?:烂|破)',
      '(?:手|胳膊|手臂|手腕|腿|大腿)上(?:都是|全是|有很多|好多|有好多|有)(?:伤疤|疤|刀痕|划痕|伤口|口子)',
      '(?:用头|拿头|把头)' + C + '{0,6}(?:撞|磕|砸)|(?:惩罚|折磨)(?:了)?自己|拿自己(?:出气|撒气)|(?:就|会|又|去|总是|经常|一直|常常)(?:用头)?撞墙|撞墙撞(?:到|得)|撞墙(?:撞)?(?:到|得)(?:头|流血|晕|起包)',
      '(?:刀|刀片|小刀|美工刀|削笔刀|铅笔刀|圆规|针|剪刀|碎玻璃|玻璃片|烟头|打火机)' + C + '{0,8}(?:划|割|刺|扎|烫|戳)(?:了)?(?:好几道|几道|一道|自己|手|胳膊|手臂|手腕|腿|大腿)',
      '(?:烟头|打火机|火机|烧红的|烫的)' + C + '{0,6}(?:按|摁|压|贴|烫|烧)(?:在|到)?(?:自己的?|我的?)?(?:手|手背|手心|胳膊|手臂|手腕|腿|大腿|身)',
      '在(?:自己的?)?(?:胳膊|手腕|手臂|腿|大腿|手|手背|手心|手掌|身)上' + C + '{0,4}(?:割|划|刻|扎|烫|戳)',
      '自己(?:的)?' + C + '{0,4}(?:烫|割|划|弄|打|掐|咬|抓)(?:伤|破|出血|流血|肿)',
      '(?:不让|不给)自己吃(?:饭|东西)|饿(?:着)?自己|故意不吃(?:饭|东西)|不配吃|故意' + C + '{0,10}(?:割|划|烫|弄伤|咬|掐|扎)|(?:又|又开始|开始|偷偷)(?:用|拿)(?:刀|刀片|小刀|美工刀)(?!切|削|做)',
      '看到血' + C + '{0,6}(?:舒服|好受|轻松|平静|踏实|安心)|疼(?:了)?(?:才|就)(?:会)?(?:舒服|好受|轻松|平静)',
      '把(?:我的?|自己的?)?(?:手腕|手臂|胳膊|腿|大腿|手背|手心|指甲|嘴唇)' + C + '{0,2}(?:弄|划|割|抓|掐|咬|抠)(?:出血|破|伤|流血|烂)',
      '(?:扯|拔|揪)(?:掉|下来|了)?自己的?头发|头发' + C + '{0,6}(?:一把一把|一根一根)' + C + '{0,3}(?:扯|拔|揪)',
    ),
    unless: /做梦|蚊子|痒|镰刀|割麦|割草|割稻|切菜|削铅笔|铅笔(?!刀)|削水果|被(?:人|他|她|爸|妈)?(?:推|打|撞|按)|把我|往墙上/,
  },
  {
    // a hurt that the writer did with their own hands: 弹到紫了, 是我自己割的
    category: (m) => (['adult', 'child', 'family'].includes(m.who({ notSelf: true, inClause: true })) ? null : 'self_harm'),
    about: 'child',
    notIn: ['accident', 'sport', 'game', 'lesson', 'fiction'],
    pattern: anyOf(
      '(?:弹|掐|咬|抓|挠|抠|拧|扯|撞|割|划|扎|烫|打)' + C + '{0,6}(?:到|得)(?:发紫|紫|青|流血|出血|红肿|肿|破皮|起包|烂|头晕)',
      '自己(?:用' + C + '{1,5})?(?:弄|划|割|搞|抓|烫|扎)(?:的|伤的|出来的)',
    ),
    near: /伤|疤|血|创可贴|手腕|手臂|胳膊|腿|紫|肿|心情|难受/,
    unless: /蚊子|痒|被/,
  },
  {
    category: (m) => (saidByAdult(m) ? 'forced_dropout' : 'hopelessness'),
    notIn: ['fiction', 'lesson'],
    unlessAfter: CONCESSION_ZH,
    pattern: anyOf(
      '(?:读书|学习|努力|上学)(?:还|又)?有什么用|(?:读书|学习|努力|考|学|读)(?:了)?(?:也|都)?没(?:什么|有)?(?:用|出息)',
    ),
  },
  {
    category: 'hopelessness',
    about: 'writer',
    notIn: ['fiction', 'lesson'],
    unlessAfter: CONCESSION_ZH,
    pattern: anyOf(
      '(?:看不到|没有|没)(?:一点|任何)?(?:希望|未来|出路|盼头)|看不到(?:头|尽头|光)',
      '(?:什么|一点|任何|一丝)(?:希望|未来|意义|盼头)(?:都|也)没(?:有)?',
      '(?:永远|再也|一辈子)(?:都)?(?:不会|好不了|没有)(?:好|变好|好起来|希望|出头)|(?:什么都)?不会(?:再)?(?:变|好)(?:好|起来)(?:了|的)',
      '这辈子(?:就|也就)?(?:这样|完)了|(?:我|我们家)(?:也)?就这样了|注定(?:走不出|失败|没有|不会|一辈子)|(?:人生|这辈子|一辈子|未来|前途)(?:都|也|就)?(?:完了|毁了)',
      '(?:以后|将来|永远|一直)(?:也|都)?不会(?:再)?(?:好|变好|好起来|变|改变|有变化)',
      '(?:我|自己)(?:真|就)?(?:是)?(?:个|一个)?(?:废物|垃圾|没用的人|多余的|累赘|负担|拖累|失败者|什么都不是)|是(?:个|一个)?(?:多余的人|累赘|废物|透明人|失败的人|没用的人|没人要的)',
      '(?:我|自己)(?:就)?(?:是|成了)' + C + '{1,6}?的(?:负担|累赘|拖累|包袱|麻烦|废物|耻辱|失败品)|浪费粮食|白活了',
      '(?:希望|未来|出路|盼头)' + '[^。！？!?\\n]{0,10}(?:看不到|看不见|没有了)|不知道(?:该)?(?:跟|和|找|告诉|对)谁(?:说|讲)|有没有我(?:都)?(?:一样|无所谓)|(?:像|是)(?:个|一个)?透明人|(?:反正|肯定)(?:也|都)?不会(?:好|变好|好起来)(?:的|了)?|烂泥扶不上墙|(?:我|自己)(?:已经)?没救了|每天都' + C + '{0,2}(?:压抑|痛苦|难受|想哭|绝望|不开心|喘不过气)',
      '(?:我|自己)(?:真|就|简直)?(?:是)?(?:个|一个)?(?:笑话|小丑|一无是处|一文不值|没人爱的)|(?:已经|彻底|早就|干脆)放弃(?:了|吧)(?!' + C + '{0,4}(?:减肥|游戏|比赛|这道|那道))|不想(?:再)?坚持(?:下去)?了',
      '(?:不会|没)(?:有)?(?:什么)?(?:出息|出路|前途)|(?:没有|没)(?:什么)?(?:意义|意思)的一天|(?:不|没)(?:再)?相信(?:了|会好|会变|明天|以后|未来)',
      '没(?:有)?人要(?:我|的孩子|的人)|(?:反正)?(?:也)?没(?:有)?人在乎',
      '(?:我|自己)(?:真|太|好|很|真的|就是|特别)没(?:有)?用|(?:我|自己)没(?:有)?用(?=[，。！？!?,~…\\s]|$|了|的人|啊|呀|吧)|没出息',
      '(?:我|自己)(?:什么都|啥都|一点都|做什么都)(?:做不好|不行|做不成)|(?:怎么|做什么)(?:做|努力)?都(?:是)?错',
      '(?:没有|没|不会有)(?:人|谁|一个人)(?:会)?(?:真的|真正|真心)?(?:会)?(?:在乎|关心|理解|喜欢|爱|需要|想要|记得|心疼|期待|看好|相信|等)我|(?:不会|没)有人(?:真的)?(?:在乎|关心)我|(?:没有|没)人(?:看得见|看见|在意|注意)',
      // 我在不在都一样, 读不读都一样: whether the writer is there (or tries) makes no difference
      '(?:我)?(?:在不在|有没有我|有我没我|活不活|读不读|学不学|考不考|努力不努力|好不好|死不死)' + C + '{0,8}?(?:都|也)?(?:一样|一个样|无所谓|没区别|没有区别|没人管|没人在乎)',
      '(?:像|是)(?:个|一个)?(?:多出来|多余)的(?:人)?|(?:撑着|熬着|坚持|努力|活着|读书)(?:是)?为了什么|(?:这样|这么)(?:撑着|熬着|活着)(?:有|还有)?什么(?:意思|用)',
      '(?:我|自己)' + C + '{0,4}?(?:一点|一点儿|一丁点|什么)(?:用)(?:都|也)没(?:有)?|(?:学习|读书|上学|努力|生活|人生|活着)(?:都|也)?没(?:有)?(?:任何|一点)?(?:意义|盼头|希望)|(?:学习|读书|上学|生活|人生)(?:都|也)?没(?:有)?(?:任何|一点)意思',
      '(?:每天|日子|生活|世界|一切)(?:都)?(?:一样)?[，,]?(?:是)?(?:灰灰的|灰蒙蒙的|灰色的|没有颜色|黑白的|一片灰)',
      '(?:我|自己)' + C + '{0,6}?(?:是|成了|活成(?:了)?|变成(?:了)?)(?:一个|个)?(?:多余|废物|累赘|负担|拖累|没用|笑话|透明人|失败者|垃圾)',
      '(?:我|自己)?(?:什么都|啥都|做什么都|干什么都|怎么都)(?:做不好|不行|做不成|干不好|学不会)',
      '(?:日子|以后|将来|人生|这辈子|未来)' + C + '{0,8}(?:看到头|看得到头|望到头|到头了)|没(?:有)?(?:什么|啥)?(?:盼头|盼的|指望|奔头|期待的)',
      '(?:努力|学习|读书|做什么|干什么)(?:也|都)?(?:是)?(?:白费|白搭|徒劳)|(?:我)?(?:这种人|这样的人)' + C + '{0,6}(?:没用|白费|不行|没希望|没出息|不配)',
      '(?:我|自己)(?:是|就是)?' + C + '{0,4}?最(?:没用|多余|失败|差劲|没出息)的|(?:连)?(?:明天|以后|将来|未来)(?:都|也)不(?:想|敢)(?:去)?(?:想|面对)|心里(?:空空|空荡荡|空落落)(?:的)?|(?:什么都|啥都)不想要了|(?:对什么都|什么都)(?:没|没有)(?:兴趣|感觉)了',
      '(?:撑|坚持|熬|扛)不(?:下去|住)了|不知道(?:为什么|为了什么)(?:还)?要(?:坚持|努力|活|起床|醒来|上学|读书|做)|活得(?:好|很|太|真)?(?:失败|累|痛苦|没意思|没劲)|被(?:全世界|所有人|大家|家里人|爸妈|全家)(?:都)?(?:抛弃|遗忘|讨厌|嫌弃)|(?:好|太|真的)?(?:崩溃|痛苦)(?:了|死了)?(?:，|,)?(?:不知道|没人|谁)',
      '(?:好|很|太|真)?绝望',
      '活着(?:好|太|真|很)?(?:累|痛苦|辛苦|没劲)|活着(?:就是)?(?:给' + C + '{1,4})?添麻烦',
      '(?:一切|人生|生活|什么|做什么|学什么|干什么)(?:都)?没(?:有)?(?:意义|意思|劲)',
      '每天(?:晚上)?都(?:在)?(?:哭|想哭)|什么都不想(?:做|干)了|什么都不想(?:做|干)' + C + '{0,2}[，, ]*(?:好|太|真|很)?(?:累|没意思|没劲|难受)|(?:对)?什么都提不起(?:兴趣|劲)|放弃(?:自己|一切|所有|人生)',
    ),
  },
];

const FAREWELL_SIGNS_EN = /\b(?:please (?:look after|take care of) my (?:little |younger |baby )?(?:sister|brother|grandma|grandpa|mum|mom|cat|dog)|tell (?:my )?(?:grandma|grandpa|mum|mom|dad|mother|father|family|sister|brother|parents) (?:that )?i love (?:her|him|them)|(?:don['’]?t|do not) want to be a (?:problem|burden|bother) (?:for|to) (?:anyone|anybody|everyone|you|them)(?: anymore| any more)?|(?:wrote|written|writing|left) (?:\w+ ){0,2}(?:notes?|letters?) (?:for|to) (?:everyone|everybody|my (?:family|mom|mum|dad|parents|grandma|friends))|please (?:don['’]?t|do not) (?:look for|find|search for) me|won['’]?t (?:need|be (?:here|around))|gave away my|(?:gave|giving|give|given) (?:away )?(?:all )?my (?:stuff|drawings|games|books|clothes|toys|things) (?:away|to)|give (?:all )?my (?:things|books|stuff|clothes|toys|\w+ books)|packed (?:up )?my things|don['’]?t be sad|do not be sad|not your fault|my last letter|take care of (?:my|grandma|grandpa|mum|mom) for me|after i['’]?m gone|when i['’]?m gone|won['’]?t write again)\b/g;
const FAREWELL_CUES_EN = /\b(?:(?:doesn|don|didn)['’]?t (?:know|understand) what i mean|for the last time|won['’]?t see (?:me|her|him|them|you) again|won['’]?t need|will not need|not need\b[^.!?\n]{0,30}\banymore|gave (?:it|them|away|my)|don['’]?t be sad|not your fault|last letter|planned|best part|take care of (?:my|grandma|grandpa|mum|mom)|forever|when i['’]?m gone|after i['’]?m gone|find (?:it|them) after)\b/;

export const LIFE_EN: Rule[] = [
  {
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'game', 'lesson'],
    pattern: anyOf(
      `\\b(?:want|wanna|wanted|wants|plan(?:ning)?|thinking of|thought of|thought about|think about|thinking about|decided)\\s+(?:to\\s+)?(?:die|kill(?:ing)? (?:myself|herself|himself)|end(?:ing)? (?:it|my life|everything|it all)|commit(?:ting)? suicide)\\b`,
      `\\b(?:going|gonna)\\s+(?:to\\s+)?(?:kill(?:ing)? (?:myself|herself|himself)|end(?:ing)? (?:it|my life|it all)|commit(?:ting)? suicide)\\b`,
      `\\b(?:was|were|am|being) not alive\\b|\\b(?:wasn${APOS}t|weren${APOS}t) alive\\b|\\bpoint (?:of|in) (?:living|life|being alive)\\b`,
      `\\b(?:think|thinking|thought|dream|dreaming|dreamed)\\s+(?:about|of)\\s+(?:dying|death|being dead|killing myself|suicide|jump(?:ing)?(?: off)?|not being (?:here|alive)|ending (?:it|my life)|not waking up)\\b`,
      `\\bkill(?:ing)? my ?self\\b|\\bsuicid(?:e|al)\\b|\\b(?:sucide|suicde|suiside|sucidal|suicid)\\b|\\bend (?:my|my own) life\\b|\\bend it all\\b`,
      `\\bif i (?:am|was|were|died|die) (?:dead|gone)\\b|\\bsay goodbye to (?:everyone|everybody|you all|my family|the world)\\b`,
      `\\b(?:don${APOS}t|do not|dont|didn${APOS}t|did not)\\s+(?:really\\s+)?(?:want|wanna)\\s+(?:to\\s+)?(?:live|be alive|exist|be here|stay here|stay alive|wake up|be in this world|keep living|go on)\\b`,
      `\\b(?:stop|quit) (?:existing|living|being alive)\\b|\\bnot (?:to )?exist(?:ing)? (?:anymore|any more)\\b|\\bunalive\\b|\\bend it\\b(?! (?:with|there|early|now,? (?:we|they)))|\\b(?:be|being|am) done with (?:life|living|this life)\\b`,
      `\\b(?:in case|when|after|once|if) i${APOS}?m? (?:am )?(?:gone|dead|not here anymore|not around)\\b(?!\\s+(?:to|for|from|on|at|in)\\b)`,
      `\\b(?:won${APOS}t|will not|wouldn${APOS}t|will never|may not|might not|not going to|not gonna) be (?:here|around|alive)\\b(?:\\s+(?:much|any|for) (?:longer|more|long)|\\s+at all|\\s+anymore|\\s+next (?:term|year|month))?(?![^.!?\\n]{0,60}\\b(?:visit\\w*|trip|travel\\w*|holidays?|vacation|moving|move to|new school|camp|competition|because)\\b)`,
      `\\b(?:want|wanna|going|gonna|ready) (?:to )?(?:go )?(?:be with|join|see|go to) (?:him|her|them)\\b(?=[^.!?\\n]{0,40}\\b(?:heaven|sky|stars|again|there|forever)\\b)`,
      `\\b(?:think|thinking|thought|know|knew|decided|planning|planned) (?:about )?how (?:to|i (?:would|will|could)) do it\\b`,
      `\\b(?:pills|tablets|medicine) (?:saved|hidden|collected|ready|in my (?:drawer|bag|room))\\b|\\b(?:have|got|has) (?:\\S+ ){0,2}(?:pills|tablets) (?:saved|hidden|ready)\\b`,
      `\\b(?:better|easier|happier) for (?:everyone|everybody|my family|them)\\b(?=[^\\n]{0,80}\\b(?:without me|gone|leave|not here|die|dead|disappear)\\b)|\\b(?:without me|if i (?:was|were|am) gone)\\b[^.!?\\n]{0,30}\\bbetter\\b`,
      `\\b(?:should|want to|wanna) (?:just )?(?:disappear|vanish)(?:\\s+(?:forever|for good|from (?:this|the) world|and never come back))\\b|\\bsleep forever\\b`,
      `\\bno reason to (?:live|go on|stay)\\b|\\b(?:better|happier|easier|fine|okay|ok)(?: off)? without me\\b|\\b(?:life|living) (?:is|isn${APOS}t|is not) (?:not )?worth (?:living|it)\\b`,
      `\\bwish (?:i|that i) (?:was|were|had never been) (?:dead|never born|born|not alive|gone)\\b|\\bwish (?:i|that i) (?:could )?(?:just )?(?:die|disappear)\\b`,
      `\\bi (?:should|want to|wanna|just want to) (?:die|disappear forever)\\b|\\bdisappear forever\\b`,
      `\\b(?:jump|jumped|jumping|jumps) (?:off|from|out of) (?:the |a |our |my |that )?(?:\\w+ )?(?:roof|rooftop|bridge|building|window|balcony|cliff|tower|top floor|ledge|dam|\\d+(?:st|nd|rd|th) floor)\\b|\\bif i jump(?:ed)?\\b(?=[^.!?\\n]{0,40}\\b(?:roof|bridge|building|window|balcony|cliff|hurt|die)\\b)`,
      `\\bbetter if i (?:leave|left|go|went|disappear\\w*|was gone|were gone|wasn${APOS}t here) (?:forever|for good|and never come back)\\b|\\b(?:leave|go away|disappear) forever\\b(?![^.!?\\n]{0,30}\\b(?:lol|haha)\\b)|\\b(?:easier|better) (?:to )?(?:just )?(?:not (?:exist|be here|be alive|wake up)|be dead|disappear)\\b|\\b(?:to|just|could|would) not exist\\b`,
      `\\bwhy (?:should|do|would) i (?:live|keep living|stay alive|go on|bother living)\\b|\\bwhy i (?:should|would) (?:keep living|live|stay alive|go on)\\b`,
      `\\b(?:be|stay) alive by\\b|\\bi (?:don${APOS}t think|doubt) i${APOS}?(?:ll| will| would) (?:be alive|live|be here|be around|make it)\\b|\\bdie in my sleep\\b|\\b(?:count|counted|counting)\\b[^.!?\\n]{0,10}\\b(?:pills|tablets)\\b|\\b(?:thinking|thought|think) (?:about|of) ending (?:things|it|everything)\\b|\\bgoodbye (?:everyone|everybody|world|forever|to everyone|to everybody)\\b(?![^.!?\\n]{0,40}\\b(?:see you|next|tomorrow|summer|holiday|term|class|weekend)\\b)|\\b(?:want|wanna|wish|going)\\b[^.!?\\n]{0,25}\\bin heaven\\b|\\bnoose\\b|\\bhang(?:ing)? myself\\b|\\b(?:if|when) i (?:just )?(?:disappeared|vanished)\\b|\\b(?:would|will|could) be (?:better|happier|easier)(?: off)? if i (?:just )?(?:disappeared|died|was gone|were gone|wasn${APOS}t here|weren${APOS}t here|left forever)\\b`,
      `\\bhow many (?:sleeping )?(?:pills|tablets)\\b|\\bwant (?:it all|everything|my life) to (?:end|stop|be over)\\b|\\btonight is the night\\b|\\bwhere i${APOS}?m going\\b(?=[^\\n]{0,40}\\b(?:won${APOS}?t need|don${APOS}?t need|gone)\\b)|\\bwon${APOS}?t need (?:them|it|my \\w+) where\\b`,
      `\\b(?:looked up|checked|searched|google\\w*|wondered|know) how (?:high|tall|deep)\\b[^.!?\\n]{0,30}\\b(?:bridge|roof|building|floor|river|cliff|water|tower)\\b|\\b(?:high|deep|tall) enough\\b(?=[^\\n]{0,40}\\b(?:i think|to die|for me|bridge|roof|river)\\b)|\\bif i (?:wasn${APOS}t|weren${APOS}t|was not|were not) (?:in the picture|around anymore|alive)\\b`,
      `\\bwant (?:it|this|all this|this life) to (?:end|stop|be over)\\b(?![^.!?\\n]{0,30}\\b(?:exam|test|week|term|homework|class|lesson|game|winter|summer|holiday)\\b)`,
      `\\b(?:take|took|taking|swallow\\w*) (?:all|a lot of|many|the whole bottle of|a bottle of)\\b[^.!?\\n]{0,20}\\b(?:pills|tablets|medicine)\\b`,
      `\\b(?:take|took|swallow(?:ed)?|taking) (?:all )?(?:the |my |some |a lot of |many |a bottle of )?(?:pills|sleeping pills|tablets)\\b`,
      `\\b(?:collect|collecting|collected|save|saving|saved|hide|hiding|hid|keep|keeping|stockpil\\w*)\\s+(?:\\S+\\s+){0,3}(?:pills|tablets|medicine)\\b`,
      `\\b(?:sleep|asleep|sleeping) (?:forever|and (?:never|not) wake up)\\b|\\b(?:want(?:ed)? to|rather|better off|wish i was|wish i were) (?:be )?dead\\b|\\b(?:nobody|no one|no-one) (?:will|would) (?:miss|notice) me\\b|\\b(?:never|not) wake up(?: again)?\\b`,
      `\\b(?:wrote|written|writing|left) (?:\\w+ ){0,2}(?:notes?|letters?) (?:for|to) (?:everyone|everybody|my family)\\b(?=[^\\n]{0,60}\\b(?:drawer|pillow|under my|find|goodbye|sorry|gone|after)\\b)|\\bgoodbye (?:letter|note)\\b|\\bsuicide note\\b|\\bmy last letter to you\\b(?![^.!?\\n]{0,30}\\b(?:before|until|this (?:term|year)|holidays?)\\b)`,
      `\\bcan${APOS}t (?:live|go on living)\\b|\\bnot (?:be )?(?:here|alive) anymore\\b`,
      `\\bif i (?:die|died|was gone|were gone|wasn${APOS}t here)\\b`,
      `\\b(?:planned|plan|decided|know|chose|picked)\\s+(?:how|when|where)\\s+(?:i(?:${APOS}ll| will| am going to| would)|to)\\s+do it\\b`,
      `\\bgo (?:to|and) (?:be with|see|join) (?:my )?(?:grandma|grandpa|grandmother|grandfather|mum|mom)(?: in heaven)?\\b`,
    ),
    unlessAfter: /^\s+(?:of (?:embarrassment|laughter|shame|boredom)|laughing|for (?:a|some|one|the))|^\s*(?:lol|lmao|haha|😂|🤣|jk\b|just kidding)/,
  },
  {
    // the last letter or check-in, with thanks or a goodbye, and no holiday or term to explain it
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'lesson', 'game'],
    pattern: anyOf(`\\b(?:this is|this will be|this${APOS}?s|that was|here is) my last (?:letter|check[- ]?in|message|note|post|reply)\\b`),
    near: /\b(?:thank\w*|goodbye|bye|sorry|forever|everything|miss|remember me|take care)\b/,
    unless: /\b(?:before|until|till|holidays?|vacation|summer|winter|term|semester|exams?|this year|for now|for a while|graduat\w*|move|moving)\b/,
  },
  {
    // on the roof, the bridge, the tracks — with a sign of why; "almost did it" near one of them
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'lesson', 'game', 'sport'],
    pattern: anyOf(
      `\\b(?:went|go|going|climbed|climb|stood|standing|sat|sitting|was|been)\\s+(?:up\\s+)?(?:to|on|at|onto)\\s+(?:the|our|my|a)\\s+(?:roof|rooftop|bridge|top floor|edge|cliff|railway|tracks|river ?bank)\\b`,
      `\\b(?:almost|nearly|tried to|try to|was going to|i was ready to) (?:do|did) it\\b|\\b(?:almost|nearly) (?:jumped|let go|fell on purpose)\\b`,
    ),
    near: /\b(?:roof|rooftop|bridge|river|edge|cliff|tracks|train|pills|tablets|rope|jump\w*|blade|knife|die|dead|my life)\b/,
    nearOther: /\b(?:almost|nearly|edge|jump\w*|looked down|look(?:ing)? down|for a long time|for hours|did it|do it|let go|pills|rope|goodbye|die|dead)\b/,
    unless: /\b(?:homework|project|test|exam|swim\w*|div\w*|trick|stars|photos?|picture|kite|view|fireworks|game)\b/,
  },
  {
    // letting go, stepping off, falling — near a high window, a roof, a bridge
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'lesson', 'game', 'sport'],
    pattern: anyOf(`\\b(?:letting go|let go|step(?:ping)? off|lean(?:ing)? (?:out|over)|fall(?:ing)? (?:off|down|from))\\b`),
    near: /\b(?:window|(?:\d+(?:st|nd|rd|th)|top|ninth|tenth|eighth|seventh|sixth|fifth|high) floor|roof|rooftop|balcony|bridge|edge|cliff|ledge)\b/,
    nearOther: /\b(?:think\w*|thought|wonder\w*|want\w*|wish\w*|imagine\w*|sometimes|every night|stand\w*|stood)\b/,
    unless: /\b(?:kite|balloon|phone|ball|toy|bird|cat|dog)\b/,
  },
  {
    // internet slang, often said in jest about homework: a laugh and a task together drop it
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'lesson', 'game'],
    pattern: anyOf(`\\bkms\\b|\\bkys\\b|\\bgonna (?:die|kms)\\b(?! (?:of|if|laughing))`),
    unless: /^(?=[^\n]*\b(?:homework|exam|test|quiz|essay|class|teacher|maths?|game|project))(?=[^\n]*(?:\blol\b|\blmao\b|\bhaha|\bjk\b|😂|🤣))/,
  },
  {
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(`\\bgoodbye\\b|\\bthank you for everything\\b`),
    near: FAREWELL_CUES_EN,
    unless: /\b(?:before the|until|till|holidays?|vacation|next (?:term|year|week|month|semester)|see you|graduat\w*)\b/,
  },
  {
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'game', 'lesson', 'sport'],
    pattern: anyOf(`\\bfeel(?:ing)? like dying\\b|\\bfeel like (?:i want to die|disappearing)\\b`),
  },
  {
    // a goodbye letter: two different cues (things packed, "don't be sad", "take care of grandma"…)
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'lesson'],
    pattern: FAREWELL_SIGNS_EN,
    nearOther: new RegExp(FAREWELL_SIGNS_EN.source),
  },
  {
    // walking into the water, or "doing it" (a euphemism) with a sign of what "it" is nearby
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'sport', 'game', 'lesson'],
    pattern: anyOf(
      `\\b(?:walk|walking|walked|jump|jumping|go|going)\\s+into\\s+(?:it|the (?:river|lake|sea|water|reservoir))\\b`,
      `\\b(?:plan|planning|going|decided|ready|want|wanna)\\s+(?:is\\s+)?to\\s+do\\s+it\\b`,
    ),
    near: /\b(?:river|lake|sea|reservoir|bridge|roof|blame\w*|sorry|goodbye|pills?|jump\w*|rope|die|dead|my life|anymore|nobody will|miss me)\b/,
    unless: /\b(?:swim\w*|homework|project|essay)\b/,
  },
  {
    // wanting to jump, near a roof, a bridge, a river
    category: 'suicidal',
    about: 'child',
    notIn: ['fiction', 'sport', 'game'],
    pattern: anyOf(`\\b(?:want|wanted|wanna|thought about|think about|thinking about|going to|feel like)\\s+(?:to\\s+)?jump(?:ing)?\\b`),
    near: /\b(?:roof|bridge|river|window|building|lake|sea|cliff|balcony|top floor|down)\b/,
  },
  {
    category: 'self_harm',
    about: 'child',
    notIn: ['accident', 'sport', 'game', 'lesson', 'fiction'],
    pattern: anyOf(
      `\\bself[- ]?harm(?:ing)?\\b`,
      `\\b(?:cut|cutted|cutting|cuts|scratch(?:ed|es|ing)?|burn(?:ed|t|s|ing)?|hurt(?:s|ing)?|harm(?:ed|s|ing)?|hit(?:s|ting)?|punch(?:ed|es|ing)?|slap(?:ped|s|ping)?|pinch(?:ed|es|ing)?|bit|bite|bites|biting|starv(?:e|ed|es|ing)|punish(?:ed|es|ing)?)\\s+my ?self\\b`,
      `\\b(?:cut|cutted|cutting|scratch(?:ed|ing)?|burn(?:ed|t|ing)?)\\s+(?:on\\s+)?my\\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach)\\b`,
      `\\b(?:punch|punched|punching|hit|hitting|kick|kicked)\\s+(?:the\\s+)?walls?\\b[^.!?\\n]{0,30}\\b(?:bleed|bled|blood|bleeding|hurt|broke|purple|bruised?|swollen|knuckles|until|till)\\b`,
      `\\b(?:pinch|pinched|pinching|scratch|scratched|scratching|hit|hitting|punch|punched|bang|banged|bite|biting|burn|burned|burnt)\\s+(?:and \\w+\\s+)?(?:myself|my (?:arms?|wrists?|legs?|thighs?|skin|face|head|hands?))\\b[^.!?\\n]{0,30}\\b(?:till|until|bleed|bled|bleeding|bruised?)\\b`,
      `\\b(?:until|till) (?:it|they|i|my \\w+) (?:bled|bleeds?|bleeding|bleed)\\b`,
      `\\b(?:cut|cutting)\\s+(?:again|last night|tonight|today|every (?:day|night)|deeper|more)\\b|\\b(?:been|keep|kept|started|stop|stopped|still) cutting\\b`,
      `\\b(?:knife|knives|blade|razor|scissors|compass|glass|lighter)\\b[^.!?\\n]{0,12}\\bon my (?:arms?|wrists?|legs?|thighs?|skin|hands?)\\b`,
      `\\b(?:need|needed|want|wanted|urge|urges|start(?:ed)?|keep|kept) (?:to )?(?:cut|cutting)\\b(?! (?:the|my hair|class|paper|vegetables|down|back|in))`,
      `\\b(?:blade|razor)s?\\b|\\bmyself with (?:a|the|my) (?:blade|knife|razor|lighter|compass|pen|sharpener)\\b`,
      `\\b(?:bang|banged|banging|hit|hitting) my head (?:against|on) the wall\\b|\\b(?:cut|cutting|burn\\w*|scratch\\w*|hit|hurt|bit|bite)\\b[^.!?\\n]{0,40}\\bon purpose\\b`,
      `\\b(?:burn\\w*|cut\\w*|scratch\\w*|pierc\\w*|poke\\w*|stab\\w*)\\s+my\\s+(?:\\w+\\s+)?(?:hands?|arms?|wrists?|legs?|thighs?|skin|fingers?|stomach)\\b[^.!?\\n]{0,10}\\bwith (?:a|the|my) (?:lighter|blade|razor|compass|cigarette|knife|pen|needle|pin|scissors)\\b`,
      `\\b(?:arms?|legs?|wrists?|thighs?|skin|stomach) (?:is|are) (?:full of|covered in|covered with) (?:cuts|scars|marks|burns|scratches)\\b|\\b(?:scars?|marks|cuts) on my (?:arms?|wrists?|legs?|thighs?)\\b|\\b(?:carv\\w*|cut\\w*|scratch\\w*|etch\\w*)\\b[^.!?\\n]{0,15}\\b(?:into|on) my (?:arms?|wrists?|legs?|skin|hands?|thighs?)\\b`,
      `\\b(?:arms?|legs?|wrists?|thighs?|skin|stomach) (?:has|have|is|are) (?:\\w+ ){0,2}(?:cuts|scars|marks|burns|scratches)\\b(?=[^\\n]{0,60}\\b(?:i do it|myself|on purpose|feel something|nobody knows|hide|long sleeves)\\b)|\\bi do it (?:so|to|because) (?:i can )?(?:feel something|feel better|calm down|stop crying|punish)\\w*`,
      `\\bwhat i do to (?:my ?self|my (?:arms?|legs?|wrists?|skin|body|thighs?))\\b|\\blong sleeves\\b[^.!?\\n]{0,40}\\b(?:hide|cover|scars|cuts|marks|what i do)\\b|\\b(?:hide|cover|hiding|covering) (?:the |my )?(?:scars|cuts|marks) on my\\b`,
      `\\bwhen i cut\\b(?! (?:the|my hair|paper|vegetables|class|school))|\\bdon${APOS}t deserve (?:to eat|food|dinner)\\b|\\bpull\\w* out my (?:hair|eyelashes|eyebrows)\\b|\\bpull\\w* my (?:hair|eyelashes|eyebrows) out\\b`,
    ),
  },
  {
    category: (m) => (saidByAdult(m) ? 'forced_dropout' : 'hopelessness'),
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(`\\b(?:studying|school|study|education) is (?:useless|pointless|no use|a waste)\\b|\\bno (?:use|point) (?:in )?(?:studying|going to school)\\b`),
  },
  {
    category: 'hopelessness',
    about: 'writer',
    notIn: ['fiction', 'lesson', 'game'],
    pattern: anyOf(
      `\\b(?:i${APOS}m|i am|i feel|feel|i${APOS}ve become)\\s+(?:like\\s+)?(?:so\\s+|really\\s+|completely\\s+|just\\s+|such\\s+)?(?:worthless|useless|hopeless|a failure|a burden|nothing|empty|unloved|unwanted|invisible)\\b(?! like)`,
      `\\bworthless\\b|\\bnothing (?:matters|helps)\\b|\\bfeel(?:ing)? (?:so )?empty\\b`,
      `\\b(?:everything|life|it all|school|studying|my life) (?:is|feels|seems) (?:so )?(?:pointless|meaningless|hopeless|useless)\\b`,
      `\\b(?:there${APOS}s|there is|i see|i have|have)\\s+no\\s+(?:hope|future|point)\\b|\\bno hope\\b|\\b(?:don${APOS}t|can${APOS}t|do not|cannot) see (?:any |a )?(?:future|hope|point|way out)\\b`,
      `\\bi (?:give|gave|${APOS}ve given) up\\b(?! (?:on (?:the|this|that|my homework|math|it)\\b|smoking|sugar|candy|soda|games|my seat))(?![^\\n]{0,20}(?:\\blol\\b|haha|😂))|\\bi${APOS}?(?:ll| will) never be (?:good )?enough\\b|\\bwhat${APOS}s the point\\b|\\bdon${APOS}t see (?:why|the point|any reason)\\b|\\b(?:don${APOS}t|do not) know who (?:to tell|to talk to|i can tell)\\b`,
      `\\bnothing (?:will )?(?:ever )?(?:gets?|getting) better\\b|\\b(?:will|it${APOS}ll) never get better\\b|\\bnever (?:gets?|going to get) better\\b`,
      `\\b(?:don${APOS}t|do not|never) (?:believe|think) (?:things|anything|life|it) (?:can|will|could) (?:ever )?(?:change|get better|be better)\\b`,
      `\\bcan${APOS}t (?:go on|take (?:it|this) anymore|keep going|do this anymore|bear it)\\b`,
      `\\b(?:no ?one|nobody) (?:really )?(?:cares?|loves?|likes?|wants?|needs?|understands?)(?: about)? me\\b|\\b(?:no ?one|nobody) cares\\b`,
      `\\b(?:give|given|giving|gave) up on (?:everything|myself|life|my future)\\b`,
      `\\btired of (?:everything|life|living|trying)\\b|\\b(?:so )?done with (?:everything|it all|trying|all of (?:this|it))\\b|\\bno point (?:in )?(?:trying|anything|going on|living|studying)\\b`,
      `\\b(?:a )?disappointment to (?:everyone|everybody|my (?:family|parents))\\b|\\b(?:it|things|nothing|this)(?: will|${APOS}ll)? (?:never|won${APOS}t|will not) change\\b|\\b(?:always|forever) be like this\\b`,
      `\\b(?:i${APOS}?m|i am|feel(?:s)? like i${APOS}?m) (?:drowning|broken|a mistake|alone in this)\\b|\\b(?:i${APOS}?m|i am|feel(?:s)? like i${APOS}?m) nothing\\b(?! like)|\\b(?:everything|all) i do is (?:wrong|a mistake|bad|stupid|useless)\\b|\\bi (?:ruin|mess up|destroy) everything\\b|\\bwhat${APOS}s the use\\b|\\b(?:feel|feeling|i${APOS}m|i am) (?:so |just )?numb\\b|\\bnothing feels real\\b|\\bno way out\\b|\\b(?:someone|people|kids) like me (?:never|can${APOS}t|don${APOS}t|won${APOS}t)\\b|\\bcan${APOS}t (?:feel|be) happy\\b|\\bdon${APOS}t care about anything\\b|\\b(?:a )?waste of (?:space|air|oxygen)\\b|\\b(?:i${APOS}?m|i am) (?:never|not) (?:good )?enough\\b|\\bnothing makes me (?:happy|smile|feel)\\b|\\b(?:don${APOS}t|can${APOS}t) enjoy anything\\b|\\bdon${APOS}t feel anything\\b|\\b(?:everything|life|the world) (?:is|feels|looks) (?:so )?(?:grey|gray|dark|black)\\b|\\bnothing (?:ahead|to look forward to)\\b|\\bcan${APOS}t (?:do (?:this|it) )?anymore\\b`,
      `\\bcry(?:ing)? (?:myself to sleep|every (?:day|night))\\b`,
      `\\b(?:nobody|no one|no-one) (?:even )?(?:looks at|talks to|notices|sees|listens to|asks about|asks how) me\\b|\\b(?:feel|feels|i${APOS}?m|i am) (?:like )?(?:a ghost|invisible)\\b|\\bwhat${APOS}?s the point of (?:trying|anything|studying|school|living|it all)\\b`,
      `\\bwhy (?:even )?(?:try|bother)\\b(?! to\\b)(?![^\\n]{0,50}\\b(?:lol|haha)\\b)|\\b(?:nobody|no one|no-one) (?:in|at) (?:my|our) (?:family|home|house) (?:cares|loves|likes|wants|notices)\\b|\\bnothing (?:feels|is|seems) worth (?:it|anything|doing)\\b|\\b(?:always|forever) (?:going to |gonna )be like this\\b|\\b(?:tired|sick) of being (?:alive|me|myself)\\b|\\b(?:tired|sick) of being here\\b(?! (?:at|in|for|with|waiting|all day))|\\bdon${APOS}t (?:really )?care about (?:anything|much|school|myself|my future)(?: anymore| any more)?\\b|\\bnothing (?:ever )?changes\\b(?! (?:much|here|at school))|\\bstopped believing\\b|\\b(?:will|${APOS}ll) always be the same\\b|\\b(?:doesn${APOS}t|does not|don${APOS}t|do not) matter (?:how (?:hard|much)|what) i (?:try|do)\\b|\\bstopped caring\\b|\\b(?:nobody|no one|no-one) would (?:even )?(?:care|notice|miss)\\b|\\beverything is my fault\\b|\\bno (?:one|body) (?:remembered|remembers|noticed|notices) (?:me|my)\\b`,
      `\\bhate (?:everything about )?(?:my ?self|me|my life)\\b|\\bwill never (?:become|be) anything\\b`,
      `\\b(?:don${APOS}t|do not|can${APOS}t) (?:feel like doing|want to do|be bothered to do) anything\\b(?=[^\\n]{0,80}\\b(?:anymore|heavy|empty|tired|bed|no energy|used to|every day|numb)\\b)|\\b(?:i )?(?:just )?lie in bed (?:all day|and)\\b`,
    ),
  },
];
