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

const MARRY_ZH = '(?:嫁|结婚|订婚|定亲|订亲|相亲|成亲|见男方|见对象|说亲)';
const AWAY_FROM_SCHOOL = /放假|假期|周末|寒假|暑假|毕业|生病|住院|疫情|台风/;

export const FAMILY_ZH: Rule[] = [
  {
    category: childMarried,
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(
      '(?:给|帮|替)我(?:说|定|订|找|介绍|看|看好|挑|选|相中|物色|安排)(?:好)?(?:了)?(?:一门|门|个|一个)?(?:亲|亲事|婚事|婚|婆家|对象|人家|老公|男人|媳妇)',
      '(?:轮到|该轮到)我(?:嫁|了)|(?:我|我也)(?:可以|该|能|到了)' + C + '{0,3}(?:嫁人|嫁出去|找婆家|说亲|订婚)(?:的年纪)?|等我' + C + '{0,8}(?:就)?(?:嫁|过门|去他们家|去他家|去男方家)|等我(?:满)?(?:1[0-7]|十[一二三四五六七])(?:岁)?' + C + '{0,4}(?:就)?(?:办酒|办婚礼|结婚|订婚|摆酒)',
      '(?:收|拿)(?:了)?' + C + '{0,8}(?:彩礼|定金|聘礼|订金)|(?:办|摆)(?:婚礼|喜酒)|过门',
      '(?<lead>(?:让|要|逼|叫|催|劝|非要|送))(?:我|(?<her>她))' + C + '{0,8}?(?:去)?' + MARRY_ZH,
      '把我(?:嫁|许配|许|卖|说|定)(?:给|出去|了)',
      '(?:女孩|女孩子|女生|女娃|丫头|姑娘)(?:子)?(?:家)?' + C + '{0,8}(?:该|要|得|就该|就要|早点|早晚要)嫁(?:人|出去)',
      '我的(?:彩礼|婚事|亲事|未婚夫|婆家)',
      '(?:十四|十五|十六|十七|十六七|十五六|1[4-7])(?:岁)?(?:就)?(?:要|得|让我)?(?:嫁|结婚|订婚)',
      '嫁(?:人|出去|过去)?(?:换|拿)(?:彩礼|钱)|不(?:想|愿意|肯|要)嫁给(?:他|那个|这个|那家|那人)',
    ),
    negatable: false,
  },
  {
    // the writer's young age next to a match being made: 我才16 / 我才十四
    category: 'forced_marriage',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf('我(?:才|只有|还不到|还没满|今年才|也才)(?:1[0-7]|十[一二三四五六七]|[一二三四五六七八九])(?:岁)?'),
    near: /嫁|婚|彩礼|男方|对方|媒人|说亲|婆家|过门|媳妇/,
    unless: /姐姐|表姐|堂姐|姑姑|小姑|小姨|哥哥|表哥|堂哥|叔叔|舅舅/,
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
    pattern: anyOf('说亲|提亲|说媒|媒人|彩礼|聘礼|男方|(?:收|拿)(?:了)?(?:人家|男方|对方)的(?:钱|彩礼|礼)'),
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
    category: 'forced_dropout',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(
      '不(?:让|许|准|给)我' + C + '{0,4}(?:上学|读书|念书|(?:读|念|上|考)(?:高中|初中|大学|中专|职高|技校)|读了|念了|上了|去学校|回学校|继续读|继续上学)',
      '供不起|供不了|没钱供|(?:学费|书)(?:也)?(?:交不起|读不起|念不起)',
      '(?:让|叫|逼|要|催)我' + C + '{0,8}?(?:打工|挣钱|赚钱|上班|进厂|退学|辍学|不读了|别读了|不上了|不要读了|不用读了|去工地|去工厂|去厂里|去砖厂)',
      '(?:女孩|女孩子|女生|女娃|丫头)(?:子)?(?:读书|上学|念书|读那么多书)(?:有什么|没|没什么)用',
      '(?:女孩|女孩子|女生|女娃|丫头)(?:子)?(?:不用|不需要|没必要|不要|用不着)(?:读|上|念)',
      '(?:读书|上学|念书)(?:是)?(?:浪费(?:钱|时间)|不如(?:挣钱|打工|赚钱|干活))',
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
    pattern: anyOf('退学|辍学'),
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
      '饭卡没钱|没钱(?:吃饭|买吃的|买菜|买米|交电费)|钱(?:快)?(?:用完|花完)了|剩饭|冰箱' + C + '{0,4}空',
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
      `\\bmarry me off\\b|\\b(?:promised|given|giving|give|sold|sell|sells|marry|married|engaged)\\s+me\\s+(?:off\\s+)?to\\b`,
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
    // the writer's young age next to a wedding or a husband: "I'm only 15"
    category: 'forced_marriage',
    notIn: ['fiction', 'lesson'],
    pattern: anyOf(`\\b(?:i${APOS}?m|i am) (?:only |just |still )?1[0-7]\\b|\\bmy 1[0-7]th birthday\\b`),
    near: /\b(?:marry|marrying|married|wedding|husband|bride|engaged|engagement|wife)\b/,
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
      `\\b(?:can${APOS}t|cannot|won${APOS}t be able to|couldn${APOS}t)\\s+(?:go|come|return)\\s+(?:back\\s+)?to\\s+school\\b|\\b(?:not|never) (?:come|coming|go|going) back (?:to school )?next term\\b`,
      `\\b(?:don${APOS}t|do not|didn${APOS}t|won${APOS}t) go to school anymore\\b|\\bno longer (?:go to|in|at) school\\b|\\bnot (?:finish|finishing) (?:this year|school|the year)\\b`,
      `\\bwork(?:ing|s)?\\s+(?:in|at|on)\\s+(?:a|the|an|his|her|my \\w+${APOS}s)\\s+(?:\\w+\\s+){0,2}(?:factory|restaurant|shop|brick ?yard|brick kiln|kiln|construction site|site|farm|fields?|market|workshop|mine)\\b|\\bstart (?:work(?:ing)? )?at the \\w+ (?:shop|factory|restaurant)\\b|\\binstead of (?:going to )?school\\b`,
      `\\bi (?:work|am working|${APOS}m working|started working|have to work) (?:in|at|for) (?:a|the|an|his|her|my)\\b|\\bhelp (?:at|in|with) (?:his|her|the|our|my \\w+${APOS}?s?) (?:\\w+ )?(?:stall|shop|restaurant|farm|business|store)\\b|\\b(?:got|get|have|found) a (?:full[- ]time )?job\\b`,
    ),
    unless: /\b(?:holiday|holidays|vacation|weekends?|summer|graduat\w*|sick|covid|typhoon)\b/,
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
      `\\bran out of (?:food|rice|money)\\b|\\b(?:have|had|there${APOS}?s|there is|there was)\\s+no\\s+(?:food|rice|money for food)\\b|\\bno money for (?:the )?(?:dentist|hospital)\\b|\\b(?:nobody|no ?one) to (?:take me|help (?:us|me)|look after)\\b`,
      `\\b(?:not|doesn${APOS}t|don${APOS}t|won${APOS}t|never|didn${APOS}t|hasn${APOS}t)\\s+(?:answer|answering|answered|pick(?:ing)? up)\\s+(?:the |my |his |her |our )?(?:phone|calls?)\\b`,
    ),
  },
  {
    category: 'neglect',
    about: 'writer',
    notIn: ['fiction', 'lesson', 'game'],
    pattern: anyOf(
      `\\b(?:live|living|lived|stay|staying)\\s+(?:all\\s+)?(?:alone|by myself|on my own)\\b`,
      `\\balone\\s+(?:at home\\s+)?for\\s+(?:days|weeks|months|a (?:week|month)|(?:two|three|several|many)\\s+(?:days|weeks|months))\\b`,
    ),
  },
];
