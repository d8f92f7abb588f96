import { screenText } from './index';
import { type ScreeningCategory } from './types';

/**
 * Each category in simplified Chinese, traditional Chinese and English, with the exact passage the
 * writer is shown; then the look-alikes of each category, which must pass.
 */
type Case = [text: string, excerpt: string];

const HELD: Record<ScreeningCategory, { hans: Case[]; hant: Case[]; en: Case[] }> = {
  phone: {
    hans: [
      ['我的手机号：186-2345-6789，有事打给我。', '186-2345-6789'],
      ['我哥让我写他的号码：yao ba liu, ling jiu san qi, si si qi yi。', 'yao ba liu, ling jiu san qi, si si qi yi'],
      ['手机：139 八八六六 五五四四', '139 八八六六 五五四四'],
      ['我用我妈的手机给您留个号码：15🍀83🍀96🍀20🍀471', '15🍀83🍀96🍀20🍀471'],
    ],
    hant: [
      ['我的手提電話是 9786 2315，前面要加 852', '9786 2315'],
      ['我用大寫數字寫給你：壹參玖 零柒陸參 貳捌伍壹，這是我的號碼。', '壹參玖 零柒陸參 貳捌伍壹'],
      ['我家裡電話是 (02) 2736-8195', '(02) 2736-8195'],
    ],
    en: [
      ['Our home phone in Toronto is 416 - five five five - 0 1 9 8.', '416 - five five five - 0 1 9 8'],
      ['If you ever want to hear a friendly voice: 1 3 8 🌸 5 5 2 1 🌸 0 9 6 3', '1 3 8 🌸 5 5 2 1 🌸 0 9 6 3'],
      ['My mobile is +44 7700 900412.', '+44 7700 900412'],
      ['Here is a puzzle: my mobile starts with 137, then my birthday.', '137'],
    ],
  },
  social_id: {
    hans: [
      ['我的抖音号是 xiaomei_2010', '抖音号是 xiaomei_2010'],
      ['我在快手上叫“甘肃放羊娃阿强”，发了好多羊的视频。', '快手上叫“甘肃放羊娃阿强”'],
      ['对了，我的薇信是 lin-jianguo1975。', '薇信是 lin-jianguo1975'],
      ['我的 V 信：z h a n g _ m i n g 8 8', 'V 信：z h a n g _ m i n g 8 8'],
      ['我的扣扣是 2876 5431 9', '扣扣是 2876 5431 9'],
    ],
    hant: [
      ['我的 LINE ID：chenyc_0808，你以後有手機的話也許用得到。', 'LINE ID：chenyc_0808'],
      ['我開了一個微博，名字叫「雲南小茶花」。', '微博，名字叫「雲南小茶花」'],
    ],
    en: [
      ['my IG is @lily.draws', 'IG is @lily.draws'],
      ['If you search "Uncle Tom in Perth" on Douyin you\'ll find me.', 'search "Uncle Tom in Perth" on Douyin'],
      ['I chat in Discord, my username is pixelpanda#4421.', 'Discord, my username is pixelpanda#4421'],
      ['Telegram: @owen_wales', 'Telegram: @owen_wales'],
    ],
  },
  email: {
    hans: [
      ['我的邮箱 lihua2010@163.com', 'lihua2010@163.com'],
      ['我的邮箱：chen.hai.tao（艾特）outlook（点）com', 'chen.hai.tao（艾特）outlook（点）com'],
      ['我的邮箱是 zhangwei2010 圈a 163 点 com', 'zhangwei2010 圈a 163 点 com'],
    ],
    hant: [
      ['我的電郵：tonyho _ 1962 @ hotmail . com（實際上沒有空格）。', 'tonyho _ 1962 @ hotmail . com'],
      ['把這串字倒過來讀：moc.liamg@8891iewgnil', 'moc.liamg@8891iewgnil'],
    ],
    en: [
      ['Mine is tom dot walker at outlook dot com.', 'tom dot walker at outlook dot com'],
      ['My address is j a m e s . k @ y a h o o . co . uk (without the spaces).', 'j a m e s . k @ y a h o o . co . uk'],
      ['It is mei_ling2009 [at] qq [dot] com.', 'mei_ling2009 [at] qq [dot] com'],
    ],
  },
  url: {
    hans: [
      ['网址是 www点xiaoyu点cn', 'www点xiaoyu点cn'],
      ['链接是 b23.tv/aK9xQ2，您点开就能看。', 'b23.tv/aK9xQ2'],
    ],
    hant: [['我在這個網站學英語：www 點 eng-kids 點 cn', 'www 點 eng-kids 點 cn']],
    en: [
      ['Read it at tinyurl dot com / grandpa-owen-stories.', 'tinyurl dot com / grandpa-owen-stories'],
      ['Here it is: drive.google.com/drive/folders/1Xb7kLmQ2pRtZ', 'drive.google.com/drive/folders/1Xb7kLmQ2pRtZ'],
    ],
  },
  address: {
    hans: [
      ['我家住在成都市武侯区幸福路88号', '成都市武侯区幸福路88号'],
      ['我们家在大坪村五组，进村第三户就是。', '我们家在大坪村五组'],
      ['我住在深 圳 南 山 蛇 口，海 月 花 园 二 期 5 栋 18 楼', '海 月 花 园 二 期 5 栋 18 楼'],
    ],
    hant: [
      ['我家的地址是四川省涼山州越西縣新民鎮大花村四組。', '四川省涼山州越西縣新民鎮大花村四組'],
      ['我住在九龍旺角通菜街118號7樓C室', '九龍旺角通菜街118號'],
    ],
    en: [
      ['I live at 221B Baker Street.', '221B Baker Street'],
      ['wo jia zai Huanglian xiang, Shiban cun, si she.', 'Huanglian xiang, Shiban cun, si she'],
      ['I live at Blk 214 Bedok North St 1, #08-112.', '#08-112'],
    ],
  },
  school: {
    hans: [
      ['我在凉山州西昌市第二中学读初二', '凉山州西昌市第二中学'],
      ['我考上岷县一中了！', '岷县一中'],
      ['我 在 文 县 第 三 中 学 八 年 级 二 班', '文 县 第 三 中 学'],
    ],
    hant: [
      ['我在「鎮雄縣以勒中學」讀初一。', '鎮雄縣以勒中學'],
      ['讀台中市立文華國中七年級', '台中市立文華國中'],
    ],
    en: [
      ['I am in Grade 8 at Jinping No. 3 Middle School.', 'Jinping No. 3 Middle School'],
      ['wo zai Liangshan Minzu Zhongxue du gao yi.', 'Liangshan Minzu Zhongxue'],
      ['My school is "Er Zhong" of Zhenxiong county.', 'Er Zhong'],
    ],
  },
  id_number: {
    hans: [
      ['我的身份证号码是510123200805061234', '510123200805061234'],
      ['我的学号是 2023081742', '2023081742'],
    ],
    hant: [
      ['像我的是 Y482916(3)，括號裡的是檢查碼。', 'Y482916(3)'],
      ['舊的護照號碼 K08713562 用了十年', 'K08713562'],
    ],
    en: [
      ['My passport number is E12345678', 'E12345678'],
      ['My student ID is 2021030417, it is also my library number.', '2021030417'],
    ],
  },
  bank_card: {
    hans: [
      ['我的银行卡号：6222 0202 0000 1234 567', '6222 0202 0000 1234 567'],
      ['我爸让我写他的卡号，我用拼音写：liu er er ba, si ba ling qi, er liu wu san, jiu yi ling er, san san jiu', 'liu er er ba, si ba ling qi, er liu wu san, jiu yi ling er, san san jiu'],
    ],
    hant: [['用我爸的卡號練習：陸貳貳捌 肆捌零參 柒壹伍貳 參玖零陸 捌壹柒。', '陸貳貳捌 肆捌零參 柒壹伍貳 參玖零陸 捌壹柒']],
    en: [
      ['IBAN GB29 NWBK 6016 1331 9268 19', 'GB29 NWBK 6016 1331 9268 19'],
      ['Card number six two two eight, four eight one zero, three three nine seven, two two one six, four zero.', 'six two two eight, four eight one zero, three three nine seven, two two one six, four zero'],
    ],
  },
  personal_request: {
    hans: [
      ['你家具体住在哪个村呀？', '住在哪'],
      ['能把你家的地址告诉我吗？', '地址'],
      ['你在哪个学校读书呀？几年级几班？', '哪个学校'],
      ['你有QQ吗？', 'QQ'],
    ],
    hant: [
      ['你們村叫什麼名字？', '村叫什麼'],
      ['你爸爸媽媽在廣東哪裡工作？', '你爸爸媽媽在廣東哪裡工作'],
    ],
    en: [
      ['Which village exactly do you live in?', 'Which village'],
      ['Could you tell me your full name, family name and all?', 'your full name'],
      ["What's her phone number? Just write it in your next letter.", 'her phone number'],
    ],
  },
  private_channel: {
    hans: [
      ['以后我们用微信联系吧', '微信'],
      ['有些话在这里不方便说，我们换个地方聊吧。', '在这里不方便'],
      ['下次有事直接私信我吧。', '私信我'],
    ],
    hant: [
      ['我們找個時間視訊吧', '視訊'],
      ['不如我們用 WhatsApp 聊吧', 'WhatsApp'],
    ],
    en: [
      ['Maybe we could video-call sometime?', 'video-call'],
      ['It would be so much easier if we could just chat on WeChat instead.', 'WeChat'],
      ['Shall we switch to email instead?', 'switch to email'],
    ],
  },
  secrecy: {
    hans: [
      ['这件事你别跟社工说', '别跟社工说'],
      ['看完这封信就删掉吧', '看完这封信就删'],
      ['这是我们之间的小秘密哦', '我们之间的小秘密'],
    ],
    hant: [
      ['這件事只有我們兩個知道好不好？', '只有我們兩個知道'],
      ['不想讓基金會知道', '不想讓基金會知道'],
    ],
    en: [
      ['Please keep this between you and me.', 'between you and me'],
      ["Don't tell the NGO I said that.", "Don't tell the NGO"],
      ['It will be our little secret.', 'our little secret'],
    ],
  },
  meeting: {
    hans: [
      ['暑假来上海吧，住我家', '住我家'],
      ['周末我带你去动物园', '带你去'],
      ['这周六早上九点，我在你们学校门口等你。', '在你们学校门口等你'],
    ],
    hant: [
      ['我們可以見一面嗎？', '見一面'],
      ['我可以過去接你出來玩幾天', '去接你出來玩'],
    ],
    en: [
      ["I'll wait for you at the school gate after classes.", 'wait for you at'],
      ['Maybe we could pick you up for the day.', 'pick you up'],
      ['Can we meet there? Even 10 minutes is ok.', 'Can we meet'],
    ],
  },
  money: {
    hans: [
      ['过年我给你发个红包', '给你发个红包'],
      ['您能不能先转给我们一点？', '转给我们'],
      ['我买了直接寄到你家，不用经过基金会。', '我买了直接寄到你家，不用经过基金会。'],
    ],
    hant: [
      ['您可以借我一點錢嗎？', '借我一點錢'],
      ['我就送你一台筆記型電腦當作獎勵', '送你一台筆記型電腦'],
    ],
    en: [
      ['Can you lend us 2000 yuan?', 'lend us'],
      ["I'll post it straight to your home.", 'post it straight to your home'],
      ["I've slipped 200 yuan in cash into the card.", 'slipped 200 yuan'],
    ],
  },
};

/** Look-alikes of each category: they resemble it on the surface and must pass. */
const LOOK_ALIKES: Record<ScreeningCategory, string[]> = {
  phone: ['数学考了138分（满分150），年级第13名', '我最近换了新手机，华为Mate 60', '我们宿舍是304，住了8个人', 'I called my mum last night at 6:30', 'My race bib number was 10482', 'My lottery ticket was 0382 9915 4470 — no luck!'],
  social_id: ['我们班主任建了一个家长微信群', '我在B站看了一个讲火箭发射的视频', 'My mum has discovered Douyin and sends me videos', '我的好朋友叫小雪', 'My son lives in Canada, so we chat on WeChat every Sunday.', '我最喜欢的B站UP主叫“老师好我叫何同学”'],
  email: ['明天早上8.30我们集合去春游', '老师教我们发电子邮件', '我知道「@」這個符號叫小老鼠', 'He says "I want to eat dot com" haha.', 'I spend my whole day answering emails at work.'],
  url: ['我在国家中小学智慧教育平台上看物理课', '学习机是3.0版本的', 'pi is 3.14, e.g. in circles', 'We learned a.m. and p.m. today', 'I read it on Wikipedia.'],
  address: ['我家在四川凉山', '我们村今年修了一条新的水泥路', '我们学校的图书馆在三楼', '我们班在3号楼2楼', 'I live in the school dormitory, room 302 on the 3rd floor.', 'Our village has a new road now!'],
  school: ['北大清华不是唯一的路', '我以后想考清华大学', '我们学校是一所希望小学', '我考上了县里的高中', 'I want to go to Tsinghua University, it is my dream!', 'Our county middle school has a new basketball court.', 'My sister goes to a Hope School.'],
  id_number: ['我的生日是2010年3月15号', '车票上写着05车12F', '我今天去戶政事務所換新的身分證', 'We took the train G1372 from Shanghai to Kunming', 'This month I read 1000 pages!'],
  bank_card: ['县里的银行门口有个ATM', '14亿，写出来是1400000000，九个零', '这学期的学费和住宿费一共1850元，都是基金会交的', 'ISBN 978-0-226-97132-6', 'My mother get a bank card from the factory for her salary.'],
  personal_request: ['你们班人多吗？男生多还是女生多？', '你长大想做什么？', '你最好的朋友是什麼樣的人？不用告訴我她的名字', 'What is your favorite food?', 'Do you have a big class?', "What's your dog called?", '您小时候住在哪里？也是农村吗？'],
  private_channel: ['我和我妈每天都微信视频', '班主任在家长群里发了期末成绩', '我们公司最近天天开视频会议', "I'll keep writing to you here in the app every month.", 'Please reply when you have time.', 'I video-called my parents yesterday.'],
  secrecy: ['我的生日愿望是保密的，说出来就不灵了', '我偷吃了弟弟藏起来的糖，千万别告诉他哈哈', '不要告诉别人你的密码', 'I kept my birthday wish a secret.', "Don't tell my little brother, but I ate his candy haha.", 'The secret is sleep!'],
  meeting: ['我和同学约好周末一起去图书馆', '寒假爸爸妈妈要从广东回来了', '期待下次再收到您的信，读您的信就像见到您一样', '如果基金會以後辦夏令營，希望有機會在他們的安排下見到你。', 'Nice to meet you! I am your new sponsor.', 'See you in the next letter!', 'Next week our class will go to the science museum with our teacher.'],
  money: ['谢谢您的资助，这学期的学费基金会已经帮我交了', '过年奶奶给了我一个50块的红包', '妈妈给我买了一双新鞋', '爸爸說賣了雞蛋可以給我買新書包', 'I saved my pocket money for 3 months.', 'At Spring Festival my grandma gave me a red envelope with 100 yuan inside!', 'The NGO paid my tuition this term.'],
};

describe('screenText: every category, in simplified and traditional Chinese and in English', () => {
  for (const [category, scripts] of Object.entries(HELD) as [ScreeningCategory, (typeof HELD)[ScreeningCategory]][]) {
    for (const [script, cases] of Object.entries(scripts)) {
      it.each(cases)(`holds %j as ${category} (${script}), showing %j`, (text, excerpt) => {
        const result = screenText(text);
        expect(result.verdict).toBe('hold');
        const finding = result.findings.find((f) => f.category === category && f.excerpt === excerpt);
        expect(finding).toBeDefined();
        expect(text.slice(finding!.start, finding!.end)).toBe(excerpt);
      });
    }
  }
});

describe('screenText: look-alikes pass', () => {
  for (const [category, texts] of Object.entries(LOOK_ALIKES)) {
    it.each(texts)(`passes %j (looks like ${category})`, (text) => {
      expect(screenText(text)).toEqual({ verdict: 'pass', findings: [] });
    });
  }
});

describe('screenText: requests, channels and secrecy are held without any number', () => {
  it.each([
    ['你爸爸的电话是多少？', 'personal_request'],
    ['Where do you live? Please tell me your home address.', 'personal_request'],
    ['我们互相关注吧', 'private_channel'],
    ['These letters are so slow; let us find a quicker way to talk.', 'private_channel'],
    ['你千万不能告诉老师', 'secrecy'],
    ['If the caseworker ever asks what we write about, just tell her we talk about school.', 'secrecy'],
  ] as [string, ScreeningCategory][])('holds %j as %s', (text, category) => {
    const { verdict, findings } = screenText(text);
    expect(verdict).toBe('hold');
    expect(findings.map((f) => f.category)).toContain(category);
    expect(/[0-9０-９零〇一二三四五六七八九]/.test(text)).toBe(false);
  });
});

/** Round 2 (docs/SCREENING.md): misses and false holds of held-out batch 1, the demo letters and probes in the style of the brief. */
const ROUND_2_HELD: [text: string, category: ScreeningCategory, script: 'hans' | 'hant' | 'en', excerpt: string][] = [
  ["你爸爸妈妈在哪个城市？在哪个工厂上班呀？", "personal_request", "hans", "哪个工厂"],
  ["你媽媽在哪間工廠做事？", "personal_request", "hant", "你媽媽在哪間工廠"],
  ["Which middle school do you go to?", "personal_request", "en", "Which middle school"],
  ["有些话写信说不清楚，什么时候方便的话，我们打个电话吧。", "private_channel", "hans", "打个电话"],
  ["姐姐好！我妈妈想谢谢你。姐姐可以打给我妈妈吗？", "private_channel", "hans", "打给我"],
  ["women keyi zai weixin shang liao ma?", "private_channel", "hans", "weixin"],
  ["我們可以用 WhatsApp 視像通話嗎？", "private_channel", "hant", "WhatsApp 視像通話"],
  ["我哋可以用WhatsApp傾偈，快好多。", "private_channel", "hant", "WhatsApp"],
  ["There are quicker ways for us to talk if you're comfortable.", "private_channel", "en", "quicker ways for us to talk"],
  ["We can jia wei xin ma?", "private_channel", "en", "wei xin"],
  ["你回信的时候就不要提了，项目那边的人会看到的，我们心里知道就行。", "secrecy", "hans", "不要提了，项目那边的人会看"],
  ["呢啲嘢你自己知就得，唔好同你阿媽講。", "secrecy", "hant", "唔好同你阿媽講"],
  ["No need to mention any of this to your mum, alright?", "secrecy", "en", "No need to mention any of this to your mum"],
  ["After you read this, please throw it away.", "secrecy", "en", "After you read this, please throw"],
  ["这周六我会在你们镇上吃饭，要是你也在镇上，可以过来坐坐。", "meeting", "hans", "我会在你们镇"],
  ["呢個暑假你嚟香港玩啦，住我屋企。", "meeting", "hant", "你嚟香港玩"],
  ["Could I pop over on the Saturday and say hello?", "meeting", "en", "Could I pop over"],
  ["How about you travel with me to Beijing for a week in August?", "meeting", "en", "travel with me to"],
  ["能不能给我打点米💰 就一点点。", "money", "hans", "打点米💰"],
  ["这一百块你拿着，我放在信封里了。", "money", "hans", "这一百块你拿着"],
  ["過年我包個紅包給你，你叫你媽媽把帳號給我。", "money", "hant", "包個紅包給你"],
  ["Give me your Alipay account so I can send you something to celebrate.", "money", "en", "Alipay"],
  ["My mother made a shou kuan ma (payment code) picture, if you scan it you can give some money.", "money", "en", "shou kuan ma"],
  ["我家在石门村，我们是四组。", "address", "hans", "我家在石门村，我们是四组"],
  ["我家就在鄉政府後面，藍色大門那家。", "address", "hant", "我家就在鄉政府後面"],
  ["My address is 14 Elm Grove, Harrogate, HG1 4PQ.", "address", "en", "14 Elm Grove, Harrogate, HG1 4PQ"],
  ["Wo jia zai Liu Zu, Shuang Shan Cun, Long Tan Xiang.", "address", "en", "Liu Zu, Shuang Shan Cun"],
  ["I live in Yangliu Village, number 7 group.", "address", "en", "Yangliu Village, number 7 group"],
  ["我的学校名字就是我们镇的名字后面加上\"中学\"两个字。", "school", "hans", "我的学校名字就是"],
  ["我在新民镇中心小学上学。", "school", "hans", "新民镇中心小学"],
  ["我讀的是台南市立後甲國中。", "school", "hant", "台南市立後甲國中"],
  ["我個仔喺沙田聖保羅書院讀中二。", "school", "hant", "沙田聖保羅書院"],
  ["Our school (Weining Yi-Zhong) had a big exam.", "school", "en", "Yi-Zhong"],
  ["我号码是159开头，后面接着是0271。", "phone", "hans", "159"],
  ["His NRIC is S3412789D.", "id_number", "en", "S3412789D"],
  ["域名就是我的名字拼音 chenjianguo 加上 .com", "url", "hans", "chenjianguo 加上 .com"],
  ["We have a group on Facebook; I'm there as Mandy Tsang Wing Yee.", "social_id", "en", "Facebook; I'm there as Mandy Tsang Wing Yee."],
  ["my email is my name, anna.lee, at gmail.", "email", "en", "anna.lee, at gmail"],
  ["阿姨，我考上县一中了！开学的时候您能来送我吗？", "meeting", "hans", "来送我"],
  ["We'd love to have you join us for a day.", "meeting", "en", "have you join us"],
  ["有空的话我们通个电话吧，写信太慢了。", "private_channel", "hans", "通个电话"],
  ["下回别写信了，直接微我吧 😄", "private_channel", "hans", "微我"],
  ["這裡說話不太自由，我們私底下聊吧。", "private_channel", "hant", "這裡說話不太自由"],
  ["Do you have a phone yet? If so we should swap numbers.", "private_channel", "en", "swap numbers"],
  ["你爸妈要是问起来，你就说我们只聊学习。", "secrecy", "hans", "爸妈要是问起来，你就说"],
  ["你有什麼秘密都可以跟我說，我保證不告訴你老師和社工。", "secrecy", "hant", "保證不告訴你老師"],
  ["Please don't tell Auntie Chen from the foundation that I wrote this.", "secrecy", "en", "Please don't tell Auntie Chen"],
  ["阿姨，我们家的牛病了，要花好多钱，您能不能借我们两千？", "money", "hans", "借我们两千"],
  ["我给你妈妈微信转了五百，你让她查收一下。", "money", "hans", "给你妈妈微信转"],
  ["I'd love to help your family directly with the medical bills.", "money", "en", "I'd love to help your family directly with the medical bills."],
  ["If you tell me your shoe size I'll order a pair online and have them delivered to you.", "money", "en", "have them delivered to you"],
  ["My family lives at Xinhua Road 25, Zhaotong city.", "address", "en", "Xinhua Road 25"],
  ["我在四川省冕宁县第二初级中学读书。", "school", "hans", "川省冕宁县第二初级中学"],
  ["你妈妈有手机吗？号码多少？", "personal_request", "hans", "号码"],
];

const ROUND_2_LOOK_ALIKES = [
  "你的普通话说得真好，我想听听。",
  "下课后我们一起去食堂吃饭。",
  "你把这两个数加一下吧，看看等于多少。",
  "我就直接跟你说吧，我这次没考好。",
  "很高兴能和您联系！",
  "我每个周日都会给我妈打电话，她一个人住在老家。",
  "班主任昨天打电话给我妈妈，说我进步很大。",
  "我奶奶不会用手机，都是我教她打电话。",
  "我女兒在美國讀書，我們每天晚上都會視訊聊天。",
  "下次可以把你画的画拍下来，随信寄给我看看。",
  "我给你寄的书收到了吗？是通过机构转交的。",
  "弟弟偷偷把我的零花钱拿走了。",
  "你能借我点时间，听我说说心里话吗？",
  "我把压岁钱放在书包里了。",
  "原来你们那里是有名的核桃之乡。",
  "后来你们村修了新路，真好。",
  "你在家等我的信吧，我很快回。",
  "我奶奶住在隔壁村，周末我会去看她。",
  "你们那边办身份证要去哪里办呢？",
  "今天是我的生日，我许了一个愿望，但是我不告诉任何人，因为说出来就不灵了。",
  "我们班要给老师一个惊喜，大家都偷偷准备，不能让老师知道哦。",
  "老师说我们的密码不能告诉别人。",
  "我们学校的电话号码都贴在门口，家长有事可以打。",
  "如果老师问起作业，我就说写完了（开玩笑）。",
  "我們家的網路不好，視訊常常卡住，外婆說話都聽不清楚。",
  "我给你寄了一张明信片，通过基金会。",
  "In math class we learn big numbers. 1,000,000,000,000,000,000 is called a quintillion.",
  "From my home to school I need to walk 2 hours and cross 1 small river.",
  "My daughter follows a baking channel on YouTube called Sweet Treats.",
  "I'll send you a postcard through the foundation!",
  "My son calls me every Sunday from Shanghai.",
  "Nice meeting you through these letters!",
  "I was in Chengdu last month for work, the food was amazing.",
];

describe('screenText: round 2', () => {
  it.each(ROUND_2_HELD)('holds %j as %s (%s), showing %j', (text, category, _script, excerpt) => {
    const finding = screenText(text).findings.find((f) => f.category === category && f.excerpt === excerpt);
    expect(finding).toBeDefined();
    expect(text.slice(finding!.start, finding!.end)).toBe(excerpt);
  });

  it.each(ROUND_2_LOOK_ALIKES)('passes %j', (text) => {
    expect(screenText(text)).toEqual({ verdict: 'pass', findings: [] });
  });
});
