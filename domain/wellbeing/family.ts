/**
 * Dangers that come through the family's circumstances: forced marriage (urgent), being made to leave
 * school, and neglect (concern). Marriage and work are everywhere in ordinary letters (an adult sister's
 * wedding, a cousin's first job, weekend farm work), so these rules need the writer — or another child
 * the writer speaks of — to be the one married off or taken out of school.
 */
import { type WellbeingCategory } from './types';
import { anyOf, APOS, CLAUSE, type Match, type Rule } from './rule';

const C = CLAUSE;

/**
 * Marriage words are the writer's own unless an older sister, a cousin or a grown-up is the one named —
 * and a grown-up named next to the writer (我爸收了彩礼，说等我满十六) is the one arranging it.
 */
function writersMarriage(m: Match): WellbeingCategory | null {
  const who = m.who();
  if (who === 'family' || who === 'fiction' || who === 'reader' || who === 'thing') return null;
  return who === 'adult' && !m.namesWriterInSentence() ? null : 'forced_marriage';
}

/** 让她去嫁人: counts when 她 is another child (a classmate of 14), not a grown-up sister. */
function childMarried(m: Match): WellbeingCategory | null {
  if (!m.groups.her) return 'forced_marriage';
  const her = m.who({ at: m.start + m.groups.lead!.length + 1 });
  return her === 'child' || her === 'sibling' || /1[0-7]岁|十[一二三四五六七]岁/.test(m.around(60)) ? 'forced_marriage' : null;
}

const MARRY_ZH = '(?:嫁|结婚|订婚|定亲|订亲|相亲|成亲|见男方|见对象|说亲|看人家|见人家|看婆家|找人家|找婆家|说人家|许人家|过日子)';
/** Who makes the writer do something: 让 / 叫 / 逼… and the dialect 喊 (喊我去看人家), 安排. */
const MAKE_ZH = '(?:让|要|逼|叫|催|劝|非要|硬要|送|安排|喊)';
/** Words of a match being made, for cues near other words. */
const MATCH_CUES_ZH = /嫁|彩礼|订婚|定亲|订亲|相亲|男方|婆家|看人家|找人家|说亲|提亲|媒人|媒婆|娶|亲事|婚事|娃娃亲|过日子|过门|(?:定|订)了(?:就|以后|之后)|(?:定|订)下来/;
/** An older sister's, a cousin's or an aunt's wedding is not the writer's. */
const OLDER_RELATIVES_WEDDING_ZH = /(?:姐姐|表姐|堂姐|大姐|二姐|我姐|姑姑|小姑|小姨|阿姨|哥哥|表哥|堂哥|叔叔|舅舅)[^。！？!?\n]{0,12}(?:嫁|结婚|订婚|婚礼|喜酒|相亲)/;
const OLDER_RELATIVE_ZH = /姐姐|表姐|堂姐|大姐|二姐|我姐|姑姑|小姑|小姨|阿姨|哥哥|表哥|堂哥|叔叔|舅舅/;
const AWAY_FROM_SCHOOL = /放假|假期|周末|寒假|暑假|毕业|生病|住院|疫情|台风/;
/** How it used to be (以前这里十六岁就嫁人，现在不一样了): a custom told, not the writer's marriage. */
const PAST_CUSTOM_ZH = /现在不一样了|现在不会了|现在不这样|以前(?:的人|的时候|那时候|这里)|过去(?:的人|那时候)|古时候|古代|那个年代|从前|老一辈/;
/** Words that make a holiday job a dropout after all (暑假过完就不让我上学了). */
const LEAVING_SCHOOL_ZH = /不让我(?:上学|读|念)|不(?:读|念)了|退学|辍学|休学|开学(?:就)?不|不(?:去|回)学校|以后都|不用上学/;

export const FAMILY_ZH: Rule[] = [
  {
    category: childMarried,
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(
      '(?:给|帮|替)我(?:说|定|订|找|介绍|看|看好|挑|选|相中|物色|安排)(?:好)?(?:了)?(?:一门|门|个|一个|一户)?(?:亲|亲事|婚事|婚|婆家|对象|人家|老公|男人|媳妇)',
      '(?:给|帮|替)我(?:说|定|订|找|看|看好|挑|选|相中|物色)(?:好)?(?:了)?(?:一门|门|个|一个|一户)' + C + '{1,6}?(?:的人|的男的|人家|家的儿子|的儿子|的男人)',
      '(?:轮到|该轮到)我(?:嫁|了)|(?:我|我也)(?:可以|该|能|到了)' + C + '{0,3}(?:嫁人|嫁出去|找婆家|说亲|订婚)(?:的年纪)?|等我' + C + '{0,8}(?:就)?(?:嫁|过门|去他们家|去他家|去男方家)|等我(?:满)?(?:1[0-7]|十[一二三四五六七])(?:岁)?' + C + '{0,4}(?:就)?(?:办酒|办婚礼|结婚|订婚|摆酒)',
      '(?:收|拿)(?:了)?' + C + '{0,8}(?:彩礼|定金|聘礼|订金)|(?:办|摆)(?:婚礼|喜酒)|过门',
      '(?<lead>' + MAKE_ZH + ')(?:我|(?<her>她))' + C + '{0,8}?(?:去|回老家)?' + MARRY_ZH,
      '把我(?:嫁|许配|许|卖|说|定)(?:给|出去|了)',
      '(?:女孩|女孩子|女生|女娃|丫头|姑娘)(?:子|娃)?(?:家)?' + C + '{0,8}(?:该|要|得|就该|就要|早点|早晚要|迟早要|迟早|早晚)(?:嫁|找人家|找婆家|说人家|许人家)|早(?:点)?嫁早|早嫁(?:人)?(?:早)?享福',
      '我的(?:彩礼|婚事|亲事|未婚夫|婆家)',
      '(?:十四|十五|十六|十七|十六七|十五六|1[4-7])(?:岁)?(?:就)?(?:要|得|让我)?(?:嫁|结婚|订婚)',
      '嫁(?:人|出去|过去)?(?:换|拿)(?:彩礼|钱)|不(?:想|愿意|肯|要)嫁给(?:他|那个|这个|那家|那人)|(?:要是|如果|敢|再)(?:我)?' + C + '{0,2}不(?:嫁|答应(?:这门亲|婚事)|同意(?:这门亲|婚事)|去相亲)',
      '(?:答应|许)(?:了)?' + C + '{0,8}(?:人家|那家|那户|男方|他们家)|(?:收|拿)(?:了)?' + C + '{0,8}(?:礼金|彩礼钱|聘金)',
    ),
    unless: PAST_CUSTOM_ZH,
    negatable: false,
  },
  {
    // the writer's young age next to a match being made: 我才16 / 我才十四
    category: 'forced_marriage',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf('我(?:才|只有|还不到|还没满|今年才|也才)(?:1[0-7]|十[一二三四五六七]|[一二三四五六七八九])(?:岁)?'),
    near: /嫁|婚|彩礼|男方|对方|媒人|媒婆|说亲|婆家|过门|媳妇|订下来|定下来|人家|过日子/,
    unless: /姐姐|表姐|堂姐|姑姑|小姑|小姨|哥哥|表哥|堂哥|叔叔|舅舅/,
    negatable: false,
  },
  {
    // being made to meet someone, with a match being made nearby (逼我跟那个人见面，说定了就…)
    category: 'forced_marriage',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(MAKE_ZH + '我(?:跟|和|去)?' + C + '{0,6}(?:见面|见一面|见个面|吃饭|见见)'),
    near: MATCH_CUES_ZH,
    unless: OLDER_RELATIVE_ZH,
    negatable: false,
  },
  {
    // money taken from another family, the writer to "go over" later, someone come to look the writer over,
    // a man much older — each next to a match being made or the writer's young age
    category: 'forced_marriage',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(
      '(?:收|拿)(?:了)?' + C + '{0,10}(?:人家|那家|他家|男方|对方|他们家)(?:的)?' + C + '{0,4}(?:钱|块|万|礼)',
      '等我' + C + '{0,10}(?:就)?(?:过去|嫁过去|去他家|过门|去他们家|跟他)|上门(?:来)?(?:看|相|提亲|说亲)(?:过)?我|(?:跟|和)(?:他们)?(?:儿子|那家|他家)' + C + '{0,4}(?:订|定)下来|(?:非要|要|让|逼|硬要)我(?:跟|和)' + C + '{0,6}(?:过日子|成家|一起过)',
      '比我大' + C + '{0,4}岁',
    ),
    near: /收了|彩礼|块|万|人家|男方|那家|媒|嫁|娶|婚|过日子|儿子|(?:我|今年)(?:才|只有)?(?:1[0-7]|十[一二三四五六七])岁/,
    nearOther: /收了|彩礼|[一二三四五六七八九十两几\d]+万|人家|男方|那家|媒|嫁|娶|婚|过日子|过门|上门|儿子|订下来|定下来|非要|(?:1[0-7]|十[一二三四五六七])岁/,
    unless: OLDER_RELATIVE_ZH,
    negatable: false,
  },
  {
    // not wanting it, afraid of it, with a match being made nearby: 那个男的三十岁了，我不想去 —
    // unless the wedding nearby is an older sister's or an aunt's
    category: (m) => (OLDER_RELATIVES_WEDDING_ZH.test(m.aroundWithout(120)) ? null : 'forced_marriage'),
    notIn: ['fiction', 'lesson'],
    pattern: anyOf('(?:我)(?:真的)?(?:不想去|不想嫁|不愿意|不要嫁|不肯|不同意|好怕|害怕|不敢|不想|哭了)'),
    near: MATCH_CUES_ZH,
    unless: OLDER_RELATIVE_ZH,
    negatable: false,
  },
  {
    // refusing a match the family is pressing
    category: 'forced_marriage',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf('(?:不肯|不想|不愿意?|不同意)' + C + '{0,4}(?:嫁|订婚|定亲|相亲)'),
    near: /逼|让我|要我|他们|家里|爸|妈|奶奶|爷爷|哥|彩礼|男方|对方|亲事|打断|非要|收了/,
    negatable: false,
  },
  {
    // the arranging (bride price, a matchmaker): a grown-up named is the one arranging it
    category: writersMarriage,
    notIn: ['fiction', 'lesson'],
    pattern: anyOf('说亲|提亲|说媒|媒人|媒婆|彩礼|聘礼|男方|(?:收|拿)(?:了)?(?:人家|男方|对方)的(?:钱|彩礼|礼)'),
  },
  {
    // the event itself (an engagement, a blind date): a grown-up named in the clause is the one marrying
    category: (m) => (['adult', 'family'].includes(m.who({ inClause: true })) ? null : writersMarriage(m)),
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(
      '订婚|(?:定|订)(?:了)?(?:亲|婚)|相亲|娃娃亲|换亲|童养媳|(?:把)?婚(?:给)?订了|被' + C + '{0,3}嫁(?:出去|人|给|过去|了)',
      '(?:要|得|必须|只能|被迫|早点|早晚要)(?:去)?嫁(?:人|给|出去|过去)',
    ),
  },
  {
    category: (m) => (m.sentenceHas(/周末|星期六|星期天|周六|周日|放学后|送饭|放假|寒假|暑假/) && !m.sentenceHas(LEAVING_SCHOOL_ZH) ? null : 'forced_dropout'),
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(
      '不(?:让|许|准|给)我' + C + '{0,4}(?:上学|读书|念书|(?:读|念|上|考)(?:高中|初中|大学|中专|职高|技校)|读了|念了|上了|去学校|回学校|继续读|继续上学)',
      '供不起|供不了|没钱供|(?:学费|书)(?:也)?(?:交不起|读不起|念不起)',
      '(?:让|叫|逼|要|催)我' + C + '{0,8}?(?:打工|挣钱|赚钱|上班|进厂|退学|辍学|不读了|别读了|不上了|不要读了|不用读了|去工地|去工厂|去厂里|去砖厂)',
      '(?:女孩|女孩子|女生|女娃|丫头)(?:子)?(?:读书|上学|念书|读那么多书)(?:有什么|没|没什么)用',
      '(?:女孩|女孩子|女生|女娃|丫头)(?:子)?(?:不用|不需要|没必要|不要|用不着)(?:读|上|念)',
      '(?:读书|上学|念书)(?:是)?(?:浪费(?:钱|时间)|不如(?:挣钱|打工|赚钱|干活))',
      '(?:读|念|上)到' + C + '{0,6}(?:已经|就)?(?:够了|行了|可以了|差不多了)',
      '(?:交不起|付不起|没钱交|凑不齐|交不上)(?:学费|生活费)|没钱(?:上学|读书|念书)|没钱(?:让|供|给)我(?:上学|读书|念书|读|念)',
      '(?:让|叫|逼|要)我' + C + '{0,4}(?:不要|别|不用|不)(?:再)?(?:去|上|读|念|回)' + C + '{0,2}(?:学校|学|书)|不(?:让|许|准)我(?:去|来|回)(?:了|学校)?(?=' + C + '{0,6}(?:学|校|课|读书))',
      '不(?:给|帮|替)我(?:交|出|付)' + C + '{0,2}(?:学费|生活费)|(?:让|叫|送)我(?:去)?学(?:理发|美发|美甲|厨师|修车|手艺|裁缝|电焊|开车)|去学(?:理发|美发|美甲|厨师|修车|裁缝|电焊)',
      '(?:读|念|上)到' + C + '{0,6}(?:就够了|就行了|就可以了|就好了|就得了)|只(?:能|供得起)供' + C + '{0,2}(?:一个|得起一个)',
      '(?:就)?别(?:再)?(?:读|念|上学)了|(?:早点|赶紧|快点|趁早)(?:出去|去)?(?:打工|挣钱|赚钱)|(?:女孩|女孩子|女生|女娃|丫头)(?:子)?' + C + '{0,4}(?:读书|上学|念书)(?:没出息|没用)',
    ),
  },
  {
    category: 'forced_dropout',
    about: 'writer',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf('退学|辍学|休学'),
  },
  {
    // made to go and work, however the work is named (搞建筑, 镇上的工厂做工, 摆摊); hours a day
    category: 'forced_dropout',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(
      MAKE_ZH + '我' + C + '{0,12}?(?:打工|挣钱|赚钱|上班|进厂|做工|干活|搞建筑|工地|工厂|厂里|砖厂|餐馆|饭店|饭馆|摆摊|帮工|当学徒|学手艺|学徒|出去做事|去做事)',
      MAKE_ZH + '我(?:回家|在家|留在家(?:里)?|待在家(?:里)?|回老家|留在老家)' + C + '{0,6}(?:干活|种地|放羊|放牛|带弟弟|带妹妹|帮忙|照顾|做饭|喂猪|看店|带孩子)',
      '把我送(?:到|去|进)' + C + '{0,8}(?:厂|工地|店|饭店|餐馆|饭馆|砖厂|工厂|作坊|人家家里|城里打工)|(?:帮人|帮人家|给人家|给人|帮别人)' + C + '{0,4}(?:采茶|摘茶|干活|放羊|打工|搬砖|看孩子|洗碗)',
    ),
    unless: /放假|假期|周末|寒假|暑假|生病|住院|疫情|台风|星期六|星期天|周六|周日/,
  },
  {
    category: 'forced_dropout',
    about: 'writer',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf('(?:每天|一天|天天)(?:要|得)?(?:做|干|站|上班|工作|干活|做工)' + C + '{0,3}(?:[十\\d一二三四五六七八九两]+)(?:个)?(?:多)?(?:小时|钟头)'),
    unless: /作业|学习|写|练|复习|看书|读书|睡/,
  },
  {
    category: 'forced_dropout',
    about: 'writer',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(
      '(?:要|得|只能|必须|被迫|就要)(?:出去|去)' + C + '{0,4}(?:打工|挣钱|赚钱)',
      '进' + C + '{0,3}厂|(?:进|去)(?:工厂|厂里)|不能(?:再)?(?:上学|读书|念书|去学校|回学校|来学校|上课)了',
      '(?:下学期|明年|以后|马上|下个月)(?:就|可能|也)?(?:不能|不会|没法|没办法|不可以|不)(?:再)?(?:来|去)?(?:上学|读书|念书|来学校|读|来|上)了',
      '(?:在|去)' + C + '{0,8}(?:厂|工厂|饭店|餐馆|饭馆|工地|砖厂|养殖场|小卖部|店)(?:里)?' + C + '{0,2}(?:打工|干活|上班|帮忙|做工|帮工|洗碗|端盘子|夜班|白班|流水线)',
      '(?:已经|现在)?(?:不|没)(?:在学校|上学|读书|念书|读)了|(?:学校|学)(?:也)?不(?:去|上)了|(?:一直|好久|很久|已经)没(?:有)?(?:回|去)(?:学校|上学)',
      '(?:[一二三四五六七八九十两几\\d]+|好几|半)(?:个)?(?:多)?(?:天|周|星期|礼拜|月)(?:都)?没(?:有)?(?:去|回|上)(?:上)?(?:学校|学|课)',
      '(?:要|得|就要|准备|下个月|明天|马上)(?:去)?' + C + '{0,8}(?:的)?(?:服装厂|电子厂|鞋厂|工厂|厂里|工地|饭店|餐馆|餐厅|饭馆)(?:上班|打工|干活|做工)?',
      '一天(?:给|能挣|挣|赚|发|才)?' + C + '{0,2}[一二三四五六七八九十两几百\\d]+(?:块|元)|(?:帮人家|给人家|帮别人)' + C + '{0,4}(?:采茶|摘茶|干活|放羊|打工|搬砖)',
      '(?:我)?(?:就)?(?:不要|不用|不能|不再)(?:再)?(?:读|上学|念|读书|念书)了|(?:以后)?不用(?:再)?(?:上学|读书|念书)了',
      '(?:读|念|上)不(?:下去|起)(?:了|书|学)?',
    ),
    unless: AWAY_FROM_SCHOOL,
  },
  {
    // kept away from class for work: 今天没去上课，又被叫去地里掰玉米
    category: 'forced_dropout',
    about: 'writer',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf('(?:没去|没能去|没法去|不能去|没有去)(?:上课|上学|学校)|(?:被|又被)(?:叫|喊|拉|带)(?:去|到)' + C + '{0,4}(?:地里|田里|山上|厂里|店里|工地|干活|放羊|放牛|采茶|掰玉米|割麦)'),
    nearOther: /干活|地里|田里|放羊|放牛|打工|厂|店里|帮家里|叫去|喊去|说我病了|采茶|掰玉米|割|收玉米|挣钱/,
    unless: AWAY_FROM_SCHOOL,
  },
  {
    // not wanting the factory, wanting school
    category: 'forced_dropout',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf('不(?:想|愿意|要)(?:去)?(?:进厂|工厂|厂里|打工|上班|工地)'),
    near: /读书|上学|学校|念书|高中|课/,
    unless: AWAY_FROM_SCHOOL,
  },
  {
    // 以后不去了 said of the writer's school, by the writer or by a parent
    category: 'forced_dropout',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf('(?:以后|开学|下学期|明年|下个月|从此)' + C + '{0,4}(?:就)?不(?:去|来|上|读|念)了'),
    near: /学|校|课|老师|读书/,
    unless: AWAY_FROM_SCHOOL,
  },
  {
    // the writer named as kept at home for work or care: 在家放羊种地, 照顾弟弟; 不念了
    category: 'forced_dropout',
    about: 'writer',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(
      '(?:得|要|只能|必须)(?:在家|留在家|回家)' + C + '{0,4}(?:放羊|放牛|种地|干活|照顾|带弟弟|带妹妹|做饭|帮忙)',
      '(?:让|叫|逼|要)我(?:回家|在家|留在家)' + C + '{0,4}(?:干活|种地|放羊|放牛|带弟弟|带妹妹|帮忙|照顾)',
      '不(?:读|念)(?:书)?了',
    ),
    near: /学|校|读书|念|课|老师/,
    unless: AWAY_FROM_SCHOOL,
  },
  {
    category: 'neglect',
    notIn: ['fiction', 'lesson', 'game'],
    pattern: anyOf(
      '(?:没(?:有)?|没得)(?:饭|东西|吃的|粮食|米)(?:吃|了)|家里(?:没有?|什么都没有)(?:米|吃的|粮|钱买)',
      '吃不(?:饱|上|起饭)|(?:鞋|鞋子)' + C + '{0,4}(?:破了|露出来|烂了|漏)|(?:冬天|下雪|这么冷|天冷|降温|冷了)[^。！？!?\\n]{0,12}(?:单鞋|单衣|凉鞋|拖鞋|薄衣服|薄外套)|联系不上(?:他们|爸爸|妈妈|爸妈|了)?|(?:跟|和)(?:弟弟|妹妹)(?:两个人|俩|两个)(?:住|过|生活|在家)|靠' + C + '{0,4}(?:邻居|别人|亲戚)' + C + '{0,6}(?:给的|接济|过日子|救济)|饿着肚子|饿(?:了)?(?:一天|两天|三天|好几天|几天|一整天|一晚上|一天一夜|好久|一上午)',
      '(?:一天|每天)(?:只)?(?:吃|能吃)(?:一顿|一餐)|(?:只有|只能吃)(?:馒头|咸菜|方便面|泡面|白饭|土豆|红薯)',
      '(?:两|三|四|几|好几|一整)天' + C + '{0,4}没(?:有)?吃|(?:一天|中午|晚上|早饭|午饭|晚饭|三顿|两顿)' + C + '{0,4}都没(?:有)?吃',
      '(?:每天|天天|顿顿)(?:都|只)?(?:吃|是)(?:泡面|方便面|馒头|咸菜|白饭|剩饭)',
      '(?:冷|凉)(?:的)?(?:馒头|剩饭|剩菜|红薯)|没钱(?:看牙|看医生|去医院|打针|配眼镜|补牙)|(?:放学|回家|在家|晚上)' + C + '{0,6}(?:都是|只有|就)我一个人',
      '(?:爸妈|爸爸妈妈|父母|爸爸|妈妈|他们)' + C + '{0,6}(?:没(?:有)?(?:消息|音信|音讯)|联系不上|失联)|只有一床(?:薄)?被子|(?:住|睡)在' + C + '{0,6}(?:柴房|牛棚|猪圈|仓库|棚子|别人家|邻居家|车库|走廊)',
      '(?:经常|常常|总是|老是|天天|又|只能|每天|就)(?:要)?饿(?:着)?肚子|吃饭(?:都|也|从来)?不(?:喊|叫|等|给)我|(?:钱|生活费)(?:也|都)?(?:不|没)(?:寄|给)(?:了|过)?|不(?:给|往)(?:我|我们|家里|家)?(?:寄|打)(?:钱|生活费)',
      '饭卡没钱|没钱(?:吃饭|买吃的|买菜|买米|交电费)|(?:生活费|家里的钱|钱)(?:也|都)?(?:快)?(?:用完|花完)了(?=' + C + '{0,8}(?:没人|没回|不回|饿|吃|怎么办))|剩饭|冰箱' + C + '{0,4}空',
      '没(?:有)?人(?:管|照顾|照看|做饭|接我|带我)(?:我)?|没(?:有)?人(?:给|帮)(?:我|我们)(?:买|做|洗|交|看病)|家里没有大人|没有大人(?:在家|管)',
      '不(?:怎么)?管(?:我|我们)(?![怎多再是做有说])|(?:一个)?电话(?:都|也)没(?:有)?(?:打|来)过?',
      '还(?:穿着|穿)(?:夏天的?|单)(?:衣服|鞋|外套)?|冻得' + C + '{0,3}(?:受不了|睡不着)',
      '(?:没有|没)(?:厚|棉|暖和的|冬天的|过冬的)?(?:衣服|棉衣|棉袄|外套|鞋|被子)(?:穿|盖)|没有厚衣服|没(?:有)?(?:棉衣|棉袄|厚衣服|冬衣|棉被|厚被子|羽绒服)(?!穿也)',
      '冻得(?:睡不着|发抖|手(?:都)?(?:裂|烂)|直哭)|冻疮|冻醒|被子(?:也|太|很)?薄|冷得睡不着|(?:脚|手|身上)冻得' + C + '{0,3}(?:疼|痛|裂|发紫|受不了)',
      '电被停|停电' + C + '{0,6}(?:没交|电费|一个月|好几天|几个月|很久|好久|蜡烛)|没交电费',
      '饿(?:了|的时候)?' + C + '{0,4}(?:就)?(?:喝水|喝凉水|喝自来水|忍着|睡觉|捡)',
      '(?:两三天|好几天|几天|一个星期|一周)(?:都)?不回家|(?:好几|几|两|三|四|五|[\\d]+)天(?:都)?没(?:有)?回(?:来|家)(?:了)?',
      '只(?:吃了|有|能吃|剩)' + C + '{0,4}(?:方便面|泡面|馒头|咸菜|白饭|白米饭|米饭|稀饭|粥|土豆|红薯)|家里没有(?:别的|吃的|东西)(?:了|吃)?|(?:经常|常常|总是|又)没(?:有)?(?:菜|饭|米|吃的)',
      '没(?:有)?钱买' + C + '{0,2}(?:鞋|衣服|棉衣|棉袄|外套|被子|吃的|米|菜|药|本子|文具)|(?:好几|几|两|三)天' + C + '{0,2}没(?:有)?(?:大人|人)(?:在家|管|回来)?',
    ),
  },
  {
    // the rice gone, grown-ups away for days, told to bear a pain — with hunger, being alone or no money nearby
    category: 'neglect',
    notIn: ['fiction', 'lesson', 'game'],
    pattern: anyOf(
      '(?:米|面|粮食|吃的|油|米缸|粮)(?:也|都|早就)?(?:吃完|吃光|用完|没有|见底|空)了',
      C + '天了' + C + '{0,8}(?:还)?没(?:有)?回(?:来|家)',
      '(?:让|叫|要)我(?:自己)?(?:忍着|扛着|熬着)',
      '(?:一年|半年|几个月|好几个月|大半年|[一二三两几]个月|一个多月)(?:多)?(?:都)?没(?:有)?回(?:来|家)(?:了|过)?',
      '一个人在家' + C + '{0,2}(?:好|很|特别)?(?:怕|害怕)',
      '(?:也|都|从来|一直)?(?:没|不)(?:有)?(?:寄|给|打)(?:过)?(?:钱|生活费)',
    ),
    nearOther: /没钱|没人|饿|好几天|几天|还没回|不回来|没回来|没吃|只能|一个人|没有大人|疼|病|吃完了|没消息|没寄|不寄|花完|怕/,
    unless: /又买|买了|买回来|给我们做饭|照顾我们|做饭给|哈哈|出差/,
  },
  {
    // nobody grown-up at home, with illness, hunger or not knowing what to do nearby
    category: 'neglect',
    about: 'child',
    notIn: ['fiction', 'lesson', 'game'],
    pattern: anyOf('(?:大人|爸妈|爸爸妈妈|家里人|家长|他们)(?:都|又|全)?不在(?:家)?'),
    near: /发烧|生病|病了|饿|不知道怎么办|害怕|好怕|几天|一个人|没人|没饭|没吃|哭/,
  },
  {
    // a younger brother's fever with nobody there is the writer's to deal with
    category: 'neglect',
    about: 'child',
    notIn: ['fiction', 'lesson', 'game'],
    pattern: anyOf('(?:生病|发(?:高)?烧|病了)(?:了)?[^。！？!?\\n]{0,12}(?:没(?:有)?(?:人|大人)(?:管|在|带|照顾)|大人(?:都)?不在|不知道(?:该)?怎么办)'),
  },
  {
    category: 'neglect',
    about: 'writer',
    notIn: ['fiction', 'lesson', 'game'],
    pattern: anyOf(
      '(?:生病|发(?:高)?烧|病了|疼)(?:了)?[^。！？!?\\n]{0,12}(?:没(?:有)?(?:人|钱)|没人管|没人带我|自己(?:扛|熬|忍|走去|去)|没(?:有)?去(?:看病|医院))|没钱(?:看病|买药|治病)',
      '(?:家里|家)(?:现在)?(?:就|只有|只|就只)?剩?(?:下)?(?:我|我们)(?:一个(?:人)?|两个|俩|(?:跟|和)(?:弟弟|妹妹))',
      '(?:一个人|自己)(?:在家)?(?:住|生活|过日子|过年|过的)|一个人在家(?:好久|好几天|很多天|几天|一个月|几个月|一周|一星期|两周)',
      '(?:爸爸妈妈|爸妈|父母|爸爸|妈妈)' + C + '{0,10}没(?:有)?(?:联系|打电话|给我打电话|寄钱|寄过钱|管我|回来过)|不管(?:我|我们)(?:了)',
    ),
    unless: /打工的城市|大学|上班|工作/,
  },
  {
    // nobody at home, with hunger, fear, days or the writer fending alone nearby
    category: 'neglect',
    notIn: ['fiction', 'lesson', 'game'],
    pattern: anyOf('(?:家里|家)(?:又|都|一直|经常|总是)?没(?:有)?(?:人|大人)(?!接|在家吃|来)'),
    near: /几天|好几天|自己|一个人|饿|吃|煮|害怕|晚上|回来|又/,
  },
  {
    category: 'neglect',
    about: 'writer',
    notIn: ['meal', 'fiction', 'game'],
    pattern: anyOf('(?:好|很|太|经常|总是|天天|每天都)饿|饿得(?:不行|难受|睡不着|头晕|发慌)'),
  },
];

export const FAMILY_EN: Rule[] = [
  {
    category: 'forced_marriage',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(
      `\\b(?:make|makes|made|making|force|forces|forced|forcing|want|wants|wanted|push|pushes|pushing|pressure|pressures|pressuring|tell|tells|told|arrange|arranged|arranging|for|send|sends|sending|sent|expect|expects)\\s+me\\s+(?:to\\s+)?(?:get\\s+)?(?:marry|married|engaged|wed)\\b`,
      `\\b(?:took|take|takes|got|get|gets|accepted|received) (?:\\w+ )?money (?:from (?:a|the|that|his|their) (?:family|man|boy)\\s+)?for me\\b|\\bget married at 1[0-7]\\b|\\bmarry me off\\b|\\b(?:promised|given|giving|give|sold|sell|sells|marry|married|engaged)\\s+me\\s+(?:off\\s+)?to\\b`,
      `\\bmy\\s+(?:engagement|fianc[ée]e?|future husband|husband|marriage|wedding)\\b`,
      `\\b(?:i|i${APOS}m|i am)\\s+(?:going to|gonna|to|have to|must|will)\\s+(?:be\\s+)?(?:get\\s+)?(?:married|engaged|marry)\\b(?![^.!?\\n]{0,30}\\b(?:someday|one day|when i grow up|in the future|grown up)\\b)`,
      `\\b(?:found|chose|picked|choosing|finding|arranged|arranging|got|getting)\\s+(?:a\\s+)?(?:husband|man|boy|wife)\\s+for\\s+me\\b|\\b(?:i${APOS}?m|i am) (?:engaged|betrothed|promised) to\\b|\\bold enough to (?:be |get )?marr(?:y|ied)\\b|\\bold enough to be (?:a |someone${APOS}?s |his )?wife\\b`,
      `\\b(?:for me|me) to (?:be |get )?(?:married|marry|wed|engaged)\\b(?![^.!?\\n]{0,30}\\b(?:someday|one day|when i grow up|in the future|grown up)\\b)|\\b(?:be|become) (?:his|someone${APOS}?s|somebody${APOS}?s|their son${APOS}?s|that man${APOS}?s|an old man${APOS}?s) wife\\b`,
      `\\bgirls? (?:my age|like me)\\b[^.!?\\n]{0,30}\\b(?:husband|married|marry|wedding)\\b|\\bi${APOS}?m getting (?:married|engaged)\\b|\\bi am getting (?:married|engaged)\\b|\\bmarr(?:y|ied) (?:me )?(?:off|away)\\b`,
      `\\b(?:don${APOS}t|do not|didn${APOS}t) want to (?:marry|be married to) (?:him|that man|this man|a man|someone|anyone|an old)\\b`,
    ),
    negatable: false,
  },
  {
    // not wanting it, afraid, with an engagement or a wedding nearby that is not a grown-up relative's
    category: 'forced_marriage',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(
      `\\bi (?:really )?(?:don${APOS}t|do not|didn${APOS}t) want (?:it|to go|this|that|him|to do it|to marry|to be)\\b|\\b(?:i${APOS}m|i am) (?:so )?(?:scared|afraid|terrified)\\b|\\bplease help\\b|\\bi (?:cried|cry)\\b`,
      `\\b(?:agree|agreed|say yes|said yes|consent) to (?:the|this|that|my|his) (?:marriage|wedding|engagement|match|man)\\b`,
      `\\bmy turn (?:is coming|is next|next|will come)\\b`,
    ),
    near: /\b(?:engagement|engaged|wedding|marry|marrying|married|marriage|husband|fianc\w*|bride\w*|betrothed)\b/,
    unless: /\b(?:sister|cousin|aunt|auntie|brother|uncle|teacher|friend['’]s)\b/,
    negatable: false,
  },
  {
    // the writer's young age next to a wedding or a husband: "I'm only 15"
    category: 'forced_marriage',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(`\\b(?:i${APOS}?m|im|i am) (?:only |just |still )?1[0-7]\\b|\\bmy 1[0-7]th birthday\\b`),
    near: /\b(?:marry|marrying|married|wedding|husband|bride|engaged|engagement|wife|picked the (?:boy|man)|set (?:a|the) date|the families|dowry|groom)\b/,
    unless: /\b(?:sister|cousin|aunt|auntie|brother|uncle)\b/,
    negatable: false,
  },
  {
    category: writersMarriage,
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(`\\barranged marriage\\b|\\bmatchmaker\\b|\\bbride[- ](?:price|money)\\b|\\bdowry\\b|\\bwedding date\\b|\\bmarry early\\b`),
  },
  {
    category: 'forced_dropout',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(
      `\\b(?:make|makes|made|making|force|forces|forced|want|wants|wanted|tell|tells|told|ask|asks|asked)\\s+me\\s+(?:to\\s+)?(?:quit|leave|stop|drop out)\\b`,
      `\\b(?:make|makes|made|want|wants|wanted|send|sends|sending|sent|tell|tells|told)\\s+me\\s+(?:to\\s+)?(?:go\\s+)?(?:to\\s+)?work\\b`,
      `\\b(?:won${APOS}t|don${APOS}t|will not|do not|doesn${APOS}t|didn${APOS}t)\\s+let\\s+me\\s+(?:go to|go back to|stay in|continue|finish|return to)\\s+(?:school|studying|high school|my studies)\\b`,
      `\\bgirls? (?:don${APOS}t|do not|doesn${APOS}t|does not) need (?:to )?(?:go to school|study|school|high school|education)\\b|\\bschool is (?:useless|no use|a waste) for girls\\b|\\bwives don${APOS}t need school\\b`,
      `\\b(?:no money|can${APOS}t afford|cannot afford|couldn${APOS}t afford)\\s+(?:for\\s+|to pay\\s+)?(?:school|the fees|tuition|my fees|school fees)\\b|\\bschool (?:costs|is) too (?:much|expensive)\\b`,
      `\\b(?:took|take|takes|taking|pulled|pull) me out of school\\b|\\bno more school\\b|\\bmust work (?:on the farm )?full[- ]time\\b|\\bwork(?:ing)? full[- ]time\\b`,
      `\\b(?:can${APOS}t|cannot|couldn${APOS}t|can not) pay for (?:school|my school|the fees|my fees)\\b|\\bstay(?:ing)? (?:at )?home to (?:farm|work|help|look after|take care)\\b|\\bschool is over for me\\b|\\bno more (?:school|studying|classes) for me\\b|\\bfrom now on\\b[^.!?\\n]{0,40}\\b(?:work|factory|site|farm|fields)\\b|\\b(?:took|takes|take|sent|sends|brought) me (?:to|out) (?:to )?work\\b|\\bgo (?:and )?(?:earn|make) money\\b|\\b(?:not|never) allowed to (?:go|come|return)(?: back)? to (?:school|class)\\b|\\btook my (?:school ?bag|books|school books)\\b`,
    ),
  },
  {
    category: 'forced_dropout',
    about: 'writer',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(
      `\\b(?:have|had|has|going|need|will have|must)\\s+(?:to\\s+)?(?:quit|leave|drop out of|stop)\\s+school\\b|\\bdrop(?:ped|ping)? out\\b|\\b(?:stop|stopped|quit|left) (?:going to )?school\\b`,
      `\\bcan(?:not|${APOS}t| not) (?:continue|keep) (?:studying|school|my studies|going to school)\\b|\\bneeds? me to (?:work|earn)\\b`,
      `\\b(?:won${APOS}t|will not|can${APOS}t|cannot) be (?:in|at|back (?:in|at|to)) (?:school|class)\\b|\\bcan(?:not|${APOS}t| not) (?:come|go) (?:back )?to school\\b|\\b(?:not|never|won${APOS}t be) (?:going|coming|go|come) back to (?:school|class)\\b|\\bnot (?:at|in) school (?:now|anymore|any more)\\b`,
      `\\b(?:haven${APOS}t|have not|hasn${APOS}t|not) (?:been|gone|went) (?:to|at|in) (?:school|class)\\b|\\bgirls? (?:should|must|have to|need to) (?:stay (?:at )?home|work|get married|marry|not (?:go to|study))\\b|\\bwast(?:e|ing) (?:of )?money on (?:school|my school|studying|education|me)\\b|\\binstead of (?:going to )?(?:high school|school|class)\\b|\\bi (?:have|had|need) to work\\b(?! (?:hard|harder|on))|\\bwash(?:ing)? dishes (?:from|all|every)\\b`,
    ),
  },
  {
    category: 'forced_dropout',
    about: 'writer',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(
      `\\b(?:won${APOS}?t|will not|not going to|can${APOS}?t|cannot) (?:come|go) back\\b(?=[^.!?\\n]{0,40}\\b(?:school|class|term|teacher|after)\\b)|\\b(?:i${APOS}?m|im|i am) not (?:at|in|going to) school\\b(?![^.!?\\n]{0,30}\\b(?:today|tomorrow|sick|ill|holiday|fever|cold)\\b)`,
      `\\b(?:can${APOS}t|cannot|won${APOS}t be able to|couldn${APOS}t)\\s+(?:go|come|return)\\s+(?:back\\s+)?to\\s+school\\b|\\b(?:not|never) (?:come|coming|go|going) back (?:to school )?next term\\b`,
      `\\b(?:don${APOS}t|do not|didn${APOS}t|won${APOS}t) go to school anymore\\b|\\bno longer (?:go to|in|at) school\\b|\\bnot (?:finish|finishing) (?:this year|school|the year)\\b`,
      `\\bwork(?:ing|s)?\\s+(?:in|at|on)\\s+(?:a|the|an|his|her|my \\w+${APOS}s)\\s+(?:\\w+\\s+){0,2}(?:factory|restaurant|shop|brick ?yard|brick kiln|kiln|construction site|site|farm|fields?|market|workshop|mine|place|yard|plant|stall)\\b|\\bstart(?:ed|ing|s)? (?:work(?:ing)? )?at the (?:\\w+ ){0,2}(?:shop|factory|restaurant|site|kiln|workshop|farm)\\b|\\binstead of (?:going to )?school\\b`,
      `\\bi (?:work|am working|${APOS}m working|started working|have to work) (?:in|at|for) (?:a|the|an|his|her|my)\\b|\\bhelp (?:at|in|with) (?:his|her|the|our|my \\w+${APOS}?s?) (?:\\w+ )?(?:stall|shop|restaurant|farm|business|store)\\b|\\b(?:got|get|have|found) a (?:full[- ]time )?job\\b`,
    ),
    unless: /\b(?:holiday|holidays|vacation|weekends?|summer|graduat\w*|sick|covid|typhoon)\b/,
  },
  {
    // kept at work: the boss, the hours, the brother chosen to study instead
    category: 'forced_dropout',
    notIn: ['fiction', 'lesson'],
    unless: /\b(?:on weekends|weekends|saturdays?|sundays?|after school|holidays?|vacation)\b/,
    pattern: anyOf(
      `\\bschool can wait\\b|\\b(?:family|parents|dad|mom|mum|father|mother|grandpa|grandma|uncle|aunt) needs? me (?:in|at|on|to (?:work|help|stay|earn))\\b(?![^.!?\\n]{0,40}\\b(?:weekends?|saturdays?|sundays?|holidays?|after school|then i do my homework)\\b)|\\b(?:took|take|takes|pulled|pull|keep|keeps|kept) me out of (?:school|class|classes)\\b(?![^.!?\\n]{0,40}\\b(?:early|dentist|doctor|hospital|appointment|for the day|trip|wedding|funeral)\\b)`,
      `\\bno school for me\\b|\\bschool is (?:only )?for (?:rich|boys|other|city)\\b|\\bsigned me up (?:at|for|to work)\\b|\\bold enough to (?:earn|work|make money|get a job)\\b|\\binstead of (?:going to )?(?:high school|school|class|classes|studying)\\b`,
      `\\b(?:boss|owner|manager)\\b[^.!?\\n]{0,30}\\b(?:won${APOS}?t|doesn${APOS}?t|didn${APOS}?t|will not|does not|did not) let me (?:leave|go|rest|stop|study)\\b`,
      `\\b(?:have|had|has) to (?:stop|quit)(?: school| studying| going to school)? (?:and|to) (?:work|help|earn|stay)\\b|\\bchose (?:him|her|my (?:little |older |big )?(?:brother|sister)) to (?:keep|stay|continue|go on)\\b`,
      `\\b(?:been|working|work|worked) at the (?:restaurant|factory|shop|farm|site|market|stall|kiln|workshop) since\\b|\\bmiss(?:ed|ing)? (?:school|class|classes|the exam|the test|exams)\\b(?=[^.!?\\n]{0,40}\\b(?:boss|shop|factory|farm|work|job|fields?|stall|kiln|site)\\b)`,
      `\\bwork(?:ing|s)? (?:\\d+|ten|eleven|twelve|thirteen|fourteen) hours\\b|\\b(?:\\d+|ten|eleven|twelve|thirteen|fourteen) hours? (?:a|every|each) day\\b[^.!?\\n]{0,30}\\b(?:work|factory|shop|site|farm)\\b`,
      `\\b(?:can${APOS}?t|cannot|couldn${APOS}?t) (?:pay|afford) (?:for )?(?:both|two of us|all of us|me and)\\b`,
    ),
  },
  {
    category: 'neglect',
    notIn: ['fiction', 'lesson', 'game'],
    pattern: anyOf(
      `\\bhungry (?:all|for) (?:the )?(?:week|days|a week)\\b|\\bhungry\\b[^.!?\\n]{0,30}\\b(?:no money|no food|nothing to eat)\\b|\\b(?:always|often|every day|all the time)\\s+hungry\\b|\\bhungry\\s+(?:all the time|every day|for days|all day|again)\\b|\\bgo to (?:bed|sleep|school) hungry\\b`,
      `\\bno food\\b(?! (?:allowed|in (?:class|the library|the classroom)|or drinks?|fight))|\\b(?:not enough|nothing)\\s+(?:food|to eat)\\b|\\bno money for (?:food|a doctor|the doctor|medicine|new ones|shoes|clothes|rice)\\b|\\bno money for (?:a |the )?(?:doctor|hospital|medicine|food|rice|shoes|clothes)\\b`,
      `\\b(?:haven${APOS}t|have not|hasn${APOS}t|didn${APOS}t|did not)\\s+(?:eaten|had (?:a )?(?:proper |real |hot |decent )?(?:meal|food|anything to eat|dinner|lunch))\\b|\\bnever came back\\b|\\b(?:left|abandoned) (?:me|us)\\b[^.!?\\n]{0,40}\\b(?:months?|years?|ago|alone|never)\\b|\\beat what(?:ever)? i can find\\b`,
      `\\bonly (?:eat|ate|have|had|eating)\\s+(?:one meal|once a day|one time a day|rice and salt)\\b|\\b(?:often|usually|sometimes|always) (?:don${APOS}t|do not|didn${APOS}t) (?:have|eat) (?:dinner|lunch|breakfast|food)\\b`,
      `\\b(?:no ?one|nobody)\\s+(?:looks after|takes care of|cares for|cooks for|feeds|is home with|took me|takes me|buys|cared)\\b|\\b(?:no ?one|nobody)(?: at home)? to (?:cook|look after|take care|care)\\b|\\bno (?:adult|grown-?up|parent)s? (?:at home|in the house)\\b`,
      `\\b(?:parents|mum|mom|dad|father|mother|he|she)\\b[^.!?\\n]{0,30}\\b(?:haven${APOS}t|hasn${APOS}t|didn${APOS}t|don${APOS}t|doesn${APOS}t|never)\\s+(?:call|called|come back|come home|came home|been home|sent money|send money|visit|visited)\\b`,
      `\\b(?:doesn${APOS}t|don${APOS}t|stopped|never|hasn${APOS}t|haven${APOS}t|have not|has not|didn${APOS}t) sen(?:d|t|ding) (?:us |me )?(?:any )?money\\b|\\bcan(?:not|${APOS}t| not) (?:buy|afford) (?:rice|food|meat|vegetables)\\b|\\b(?:is|are) never home\\b`,
      `\\bsick\\b[^.!?\\n]{0,30}\\bno (?:one|money|medicine)\\b|\\bno (?:warm|winter|thick) (?:clothes|coat|jacket|shoes|blanket)\\b|\\b(?:too )?cold to sleep\\b|\\bcold all the time\\b|\\bshoes have holes\\b`,
      `\\b(?:won${APOS}t|don${APOS}t|didn${APOS}t|doesn${APOS}t|never) (?:let me eat|give(?:s)? me (?:any )?(?:food|dinner|anything to eat|meals?))\\b|\\b(?:home )?(?:by myself|alone|on my own) since\\b|\\bno electricity\\b`,
      `\\b(?:nobody|no ?one|no-one|no adult|no grown-?up)(?: has| is| was)? (?:been |is |was |came |come |comes )?(?:home|here|around|at home)\\b(?! (?:to play|today but))|\\bhome alone\\b[^.!?\\n]{0,30}\\b(?:again|days|weeks|week|nights|month)\\b`,
      `\\b(?:often|always|usually|have to|had to|must|sometimes have to) skip(?:s|ping|ped)? (?:dinner|lunch|breakfast|meals)\\b|\\bskip(?:s|ping|ped)? meals\\b|\\b(?:is|are) never (?:home|there|around)\\b|\\beat whatever (?:is|i can)\\b|(?:\\bnot|n${APOS}t) (?:have )?enough (?:food|to eat|rice)\\b|\\btoo (?:old|sick|ill|drunk|busy|tired) to (?:cook|look after|take care)\\b|\\bsleep on the floor\\b|\\b(?:roof|ceiling) (?:is broken|leaks)\\b|\\bno (?:warm |winter |thick )?(?:blanket|quilt|coat|jacket)\\b`,
      `\\b(?:mum|mom|mother|dad|father|parents)\\b (?:left|went away|ran away|disappeared)\\b[^.!?\\n]{0,20}\\b(?:ago|months?|years?|weeks?)\\b|\\bdrinks? all day\\b|\\b(?:is|are) always drunk\\b|\\b(?:no ?one|nobody) (?:makes|cooks|gives|buys|brings) (?:\\w+ )?(?:food|dinner|meals?|lunch)\\b`,
      `\\bnothing (?:for|to eat for) (?:dinner|lunch|breakfast|supper)\\b|\\bno (?:dinner|lunch|breakfast) (?:again|today|at home)\\b|\\b(?:forget|forgets|forgot|never remembers?) to (?:buy|give|make|cook|bring)(?: me| us)? (?:food|dinner|lunch|meals?|rice)\\b|\\bdrinks?\\b[^.!?\\n]{0,20}\\ball day\\b|\\bno heat(?:ing|er)?\\b|\\bfrostbit\\w*\\b|\\bwindow is broken\\b`,
      `\\bshoes\\b[^.!?\\n]{0,30}\\b(?:holes|too small|broken|falling apart)\\b|\\b(?:buys?|bought|spends? (?:it|the money|money) on) (?:beer|alcohol|cigarettes|wine|liquor|drinks|gambling|mahjong)\\b|\\bonly have (?:\\w+ ){0,2}(?:rice|bread|noodles|potatoes) left\\b|\\b(?:ate|eaten) the last (?:of the )?(?:bread|rice|food|noodles|potato(?:es)?|eggs?|biscuits|flour)\\b|\\b(?:looking after|look after|take care of|taking care of) my (?:little |baby |younger )?(?:brother|sister|siblings) (?:alone|by myself|on my own)\\b`,
      `\\b(?:no ?one|nobody|no-one) (?:washes|cleans|cooks|wakes|feeds) (?:them|it|me|us|my)\\b|\\bsame clothes for (?:\\d+|two|three|a|many) (?:days|weeks?)\\b(?![^\\n]{0,60}\\b(?:trip|camp|forgot|pack\\w*|haha|lol)\\b)|\\b(?:no one|nobody|no-one) (?:picked|picks|came to pick|comes to pick) me up\\b|\\b(?:house|home) (?:was|is) empty again\\b|\\bempty (?:house|home) again\\b`,
      `\\bstill (?:isn${APOS}?t|is not|hasn${APOS}?t come|has not come|not|didn${APOS}?t come) (?:back|home)\\b(?=[^\\n]{0,60}\\b(?:only|left|no food|hungry|alone|week|days)\\b)|\\b(?:there${APOS}?s|there is|we have|i have|we${APOS}ve got) only (?:some |a little |a bit of )?(?:rice|noodles|bread|potatoes|flour|food) left\\b|\\bonly (?:\\w+ ){0,2}(?:rice|noodles|bread|potatoes|flour|food) left\\b`,
      `\\bran out of (?:food|rice|money)\\b|\\b(?:have|had|there${APOS}?s|there is|there was)\\s+no\\s+(?:food|rice|money for food)\\b|\\bno money for (?:the )?(?:dentist|hospital)\\b|\\b(?:nobody|no ?one) to (?:take me|help (?:us|me)|look after)\\b`,
      `\\b(?:not|doesn${APOS}t|don${APOS}t|won${APOS}t|never|didn${APOS}t|hasn${APOS}t)\\s+(?:answer|answering|answered|pick(?:ing)? up)\\s+(?:the |my |his |her |our )?(?:phone|calls?)\\b`,
    ),
  },
  {
    category: 'neglect',
    about: 'writer',
    notIn: ['fiction', 'lesson', 'game'],
    pattern: anyOf(
      `\\b(?:live|living|lived|stay|staying)\\s+(?:\\w+\\s+){0,3}?(?:all\\s+)?(?:alone|by myself|on my own)\\b`,
      `\\b(?:so|have to|had to|must|always) (?:take care of|look after|cook for|feed) myself\\b`,
      `\\balone\\s+(?:at home\\s+)?for\\s+(?:days|weeks|months|a (?:week|month)|(?:two|three|several|many)\\s+(?:days|weeks|months))\\b`,
    ),
  },
];
