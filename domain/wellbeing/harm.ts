/**
 * Harm done to the writer by others: physical abuse, sexual abuse and bullying. Who did it decides the
 * category: an adult or an older relative hitting a child is abuse (urgent), another child hitting is
 * bullying (concern), and an unnamed "他又打我了" is abuse unless the sentence is set at school.
 */
import { type WellbeingCategory } from './types';
import { type Who } from './people';
import { anyOf, APOS, CLAUSE, type Match, type Rule } from './rule';

const C = CLAUSE;
const SCHOOL: Record<'zh' | 'en', RegExp> = {
  zh: /学校|班上|班里|班级|宿舍|寝室|教室|校园|同学|放学|上学路上|课间|操场|厕所|食堂|器材室|走廊|楼梯/,
  en: /\b(?:school|class|classroom|dorm|playground|classmates?|break|recess|canteen|bus|students?|older kids|lockers?|hallway|corridor)\b/,
};

/** Horseplay ("as a joke", 打闹) is not violence. A bully saying "it was a joke" is not the writer's word for it. */
const PLAY: Record<'zh' | 'en', RegExp> = { zh: /闹着玩|打闹|玩闹|枕头大战|警察抓小偷|捉迷藏|躲猫猫|过家家|老鹰捉小鸡|木头人/, en: /\b(?:as a joke|for fun|playfully|pillow fight|play fight(?:ing)?)\b/ };
/**
 * 再不写作业就揍我: a parent's conditional threat, the everyday kind; an event is told differently. (In
 * English the condition comes after the threat, "…if she sees my room", and the rules do not read it.)
 */
const THREAT_ONLY: Record<'zh' | 'en', RegExp> = { zh: /(?:再|要是|如果|敢)[^，,。！？!?]{0,10}就$/, en: /(?!)/ };
/** …unless it is a threat of real injury, or the writer says they are afraid of it. */
const THREAT_MEANT: Record<'zh' | 'en', RegExp> = {
  zh: /打断|打残|打死我|弄死|杀了|掐死|扔(?:到|进)(?:河|水|井)|淹死|烧死|卖掉|卖了|刀|砍|剪刀|开水|烟头|怕|不敢|真的会|发抖|躲/,
  en: /\b(?:scared|afraid|terrified|frightened|hide|hiding|really will|means it|knife)\b/,
};
/** A laugh next to a threat makes it the everyday hyperbole (再熬夜就打断你的腿哈哈). */
const LAUGH = /哈哈|开玩笑|😂|🤣|😆|\blol\b|\bhaha|\blmao\b|\bjk\b/;
/** "I hit my head on the bed": the writer is the one doing it ("I got hit", "I was beaten" are not). */
const WRITER_DID_IT: Record<'zh' | 'en', RegExp> = {
  zh: /(?:我|自己)$/,
  en: /\bi\s+(?:(?!(?:got|get|gets|was|am|were|been|keep|kept|always|often|sometimes|still|have|had|has|see|saw|feel|felt|think|know|hope|wish|remember)\b)\w+\s+)?$/,
};

function actorOf(m: Match): Who {
  for (const group of ['actor', 'actor2']) {
    const named = m.whoInGroup(group);
    if (named !== 'unknown') return named;
  }
  return m.who({ notSelf: true });
}

/**
 * Who hit or hurt the writer: an adult or older relative → abuse (even on a sports field); another
 * child → bullying; nobody named → nothing in a game, a match or an accident, else abuse or, at school,
 * bullying.
 */
function hurtBy(m: Match): WellbeingCategory | null {
  // the match starts with a passive or a place on the body (被打, "got hit", 我身上都是伤): 我 before it is the victim
  const passive = /^(?:get|got|gets|getting|being|was|were|am|被|挨|身上|胳膊上|腿上|背上|脸上|青一块|鼻青|缝了)/.test(m.src.slice(m.start, m.end));
  if (!passive && WRITER_DID_IT[m.lang].test(m.src.slice(Math.max(0, m.start - 16), m.start))) return null;
  // a check-in with no subject ("burned my hand…", "hit my head on the door"): the writer did it
  if (m.lang === 'en' && /\bmy\b/.test(m.src.slice(m.start, m.end)) && /^\s*(?:(?:and|then|just|again|accidentally)\s+)*$/.test(m.src.slice(m.clauseStart(), m.start))) return null;
  if (m.sentenceHas(PLAY[m.lang])) return null;
  if (THREAT_ONLY[m.lang].test(m.src.slice(m.clauseStart(), m.start)) && (!THREAT_MEANT[m.lang].test(m.around(30)) || LAUGH.test(m.around(30)))) return null;
  const who = actorOf(m);
  if (who === 'adult' || who === 'family') return 'physical_abuse';
  if (who === 'fiction' || who === 'sibling' || who === 'thing') return null;
  if (m.in('game') || m.in('sport') || m.in('accident')) return null;
  if (who === 'child') return 'bullying';
  // nobody named before it: whoever the sentence names (被打得…，舅舅不让我去学校), else where it happened
  if (m.sentenceMentions('child')) return 'bullying';
  if (m.sentenceMentions('adult') || m.sentenceMentions('family')) return 'physical_abuse';
  // told over two sentences ("…bruises on my face. My father does not want the teachers to see them.")
  if (m.nearbyHas(HIDES_IT[m.lang])) return 'physical_abuse';
  return m.sentenceHas(SCHOOL[m.lang]) && !m.sentenceHas(OVERNIGHT) ? 'bullying' : 'physical_abuse';
}

/** A grown-up at home who hides the marks or says who did it: 不让我告诉老师, "does not want the teachers to see". */
const HIDES_IT: Record<'zh' | 'en', RegExp> = {
  zh: /(?:问|问起|问起来|问的话)(?:就)?(?:说|讲)(?:是)?(?:自己)?(?:摔|碰|磕|撞|不小心)|(?:爸|妈|继父|后妈|后爸|叔|舅|爷爷|奶奶|伯|姑父|姨父|老汉|家里)[^。！？!?\n]{0,8}(?:不让|不准|不许|叫我别|让我别|让我不要|叫我不要)[^。！？!?\n]{0,6}(?:说|告诉|讲|看|知道|去学校)|(?:让|叫|要)我(?:跟|对)?[^。！？!?\n]{0,6}(?:说|讲)(?:是)?(?:自己)?(?:摔|碰|磕|撞)/,
  en: /\b(?:dad|father|mum|mom|mother|stepdad|stepfather|stepmom|stepmother|uncle|aunt|grandpa|grandma|parents)\b[^.!?\n]{0,30}\b(?:doesn['’]?t|does not|didn['’]?t|did not|don['’]?t|won['’]?t)\s+(?:want|let)\b[^.!?\n]{0,30}\b(?:see|know|tell|go to school)\b|\btold me to (?:say|tell)\b[^.!?\n]{0,30}\b(?:fell|tripped|accident|walked into|door)\b/,
};

/** Locked up all night is not a school prank. */
const OVERNIGHT = /一整夜|一整晚|整晚|一晚上|一夜|通宵|过夜|all night|overnight/;

/** A crowd of peers named in the sentence (大家, 全班, 有人, "everyone"). */
const CROWD_ZH_EN = /大家|全班|同学|有人|他们都|她们都|\beveryone\b|\beverybody\b|\bthe whole class\b|\bclassmates\b/;

/** Unkind words or exclusion: bullying when another child (or nobody named) does it; a parent's scolding is not. */
function unkindBy(m: Match): WellbeingCategory | null {
  // the reader (你问我…) is never the one being unkind: look again in the clause alone
  let who = m.who({ notSelf: true });
  if (who === 'reader') who = m.who({ notSelf: true, inClause: true });
  // 班上有人说我爸是坐牢的，大家都躲着我: the clause names the crowd, the father is only talked about
  if (who === 'adult' && m.who({ notSelf: true, inClause: true }) === 'unknown' && m.sentenceHas(CROWD_ZH_EN)) who = 'unknown';
  return ['adult', 'family', 'sibling', 'fiction', 'reader', 'thing'].includes(who) ? null : 'bullying';
}

/** Touching and the like from an adult, an older relative, or someone unnamed. */
function touchedBy(m: Match): WellbeingCategory | null {
  return ['adult', 'family', 'unknown'].includes(m.who({ notSelf: true })) ? 'sexual_abuse' : null;
}

/** A sign that closeness was not care: a hand, a secret, fear, disgust. */
const UNWANTED_ZH = /伸|摸|手(?:一直|老是|总是|放|在我)|身上|秘密|不敢|害怕|好怕|不舒服|恶心|脱|亲我|抱我|装睡|别告诉|不要告诉|不许说|不准说/;

/** …and a mother or a grandmother tucking the writer in (奶奶进我房间帮我盖被子) is care, unless a second sign is there. */
function touchedByNotCare(m: Match): WellbeingCategory | null {
  const carer = /(?:妈妈|奶奶|外婆|姥姥)(?!的)[^，,。！？!?]{0,8}$/.test(m.src.slice(m.sentence[0], Math.min(m.end, m.start + 12)));
  return carer && !m.sentenceHas(UNWANTED_ZH) ? null : touchedBy(m);
}

/** Not a lesson's prevention term (防性侵, 反霸凌, anti-bullying). */
const unlessPrevention = (category: (m: Match) => WellbeingCategory | null) => (m: Match) => (m.groups.prevention ? null : category(m));

const HIT_ZH = '(?:打(?![败扰湿断开破针卡分倒动乱翻碎算折通理捞字扫印球游工篮排乒羽网牌架闹拼听量扮包疫])|揍|踢(?![球毽出])|扇|掐|拧|踹|抽(?=了|打|我|得)|烫(?!头))';
const CARER_ZH = /(?:妈妈|妈|奶奶|外婆|姥姥)[^，,。！？!?]{0,6}$/;
const INSULT_ZH = '(?:野种|杂种|扫把星|灾星|孤儿|残废|瘸子|结巴|聋子|瞎子|贱|丧门星|没人要|臭|丑|胖|矮|黑|穷|笨|傻|没妈|没爸|野孩子|怪物|猪|狗|乡下|小偷|偷|乡巴佬|小矮子|胖子|土包子|丑八怪|傻子|笨蛋|穷鬼|哑巴|神经病|垃圾|有病|身上有味)';

export const HARM_ZH: Rule[] = [
  {
    category: hurtBy,
    about: 'child',
    notIn: ['fiction', 'hypothetical'],
    pattern: anyOf(
      '被(?<actor>' + C + '{0,8}?)(?:狠狠地?|用' + C + '{1,4}|拿' + C + '{1,4})?(?:' + HIT_ZH + '|关(?:在|进|起来)|锁(?:在|进|起来)|绑(?:在|起来)|推(?:倒|下|到))',
      '挨(?:了)?(?:一顿|顿|好几下)?(?:打|揍)|挨(?:了)?(?<actor2>' + C + '{1,4}?)(?:一顿|顿|好几下)(?:打|揍)',
    ),
  },
  {
    category: hurtBy,
    notIn: ['fiction', 'hypothetical'],
    pattern: anyOf(
      '(?:打|揍|踢|扇|掐|拧|踹|抽|烫|摔|泼|敲|砸|揪|拽|勒|咬|砍|扔)(?:了)?我(?!们|电话|手机|的电话|的手机|号码|小报告|招呼|一个|个|的(?:作业|书|本|东西|手机|包|书包))',
      '(?:揪|拽|抓|扯|拉|薅)(?:着)?我(?:的)?(?:耳朵|头发|衣领|领子|脖子)|(?:往|朝)(?:墙上|地上|桌子上|门上)(?:撞|摔|推|砸|磕)|按在(?:地上|墙上|水里)|(?:头|脑袋)按(?:在|进)水',
      '(?:开水|热水|滚水|烫水)' + C + '{0,4}(?:泼|浇|倒|烫)',
      '(?:拿|用)' + C + '{1,5}?把我(?:的)?' + C + '{0,4}(?:打|抽|砸|烫|割|划|勒)|(?:打|抽|揍|踢|掐|扇)(?:出血|出了血|得出血|得流血|到流血|得青|得紫)',
      '推(?:了)?我(?:一把|一下|倒|下去|到)',
      // held or chased while hit: 追着我打, 按着我打
      '(?:追|按|抓|拽|揪|拖|压|绑|摁|拉|堵)着我' + C + '{0,3}(?:打|揍|踢|抽|踹|扇|掐)',
      '(?:打|揍)得我',
      '把我(?!的)' + C + '{0,8}?(?:' + HIT_ZH + '|推|摔|扔|关|锁|绑|吊|赶出|按在|堵在|困在)',
      '(?:把|将)我(?:的)?(?:手|腿|胳膊)(?:给)?(?:打断|打折|打残|掰断|折断)|打断(?:我|你)的?(?:手|腿)',
      '拿刀(?:吓|砍|指着|威胁|架)',
      '(?:拿|用)' + C + '{1,5}?(?:打|抽|揍|砸|烫|扎|戳|刺|泼|敲|砍|扔)(?:的|我|了我|在我|得我|了一顿|一顿)',
      '把我(?:的)?(?:头|脸|手|身体|脑袋)' + C + '{0,6}(?:撞|按|砸|摔)',
      '(?:身上|胳膊上|腿上|背上|脸上)(?:到处)?(?:都是|全是|好多|有很多|又有)(?:伤|淤青|青紫|紫|印子|血印|红印|巴掌印)|青一块紫一块|鼻青脸肿',
      '缝了(?:几|好几|[一二三四五六七八九十\\d]+)针',
      // 打死你 is a parent's everyday hyperbole; 弄死 / 杀了 are not
      '(?:要|说要|扬言|威胁)(?:把我)?(?:杀了|弄死)(?:我)?|(?:弄死|杀了)你',
      '拿我(?:出气|撒气|发泄)',
      // 脸是肿的…是爸爸打的: the hurt first, who did it after
      '是(?!我|自己)(?<actor>' + C + '{1,6}?)(?:打|揍|踢|抽|烫|掐|拧|扇|砸|推|咬)(?:的|伤的|出来的|成这样的)',
    ),
  },
  {
    category: 'physical_abuse',
    notIn: ['fiction', 'game'],
    pattern: anyOf(
      '(?:喝醉|喝多|喝了酒|喝完酒|喝了点酒|一喝酒|喝了酒)(?:了)?(?:以后|之后|后)?(?:就|又|还|便|总是|老是)?' + C + '{0,4}(?:打|揍|摔|砸|发酒疯|掐|骂|追|踢|踹|抽|拿棍|拿刀|拿皮带|拿鞭)',
      '(?:爸爸|爸|继父|后爸|他)(?:又|经常|总是|老是)?(?:打|揍)(?:了)?(?:妈妈|我妈|妈|奶奶)',
      '罚(?:我|我们)(?:跪|不(?:准|许)?吃饭)|(?:让|叫)我跪|罚跪|罚' + C + '{0,4}跪|跪(?:了)?(?:一晚上?|一夜|整晚|一整晚|几个小时|好几个小时|两个小时)',
      '不(?:让|给)我(?:进门|进屋)',
      '发酒疯|(?:躲(?:在|到|进))' + C + '{0,6}(?:邻居家|床底|柜子里|外面|厕所里)(?=[^。！？!?\\n]{0,20}(?:爸|妈|喝|打|醉|疯|骂))|罚我' + C + '{0,8}(?:雪地|雨里|门外|外面|院子)' + C + '{0,6}(?:站|跪|待|睡)',
      '(?:不敢|害怕|怕|不想)回家' + C + '{0,8}(?:打|揍|挨|骂|喝醉|喝酒)|(?:打|揍)得我' + C + '{0,6}(?:不敢|起不来|走不了|流血|头晕)',
    ),
  },
  {
    // a thing to hit with, and hitting nearby: 拿棍子追着我, 衣架抽断了两根
    category: hurtBy,
    notIn: ['fiction', 'game', 'hypothetical'],
    pattern: anyOf('(?:拿|用|抄起|抡起|举着|操起|拎着|抓起)(?:着|了)?' + C + '{0,3}(?:棍子|棒子|木棍|竹条|竹竿|竹片|藤条|皮带|腰带|衣架|鞭子|扫把|拖把|擀面杖|火钳|铁锹|板子|戒尺|鞋底|拖鞋|凳子|砖头|酒瓶|瓶子|铁棍|钢管|烟灰缸)'),
    // the writer is the one hit (追着弟弟跑 is not)
    nearOther: /(?:打|揍|抽|追|砸|敲|扔|甩|挥|往|朝|对着)(?:着|了|向|到|在)?(?:我(?!们)|我的)|把我|我身上|我(?:的)?(?:背|腿|手|头|脸|屁股)|断了|印子|伤|血/,
    unless: LAUGH,
  },
  {
    category: 'physical_abuse',
    notIn: ['fiction', 'game', 'sport', 'hypothetical'],
    pattern: anyOf('(?:脸|眼睛|眼角|嘴角|嘴巴|嘴|手臂|胳膊|后背|背上|背|腿上|腿|身上|屁股|头上|额头|手上|手)(?:上)?(?:是|都|还|又|全|有点|好)?(?:是)?(?:肿|青|紫|破了|流血|出血|淤青|瘀青|红肿|起包|起泡|肿了|(?:皮带|棍子|巴掌|鞭子|衣架)?印子|伤痕|血印|红印|伤)'),
    near: /(?:爸|妈|继父|后妈|后爸|叔|舅|爷爷|奶奶|伯|姑父|姨父|老汉|老师)[^。！？!?\n]{0,4}(?:打|揍|踢|抽|烫|掐|拧|扇|砸)(?:的|了我|我)|(?:不让|不准|不许|叫我别|让我别|让我不要|叫我不要)[^。！？!?\n]{0,6}(?:告诉|讲|说|让人看|给人看|去学校)|(?:让|叫|要)我(?:跟|对)?[^。！？!?\n]{0,6}(?:说|讲)(?:是)?(?:自己)?(?:摔|碰|磕|撞)|不好意思(?:来|去)学校|不敢(?:来|去)学校|(?:问|问起|问起来|问的话)(?:就)?(?:说|讲)(?:是)?(?:自己)?(?:摔|碰|磕|撞|不小心)/,
  },
  {
    category: unlessPrevention(() => 'bullying'),
    about: 'child',
    notIn: ['lesson', 'fiction', 'hypothetical', 'game'],
    pattern: anyOf(
      '(?<prevention>防|反|预防|防止)?(?:欺负|霸凌|欺凌)(?:了)?我(?!们)',
      '被' + C + '{0,6}?(?:欺负|霸凌|欺凌|孤立|排挤)',
      '(?:孤立|排挤)(?:了)?我(?!们)',
    ),
  },
  {
    category: unkindBy,
    notIn: ['lesson', 'fiction', 'hypothetical', 'game'],
    pattern: anyOf(
      '(?:没有|没)(?:人|同学|一个人)(?:愿意|要|想|肯|敢)?(?:跟|和|理|陪)我(?:玩|说话|一起|一组)?|不(?:跟|和|带)我(?:玩|说话|坐|一起|一组|吃饭)|都不理我',
      '(?:在)?我的?(?:课桌|桌子|书|本子|书包|椅子|衣服|作业本|墙)上' + C + '{0,4}(?:写|画|刻|涂|贴|吐)|(?:说|笑|骂)我(?:家)?(?:穷|脏|臭|丑|土)',
      '(?:防着|躲着|躲开|孤立|避开)我|故意' + C + '{0,8}(?:离我|躲|不理)',
      '谁(?:跟|和|理|同|帮)我' + C + '{0,6}(?:就)?(?:不|别|也|跟谁|和谁)',
      '(?:让|逼|要|叫)我(?:喊|叫|跪下叫|给)(?:他们|他|她们|她)?(?:爸爸|爷爷|爹|主人|老大|大哥)',
      '(?:骂|嘲笑|取笑|讽刺|侮辱|羞辱)(?:了)?我(?!们)|(?:都|总是|老是|一直|在)笑我',
      '(?:叫|喊)我' + C + '{0,4}(?:外号|绰号|难听)|给我起(?:外号|绰号)',
      '(?:叫|喊|骂|说)我(?:是)?[「“"\'《【]?(?:个|一个|小|死|大)?' + INSULT_ZH,
      '学(?:猪|狗|猴子|鸭子)叫|(?:全班|大家|他们|所有人)(?:都)?(?:在)?(?:哄笑|起哄|笑我|看我笑话)',
      '(?:抢|拿|要|收|偷)(?:走|了)?(?:了)?我(?:的)?(?:钱|零花钱|生活费|饭卡|早餐钱|东西|文具|零食|早餐|午饭)',
      '保护费|造(?:我的)?谣|(?:传|说)我(?:的)?(?:谣言|坏话)|到处(?:说|传)我',
      '(?:群|网上|空间|朋友圈|评论|抖音|快手)(?:里|上)?' + C + '{0,4}(?:骂|说|发|笑|嘲笑|挂|p)(?:了)?我|踢出(?:了)?(?:群|班群)|丑照',
      '往我(?:的)?' + C + '{0,4}(?:里|上|身上|桌子|书包|脸上|饭里|水杯|头发)' + C + '{0,4}(?:扔|泼|吐|倒|塞|抹|涂|撒)|把我(?:的)?' + C + '{0,4}(?:扔|撕|藏|弄坏|丢|剪|泼湿|倒|踩|扒|脱)',
      '被' + C + '{0,8}?(?:堵|围住|围着|勒索|敲诈)|勒索|敲诈|(?:堵|拦)(?:住)?(?:了)?我' + C + '{0,6}(?:要钱|要东西|打)',
      '(?:写|骂|叫|说|让)(?:我)?' + C + '{0,4}[“"「]?去死|(?:找|向|跟|问)我要(?:钱|零花钱|生活费)|不给(?:钱)?就(?:打|揍|踢)|拿我(?:的)?' + C + '{0,4}(?:编|开玩笑|取笑|寻开心)|(?:每天|总是|老是|经常|一直)' + C + '{0,2}(?:拍|弹|戳|揪|扯|踩)我',
    ),
  },
  {
    // left out of every group, even in a class game: 没有一组要我
    category: unkindBy,
    notIn: ['lesson', 'fiction', 'hypothetical'],
    unless: /因为我(?:的)?(?:脚|腿|手|生病|病了|请假|受伤|没来|迟到)|脚崴|受伤了|请假/,
    pattern: anyOf('没有(?:人|一组|一个组|组|队|一队|一个人|哪个组|哪组)(?:愿意|肯|想)?(?:要我|选我|跟我一组)|(?:分组|组队|选人)(?:的时候)?(?:都|总是|又)?没(?:有)?人(?:要|选|跟)我'),
  },
  {
    // a class vote for the ugliest, the fattest… and everyone voted for the writer
    category: unkindBy,
    notIn: ['lesson', 'fiction', 'hypothetical', 'game'],
    pattern: anyOf('(?:全班|大家|所有人|他们|她们|同学们)(?:都|全)?(?:投|选|评)(?:了)?(?:我|给我)'),
    near: /最丑|最胖|最笨|最臭|最脏|最讨厌|最差|最矮|最黑|最穷|猪/,
  },
  {
    category: unlessPrevention(() => 'sexual_abuse'),
    notIn: ['lesson', 'fiction'],
    pattern: anyOf('(?<prevention>防|反|预防|防止)?(?:性侵|猥亵|强奸|强暴|非礼|耍流氓|性骚扰)(?!教育|讲座|知识|课|案)'),
  },
  {
    category: touchedBy,
    notIn: ['lesson', 'fiction', 'hypothetical'],
    pattern: anyOf(
      '摸(?:了)?我(?!们|的?(?:头|额头|脸蛋|脑袋|脑门|头发|手说))',
      '(?:伸进|伸到|摸进|钻进)(?:了)?我(?:的)?(?:衣服|裤子|裙子|被子|被窝)',
      '(?:让|叫|要|逼|强迫|喊)我(?:把)?(?:衣服|裤子)?脱|脱(?:了)?我的(?:衣服|裤子)|脱光|掀(?:开)?我的(?:被子|衣服|裙子)',
      '(?:让|叫|要|逼|强迫|喊|哄)我(?:把)?' + C + '{0,6}(?:衣|裤|裙|内衣|内裤|睡衣)' + C + '{0,3}(?:脱|扒|掀|撩|解开|拉下|拉开)',
      '(?:脱|扒|撩|掀|解|拉下|扯下|拉开)(?:了|开|掉)?我(?:的)?' + C + '{0,2}(?:衣|裤|裙|被子|被窝|睡衣)',
      '(?:让|叫|要|逼|强迫)我(?:摸|碰|亲)(?:他|她|叔叔)|(?:坐|躺|趴)(?:在)?(?:他|她|叔叔|伯伯|舅舅|大叔|爷爷|姑父|二叔|三叔|小叔|继父|后爸)(?:的)?(?:腿上|身上|怀里|床上)',
      '(?:叫|让|要)我(?:帮|给)(?:他|她)' + C + '{0,2}(?:按摩|揉|捏|洗澡|搓背)(?=[^。！？!?\\n]{0,20}(?:恶心|害怕|不想|不舒服|身上|腿上|下面|不敢))',
      '(?:来|到|爬|钻|进|上|睡)(?:进|到|上)?(?:了)?我(?:的)?(?:床|被窝|被子)',
      '(?:单独|一个人)' + C + '{0,4}(?:去|到|来|留在)(?:他|她)(?:的)?(?:家|办公室|房间|宿舍|车上)|(?:把|将)门锁(?:上|了|起来)|锁上(?:了)?门',
      '(?:非要|硬要|逼我|让我|叫我|要我)(?:跟|和|陪)(?:他|她|叔叔|伯伯|舅舅|继父|后爸|姑父|姨父)(?:一起)?睡',
      '(?:把手|手)(?:放|伸|搭|摸)(?:在|到|进)我(?:的)?' + C + '{0,4}(?:腿|身上|胸|屁股|衣服|裤子|裙子|下面)|(?:看|偷看|偷拍)我(?:洗澡|换衣服|脱衣服)',
      '(?:发|要|拍)(?:我的)?(?:裸照|不穿衣服的照片|没穿衣服的照片|隐私照片|私密照)|裸照|(?:没|不)穿衣服的(?:照片|视频)|(?:黄色|色情)(?:视频|图片|照片|网站)|(?:给我|让我)看(?:黄色|那种|不好的)(?:视频|图片|片)',
      '亲(?:了)?我(?:的)?' + C + '{0,4}(?:嘴|脖子|胸)',
      '(?:扒|脱|撕|掀|解)(?:了|开)?我(?:的)?(?:衣服|裤子|裙子|内衣|内裤|扣子)',
      '(?:往|向|在)我(?:的)?(?:衣服|裤子|裙子|被子|被窝|内衣)(?:里|里面|下面)' + C + '{0,2}(?:摸|伸|钻|塞)|抱着我不放|大人的(?:游戏|事情)|成人游戏|(?:做|干)(?:那种|那个|大人的|不好的|那样的)事',
      '(?:让|叫|要|带|约)我(?:跟(?:他|她)|跟着(?:他|她)|一个人|单独)?(?:去|到|进)(?:玉米地|树林|小树林|没人的地方|宾馆|旅馆|酒店|他家|他的房间|他房间)',
      '(?:叫|喊|说)我(?:是)?(?:他的)?(?:宝贝|老婆|媳妇|小老婆|小媳妇|女朋友)|(?:长大|以后)(?:了)?(?:要|就)?娶我',
      '(?:碰|摸|亲)(?:了)?我' + C + '{0,6}(?:不该|不能|不可以|不让|隐私|私处|下面|胸|屁股|大腿|腿|身上)',
      '(?:让|叫|要|逼)我(?:摸|碰|亲|看)(?:他|她)?(?:的)?(?:下面|那里|身体|隐私|私处)|(?:给我看|让我看|露出|掏出)(?:他|她)?(?:的)?(?:下面|那里|隐私|私处|小鸡鸡|生殖器)',
      '(?:跟|和)我(?:一起)?睡(?:一张床|一个被窝|一个床|在一起)|(?:非要|硬要|总要|晚上要|老是要)(?:跟|和)我(?:一起)?睡',
      '(?:我)?洗澡(?:的时候|时)' + C + '{0,10}(?:进来|看|偷看|开门|闯进|推门|帮我洗|拍)',
      '(?:穿内衣|内衣|内裤|泳衣|没穿衣服|不穿衣服|光着身子|光身子|裸体|身体)(?:的)?(?:照片|视频|图片)|(?:那种|黄色|色情|不好的|奇怪的|脏|恶心的|大人看的)(?:的)?(?:图片|照片|视频|电影|片子)',
      '(?:让|叫|要)我(?:也)?(?:拍|发)(?:给他|给她|照片给|视频给|自己)',
      '(?:发|拍|传|给他看|给她看)' + C + '{0,6}(?:穿睡衣|睡衣|内衣|内裤|泳衣|短裙|腿|身体|胸|屁股|没穿|光着|洗澡)' + C + '{0,3}(?:的)?(?:照片|视频|图片|照|自拍)',
    ),
  },
  {
    // a kiss or a touch is ordinary affection from a mother or a grandmother, and elsewhere only counts
    // when the writer says it is unwanted, at night, secret…
    category: (m) => (CARER_ZH.test(m.src.slice(m.sentence[0], m.start)) ? null : touchedBy(m)),
    notIn: ['lesson', 'fiction', 'hypothetical'],
    pattern: anyOf(
      '(?:碰|亲)(?:了)?我(?!们)[^。！？!?\\n]{0,12}(?:不舒服|不想|害怕|怕|恶心|讨厌|不喜欢|装睡|不敢)',
      '(?:晚上|半夜|偷偷|趁|单独|总是|老是|经常|又)' + C + '{0,6}(?:碰|亲)(?:了)?我(?!们)',
    ),
  },
  {
    // coming into the writer's room at night; a hand under the covers — not the writer's own, not a carer's tucking in
    category: (m) => (/(?:我|自己)(?:就|又|先|赶紧)?(?:把)?$/.test(m.src.slice(Math.max(0, m.start - 6), m.start)) ? null : touchedByNotCare(m)),
    notIn: ['lesson', 'fiction', 'hypothetical'],
    pattern: anyOf(
      '(?:晚上|半夜|深夜|趁' + C + '{1,6})' + C + '{0,4}(?:来|进|到|闯进|溜进|摸进)(?:了)?我(?:的)?(?:房间|屋)',
      '(?:手|把手)(?:伸|摸|塞|钻|探)(?:了)?(?:进|到)(?:了)?(?:我的?)?' + C + '{0,2}(?:被子|被窝|衣服|裤子|裙子|内衣|睡衣)',
    ),
  },
  {
    // a grown-up who comes to the writer's bed at night, with a second sign (a hand, a secret, fear)
    category: touchedByNotCare,
    notIn: ['lesson', 'fiction', 'hypothetical'],
    pattern: anyOf('(?:坐|躺|睡|趴|爬|挤)(?:在|到|上)(?:了)?我(?:的)?(?:床|被窝|床边|床上|床头)'),
    nearOther: UNWANTED_ZH,
  },
  {
    // secrets and gifts; a threat to show the writer's pictures
    category: 'sexual_abuse',
    notIn: ['lesson', 'fiction', 'hypothetical'],
    unless: /惊喜|生日/,
    pattern: anyOf(
      '(?:我们(?:俩|两个)?|我和他)(?:之间)?的(?:小)?秘密',
      '(?:不让|不许|不准|叫我别|让我别|让我不要|叫我不要|不要|别|不可以|不能|不可)(?:我)?(?:告诉|跟|和|对)(?:别人|任何人|妈妈|爸爸|奶奶|爷爷|老师|你妈|家里|家人|大人)',
      '(?:让|叫|要)我(?:别|不要|不准|不许)(?:说|讲)(?:出去)?',
    ),
    near: /摸|亲|抱|睡|脱|照片|礼物|零花钱|钱|糖|买|送|按摩|单独|一个人去|网上|网友|床|被子|被窝|伸|房间|半夜|晚上/,
  },
  {
    category: 'sexual_abuse',
    notIn: ['lesson', 'fiction', 'hypothetical'],
    pattern: anyOf(
      '(?:要是|如果|不然|否则)' + C + '{0,12}(?:就)?(?:把|将)我的' + C + '{0,4}(?:照片|视频)',
    ),
  },
  {
    // pictures asked for with pressure or online: 不发就不理我了, 网上那个哥哥让我拍
    category: 'sexual_abuse',
    notIn: ['lesson', 'fiction', 'hypothetical'],
    pattern: anyOf('(?:让|叫|要|逼|哄|求)我(?:给他|给她)?(?:发|拍|传)' + C + '{0,8}(?:照片|视频|自拍|照)'),
    near: /微信|qq|网上|网友|哥哥|叔叔|不发就|不理我|秘密|删掉|别告诉|不要告诉|身体|睡衣|衣服|一个人/,
    unless: /妈妈|奶奶|老师|班主任|作业|打卡/,
  },
  {
    // an online "friend" who wants to meet alone, or wants pictures
    category: 'sexual_abuse',
    notIn: ['lesson', 'fiction', 'hypothetical'],
    pattern: anyOf('网友|网上认识|游戏里认识|网上(?:的|那个|有个|一个)' + C + '{0,3}(?:朋友|哥哥|姐姐|叔叔|男的|人)|在网上(?:认识|聊)|游戏里(?:的|那个|有个)'),
    near: /单独|一个人(?:去|来|出来)|见面|来找我|找我|来接我|照片|视频|图片|拍|不要告诉|别告诉|不要跟|酒店|宾馆|开房|地址|身体|衣服/,
  },
];

const HIT_EN = '(?:slam(?:s|med|ming)?|hit|hits|hitting|(?:beat|beats|beating)(?!\\s+(?:me|us)\\s+(?:at (?:chess|cards|\\w*ball|tennis|games?|running|racing|maths?|arm wrestling|ping ?pong|badminton|it|everything|sports?)|in (?:a |the )?(?:race|game|match|chess|test|exam|running|swimming))\\b)|kick(?:s|ed|ing)?|slap(?:s|ped|ping)?|punch(?:es|ed|ing)?|whip(?:s|ped)?|chok(?:e|es|ed|ing)|burn(?:s|ed|t)?|smack(?:s|ed)?|spank(?:s|ed)?|push(?:es|ed)?|shove(?:s|d)?|pinch(?:es|ed)?|hurt(?:s)?|twist(?:s|ed)?)';
const BODY_EN = '(?:me|us|my (?:arms?|face|head|back|ears?|neck|legs?|hands?|hair|fingers?|feet|foot|skin|stomach|chest|mouth|lips?|throat))(?!\\s+(?:to|into trying)\\b)';
const THING_EN = /\b(?:words?|comments?|ball|car|bike|news|letter|story|accident|door|branch|wind)\b/;

export const HARM_EN: Rule[] = [
  {
    category: (m) => (m.groups.thing ? null : hurtBy(m)),
    notIn: ['fiction', 'hypothetical'],
    pattern: anyOf(
      `(?<thing>\\b(?:it|that|this|reality|ball|wave|idea|thought)\\s+)?\\b${HIT_EN}\\s+${BODY_EN}\\b`,
      `\\b(?:throws?|threw|throwing)\\s+(?:\\S+\\s+){0,3}at (?:me|my (?:head|face|back|legs?|arms?))\\b`,
      `\\bbeaten\\b|\\bbeat(?:s)? me up\\b|\\b(?:got|get|gets) (?:a )?beat(?:ing|en)\\b`,
      `\\b(?:lock|locks|locked|locking)\\s+me\\s+(?:in|out|up|outside|inside)\\b`,
      `\\bwith (?:a|his|her|the) (?:belt|stick|rod|hanger|shoe|slipper|cane|wire|broom|pan)\\b|\\b(?:burn(?:s|ed|t)?|hit|hits|beat|beats)\\s+me\\s+with\\s+(?:a|his|her|the)\\b`,
      `\\bbruises? (?:on|all over) my\\b|\\bcovered in bruises\\b|\\b(?:bruises?|marks|scars|burns)\\b[^.!?\\n]{0,20}\\bfrom (?:my |his |her )?(?:dad|father|mum|mom|mother|uncle|aunt|stepdad|stepmom|stepfather|stepmother|grandpa|grandma|teacher|boss)\\b`,
      `\\b(?:drag(?:s|ged)?|pull(?:s|ed)?|grab(?:s|bed)?|yank(?:s|ed)?)\\s+me\\s+by\\s+(?:my|the)\\s+(?:hair|ears?|arm|neck|collar)\\b|\\b(?:threw|throws|throw|pushed|pushes|shoved)\\s+me\\s+(?:on|onto|into|against|to|down|out)\\b`,
      `\\b(?:break|breaks|broke|breaking)\\s+my\\s+(?:legs?|arms?|hands?|fingers?|bones?|neck|nose)\\b|\\b(?:choke|choked|chokes|strangled?)\\s+me\\b`,
      `\\bmade me (?:stand|sleep|stay|wait|kneel|sit)\\b[^.!?\\n]{0,30}\\b(?:outside|rain|snow|cold|all night|for hours|hours|without food)\\b|\\bas (?:a )?punishment\\b`,
      `\\b(?:get|got|gets|getting|being)\\s+(?:pushed|shoved|hit|kicked|punched|beaten up|slapped|tripped|spat on)\\b(?!\\s+(?:by|in (?:the |a )?(?:game|match|face by)))`,
      `\\b(?:pour(?:s|ed)?|throw(?:s)?|threw|splash(?:es|ed)?)\\s+(?:\\w+\\s+){0,2}water\\s+(?:on|over|at)\\s+me\\b|\\b(?:trap|traps|trapped)\\s+me\\s+in\\b`,
      `\\bthreaten(?:s|ed)? to (?:kill|beat|hurt|hit) me\\b|\\bkill you\\b|\\b(?:said|says) (?:he|she|they)${APOS}(?:ll| will| would) (?:kill|beat) me\\b(?!\\s+(?:at|in|to)\\b)`,
      `\\b(?:held|holds|hold|holding|pushed|pushes|push|put|puts|forced|shoved|shoves) my (?:head|face) (?:under|in|into) (?:the |a )?(?:water|bucket|toilet|sink|bath|basin|river|pond|tub)\\b|\\b(?:held|holds|hold|holding|pushed|pushes|push|forced|shoved|shoves) my (?:head|face) (?:down (?:on|in|into)|against (?:the|a) (?:wall|floor|table|door))\\b|\\bused (?:the|a|his|her) (?:belt|stick|hanger|cane|whip|slipper|wire|rod|shoe|broom)\\b(?!\\s+to\\b)`,
      `\\b(?:ties?|tied|tying|chains?|chained) me (?:to (?:the |a |my |his |her )?(?:bed|chair|tree|post|pole|table|door|bedpost|pipe|radiator)|up)\\b(?![^.!?\\n]{0,30}\\b(?:safety|climb\\w*|game|play\\w*|costume)\\b)|\\b(?:grab|grabs|grabbed|squeeze|squeezes|squeezed|press(?:es|ed)?) (?:me by )?my (?:neck|throat)\\b`,
      `\\b(?:pull|pulls|pulled|yank|yanks|yanked) (?:out )?my hair\\b(?! out\\b)`,
    ),
  },
  {
    // "he said next time he will kill me": a threat told in fear — not "my mom will kill me if she sees my room haha"
    category: (m) => (LAUGH.test(m.around(60)) || (/^\s+(?:if|when)\b/.test(m.src.slice(m.end, m.end + 6)) && !THREAT_MEANT.en.test(m.around(60))) ? null : hurtBy(m)),
    notIn: ['fiction', 'hypothetical', 'game'],
    pattern: anyOf(`\\b(?:he|she|they|dad|daddy|father|mum|mom|mother|stepdad|stepfather|stepmom|stepmother|uncle|aunt|grandpa|grandma)\\b[^.!?\\n]{0,25}\\b(?:will|${APOS}ll|would|gonna|going to) (?:kill|beat|hurt|break|burn|strangle|drown) (?:me|my)\\b(?!\\s+(?:at|in|to|record|score)\\b)`),
  },
  {
    // passive: "got pushed into the pond by classmates"
    category: (m) => (THING_EN.test(m.groups.actor ?? '') ? null : hurtBy(m)),
    notIn: ['fiction', 'hypothetical'],
    pattern: anyOf(
      `\\b(?:got|get|gets|was|were|been|being|am|is)\\s+(?:pushed|hit|kicked|punched|beaten|slapped|tripped|shoved|locked|thrown|burned|bitten|hurt|attacked)\\b[^.!?\\n]{0,30}?\\bby\\s+(?<actor>(?:\\S+\\s+){0,2}\\S+)`,
    ),
  },
  {
    category: 'physical_abuse',
    notIn: ['fiction', 'game'],
    pattern: anyOf(
      `\\bwhen (?:he|she|dad|my dad|my father|father)(?:${APOS}s| is| gets| was| got)? drunk\\b|\\bdrinks? and (?:hits|beats|breaks)\\b`,
      `\\b(?:dad|father|stepdad|stepfather|he)\\s+(?:hits|hit|beats|beat|hurts|hurt|kicks|kicked)\\s+(?:my\\s+)?(?:mum|mom|mother|grandma)\\b`,
      `\\bmade me kneel\\b|\\bkneel (?:for|all)\\b`,
      `\\b(?:scared|afraid|terrified|frightened) (?:to go|of going) home\\b(?![^.!?\\n]{0,30}\\b(?:lol|haha|jk)\\b)`,
      `\\b(?:lock|locks|locked|locking)\\s+me\\s+in\\s+(?:the|a|my|his|her)\\s+(?:room|shed|bathroom|toilet|closet|cupboard|basement|house|barn)\\b|\\bwithout (?:food|dinner|eating)\\b[^.!?\\n]{0,20}\\bpunish`,
    ),
  },
  {
    category: unkindBy,
    about: 'child',
    notIn: ['lesson', 'fiction', 'hypothetical'],
    pattern: anyOf(
      `\\b(?:i${APOS}m|i am|i was|i get|i got|i${APOS}ve been|being|been|get|got|was|am)\\s+(?:\\w+\\s+)?bullied\\b`,
      `\\bbull(?:y|ies|ied|ying)\\s+me\\b|\\bthe bullies\\b`,
    ),
  },
  {
    category: unkindBy,
    notIn: ['lesson', 'fiction', 'hypothetical', 'game'],
    pattern: anyOf(
      `\\b(?:laugh(?:s|ed|ing)? at|make(?:s)? fun of|made fun of|making fun of|mock(?:s|ed|ing)?|tease(?:s|d)?|teasing|insult(?:s|ed|ing)?|spit(?:s)? on|trip(?:s|ped)?|ignore(?:s|d)?|exclude(?:s|d)?|avoid(?:s|ed|ing)?)\\s+(?:me|my (?:clothes|hair|face|accent|shoes|family|body|name|voice|skin))\\b`,
      `\\b(?:say|said|says|tell everyone) (?:that )?i (?:smell|stink|am (?:ugly|fat|stupid|poor|dirty|a \\w+))\\b|\\bposted (?:my|a|an ugly) (?:photo|picture|video)s?\\b`,
      `\\bcall(?:s|ed|ing)? me (?:names|ugly|fat|stupid|poor|dumb|weird|dirty|smelly|(?:a |an )?(?:pig|dog|loser|freak|monster|thief|liar|idiot|beggar|orphan|bumpkin|retard|slut|bitch|weirdo|rat))\\b`,
      `\\b(?:wrote|write|writes|call|calls|called|calling|shout(?:s|ed)?)\\b[^.!?\\n]{0,25}["“'‘](?:loser|ugly|fat|stupid|pig|dog|idiot|freak|smelly|dumb|weirdo|bumpkin|country (?:dog|girl|boy)|thief)\\b`,
      `\\b(?:take|takes|took|taking|steal|steals|stole|stealing|grab(?:s|bed)?)\\s+my\\s+(?:\\w+ money|money|lunch(?: money)?|food|pocket money|things|stuff|bag|books?|phone|shoes|snacks|homework|pens?)\\b`,
      `\\bpull\\w* (?:away )?my chair\\b|\\b(?:song|joke|video|meme|post|picture|photo|drawing)s? about (?:me|how (?:ugly|fat|stupid|poor|dirty|weird))\\b|\\bhow (?:ugly|fat|stupid|poor|dirty|smelly|weird) i am\\b|\\b(?:tell|tells|telling|told) me to (?:kill myself|die|go die|disappear)\\b`,
      `\\b(?:tore|tear|tears|ripped|rip|rips|broke|break|breaks|hide|hid|hides|threw|throw|throws|cut|cuts|ruin(?:s|ed)?|soak(?:s|ed)?)\\s+my\\s+(?:homework|books?|things|bag|notebooks?|clothes|stuff|shoes)\\b`,
      `\\b(?:no ?one|nobody)\\s+(?:wants to\\s+|will\\s+)?(?:plays?|talks?|sits?|sat|eats?|hangs? out)\\s+(?:with|to|next to|near|beside)\\s+me\\b(?![^.!?\\n]{0,50}\\b(?:sick|absent|away|ill|holiday)\\b)`,
      `\\b(?:won${APOS}t|don${APOS}t|do not|will not|never)\\s+(?:let me (?:play|sit|join)|play with me|talk to me|sit with me)\\b`,
      `\\bleft out\\b|\\brumou?rs? about me\\b|\\bspread(?:s|ing)? (?:a |the )?(?:lies|rumou?rs?|stories)\\b`,
      `\\b(?:mean|bad|ugly|nasty|horrible) (?:things|words|comments|messages|notes|photos?|pictures?)(?: (?:about|of) me)?\\b|\\bfake account\\b`,
      `\\bif i tell(?: anyone)?,? (?:they|he|she)(?:${APOS}ll| will| would)\\b|\\bfilmed (?:it|me)\\b`,
      `\\b(?:group chat|chat group|group|party|team|table|picnic|photo)s? without me\\b(?![^.!?\\n]{0,50}\\b(?:at first|but now|by mistake|forgot|didn${APOS}t have|no phone)\\b)|\\b(?:post|posted|posts|share|shared|shares|send|sent|sends|forward\\w*)\\b[^.!?\\n]{0,25}\\b(?:screenshots?|photos?|pictures?|videos?|messages?) of (?:me|my)\\b[^.!?\\n]{0,25}\\b(?:laugh|joke|fun|mock)\\w*`,
      `\\b(?:put|puts|posted|posts|shared|shares|sent|sends)\\b[^.!?\\n]{0,10}\\bmy (?:photo|picture|pic|video|face)\\b[^.!?\\n]{0,30}\\b(?:chat|group|online|internet|wechat|qq|everyone)\\b|\\b(?:make|makes|made|force|forces|forced) me (?:give|hand over|pay)\\b|\\b(?:write|writes|wrote|written|draw|draws|drew|carve\\w*|scribble\\w*)\\b(?![^.!?\\n]{0,30}\\b(?:good luck|happy birthday|thank|nice|sweet|kind|love|congrat\\w*|well done)\\b)[^.!?\\n]{0,30}\\bon my (?:desk|chair|locker|books?|bag|notebook|shirt|back|seat)\\b`,
    ),
  },
  {
    category: touchedBy,
    notIn: ['lesson', 'fiction', 'hypothetical'],
    pattern: anyOf(
      `\\b(?:touch(?:es|ed|ing)?|feel(?:s)?|grab(?:s|bed)?|rub(?:s|bed)?|stroke(?:s|d)?)\\s+(?:me\\s+)?(?:on\\s+)?(?:my\\s+)?(?:body|private|privates|chest|breasts?|bum|butt|bottom|thighs?|legs?|knees?|waist|down there|under my)\\b`,
      `\\bprivate (?:parts|places|areas?|body parts)\\b`,
      `\\b(?:made|make|makes|asked|asks|asking|told|tells|wants|wanted|try|tries|tried)\\s+me\\s+(?:to\\s+)?(?:take off|undress|remove my|show (?:him|her) (?:my|under|what|down)|touch (?:him|his|her)|kiss (?:him|her)|sleep (?:with|in) (?:him|his|her))\\b`,
      `\\b(?:comes?|came|coming|gets?|got|climbs?|climbed)\\s+(?:into|in|to)\\s+my\\s+(?:bed|blanket|room at night)\\b|\\bmeet (?:me|up) (?:somewhere )?alone\\b|\\bsleep in (?:his|her|the same) bed\\b`,
      `\\b(?:naked|nude|sexy) (?:photos?|pictures?|pics?|videos?)\\b|\\b(?:photos?|pictures?|pics?|videos?|selfies?) (?:of me |of myself )?(?:without (?:my |any )?clothes|naked|in my underwear)\\b`,
      `\\bdid (?:things|stuff|bad things|something) to me\\b|\\b(?:does|did|doing|do) (?:things|stuff) (?:that )?i (?:do not|don${APOS}t|didn${APOS}t|did not) like\\b|\\bsitting on his lap\\b|\\bsit on his lap\\b`,
      `\\b(?:sleeps?|slept|sleeping|lies|lay|lying) (?:in|on) my bed\\b|\\b(?:sit|sits|sat|lie|lay|sleep) (?:on|in) (?:his|her) (?:bed|lap)\\b|\\bsays i${APOS}?m (?:special|his|mature|beautiful|sexy)\\b`,
      `\\b(?:puts?|putting|rubs?|rubbed|rubbing|slid|slides?|moves?|moved|keeps?|kept) (?:his|her) hands? (?:on|in|under|up|inside|down|between) my\\b`,
      `\\b(?:makes?|made|forces?|forced|gets?|got) me (?:to )?do (?:things|stuff|it|bad things|that|something) (?:to|with|for) (?:him|her)\\b|\\b(?:hands?|touch\\w*|rub\\w*|feel\\w*|reach\\w*|stroke\\w*)\\b[^.!?\\n]{0,20}\\bunder my (?:shirt|clothes|skirt|top|dress|blanket|pants|underwear)\\b|\\b(?:go|come|meet|take me)\\b[^.!?\\n]{0,20}\\bhotel\\b`,
      `\\b(?:films?|filmed|filming|records?|recorded|recording|watch(?:es|ed)?|spies on|spied on|peeks? at|peeked at)\\s+me\\b[^.!?\\n]{0,30}\\b(?:change|changing|shower\\w*|bath\\w*|undress\\w*|naked|clothes)\\b`,
      `\\b(?:took|takes|taking|take|film(?:s|ed)?|record(?:s|ed)?)\\s+(?:photos?\\s+|pictures?\\s+|pics\\s+|videos?\\s+)?of me\\b[^.!?\\n]{0,25}\\b(?:shower|bath|naked|changing|undress\\w*|underwear|toilet|bed)\\b`,
      `\\b(?:pull(?:s|ed)?|take|took|takes|yank\\w*|rip\\w*|tore) (?:down |off )?my (?:pants|trousers|shorts|skirt|underwear|clothes|shirt|top)\\b|\\b(?:come|go|visit) (?:to )?(?:his|her) (?:house|home|room|flat|apartment|car|office) alone\\b`,
      `\\bcalls? me (?:his|her) (?:girlfriend|wife|baby|princess|little wife)\\b|\\b(?:wants|wanted) (?:me )?to be (?:his|my) (?:girlfriend|wife|boyfriend)\\b`,
      `\\b(?:asks?|asked|asking|tells?|told|makes?|made)\\s+me\\s+to\\s+(?:come in|come inside|go inside|come into his)\\b[^.!?\\n]{0,25}\\b(?:close|lock|shut)\\b`,
      `\\b(?:comes?|came|coming|walks?|walked|opens?|opened) (?:in|into|the door)\\b[^.!?\\n]{0,30}\\b(?:shower|showering|bath|bathing|bathroom|changing|naked|undressed)\\b[^.!?\\n]{0,20}\\b(?:when|while) i${APOS}?m\\b|\\b(?:comes?|came|coming|walks?|walked|opens?|opened) (?:in|into|the door)\\b[^.!?\\n]{0,30}\\b(?:shower|showering|bath|bathing|changing|naked|undressed)\\b|\\bwatch(?:es|ed)? me (?:shower|bathe|change|undress)\\b`,
      `\\b(?:pictures?|photos?|pics|videos?|selfies?) of (?:my|your) (?:body|chest|privates?|private parts|legs|bum)\\b|\\b(?:pics|pictures|photos|videos) (?:without|with no) (?:my |any |a )?(?:clothes|shirt|top|pants|bra|underwear)\\b|\\bnudes\\b`,
      `\\b(?:doing|having|do|have) sex\\b|\\b(?:asked|asks|wants?|wanted|made|makes|tried|tries|told) me to (?:do (?:it|that|this|things)|have sex|touch (?:it|him|her))\\b|\\bmature for (?:my|your) age\\b`,
      `\\b(?:shows?|showed|sends?|sent|showing|sending) me (?:\\S+ ){0,2}(?:dirty|adult|sex|porn\\w*|naughty|naked) (?:videos?|pictures?|photos?|movies?|films?|pics)\\b`,
      `\\b(?:videos?|pictures?|photos?|pics|movies?) of (?:\\S+ ){0,2}(?:with no clothes|without clothes|naked)\\b|\\b(?:made|make|makes) me (?:watch|look at)\\b[^.!?\\n]{0,40}\\b(?:clothes|naked|sex|private)\\b`,
      `\\b(?:rape|raped|molest(?:ed|s|ing)?|sexual(?:ly)? (?:abused?|touch(?:ed)?|assault(?:ed)?)|harass(?:ed|es|ing)? me)\\b(?!\\s+(?:prevention|awareness|education|lesson|class|talk|week))`,
    ),
  },
  {
    // "touched me" is often about a letter or a story; from a person it counts, as does an unwanted kiss
    category: (m) => (m.groups.thing ? null : touchedBy(m)),
    notIn: ['lesson', 'fiction', 'hypothetical'],
    pattern: anyOf(
      `(?<thing>\\b(?:words?|letters?|story|song|speech|kindness|gift|message|movie|film|book|it|this|that|poem|card|video)\\s+(?:really\\s+|deeply\\s+|so\\s+|also\\s+)?)?\\b(?:touch(?:es|ed|ing)?|kiss(?:es|ed|ing)?)\\s+me\\b(?!\\s+(?:deeply|so much|a lot|very much|to tears))`,
    ),
  },
  {
    category: 'sexual_abuse',
    notIn: ['lesson', 'fiction', 'hypothetical'],
    pattern: anyOf(
      `\\b(?:our|a special|a little) (?:little |special )?secret\\b|\\bkeep (?:it|this) (?:a )?secret\\b`,
      `\\b(?:don${APOS}t|do not|never|not to|to not) tell (?:anyone|anybody|your (?:mum|mom|parents|grandma|grandpa|teacher|family)|parents|my (?:mum|mom|parents|family|grandma))\\b|\\b(?:not to|to not) tell\\b`,
    ),
    near: /\b(?:touch\w*|kiss\w*|hug\w*|rub\w*|strok\w*|hands?|lap|shirt|sleep|bed|undress\w*|clothes|photos?|pictures?|gifts?|presents?|money|candy|sweets|snacks|toys?|phone|bought|buys|gave me|gives me|online|meet|alone|his (?:house|home|room|car))\b/,
  },
  {
    // pictures asked for at night, in secret or from the bedroom, by a grown-up
    category: touchedBy,
    notIn: ['lesson', 'fiction', 'hypothetical'],
    pattern: anyOf(`\\b(?:send|sent|sends|sending|take|took)\\b[^.!?\\n]{0,20}\\b(?:photos?|pictures?|pics|videos?|selfies?)\\b`),
    near: /\b(?:at night|special|secret|bedroom|bed|don['’]?t tell|dont tell|delete|alone|body|wearing|pretty|sexy)\b/,
    unless: /\b(?:homework|project|assignment|class photo|for the school|grandma|mum|mom|mother|my (?:dad|father)|sponsor|you)\b/,
  },
  {
    // "if I tell, nobody will believe me" — said by the one who does it; night or touching makes it sexual
    category: (m) => (m.nearbyHas(/\b(?:night|bed|touch\w*|clothes|shirt|naked|kiss\w*|room)\b/) ? 'sexual_abuse' : 'physical_abuse'),
    notIn: ['lesson', 'fiction', 'hypothetical'],
    pattern: anyOf(`\\b(?:nobody|no one|no-one) (?:will|would|is going to) believe (?:me|you)\\b|\\bwhat (?:he|she) does (?:to me|at night)\\b`),
    near: /\b(?:if (?:i|you) tell|he said|she said|told me|says|at night|to me)\b/,
  },
  {
    // no clothes, with a camera or a call nearby
    category: 'sexual_abuse',
    notIn: ['lesson', 'fiction', 'hypothetical'],
    pattern: anyOf(`\\b(?:without (?:my |any |your )?(?:clothes|shirt|top|pants)|with no clothes|naked|nude)\\b`),
    near: /\b(?:video|call|photos?|pics?|pictures?|cam|camera|send|show|film\w*)\b/,
  },
  {
    category: 'sexual_abuse',
    notIn: ['lesson', 'fiction', 'hypothetical'],
    pattern: anyOf(`\\bmet (?:\\w+ ){0,2}(?:on|in|through) (?:a |an |the )?(?:game|app|internet|online|qq|wechat|chat|tiktok|douyin|kuaishou|discord|instagram)\\b|\\b(?:online|internet|game|net) friend\\b|\\b(?:friend|man|guy|person|someone|uncle|boy|player) (?:on|from|in) (?:a |the )?(?:game|app|internet|online|qq|wechat|chat)\\b|\\bmet (?:him|her|online)\\b|\\b(?:i )?met (?:\\S+ ){0,2}online\\b`),
    near: /\b(?:meet|alone|hotel|pictures?|photos?|pics|video|body|don['’]?t tell|secret|find me|where i live|address|his (?:house|home|room|car|city|town)|take the (?:bus|train)|come to|loves? me|love you|gifts?)\b/,
  },
];
