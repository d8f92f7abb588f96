import fc from 'fast-check';
import { assessWellbeing, languagesOf } from './index';
import { CATEGORY_LEVEL, WELLBEING_LEVELS, type WellbeingCategory } from './types';

function expectFlagged(text: string, category: WellbeingCategory) {
  const result = assessWellbeing(text);
  expect(result.findings.map((f) => f.category)).toContain(category);
  expect(result.level).toBe(CATEGORY_LEVEL[category]);
  for (const f of result.findings) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
}

function expectNone(text: string) {
  expect(assessWellbeing(text)).toEqual({ level: 'none', findings: [] });
}

/** Simplified, traditional and English disclosures of each category, in words a child might use. */
const FLAGGED: Record<WellbeingCategory, string[]> = {
  suicidal: [
    '我真的不想活了，对不起',
    '如果我消失了，大家会不会轻松一点',
    '我覺得自己不該活在這個世界上',
    'sometimes i wish i was never born',
    'I have been saving my grandma’s sleeping pills',
    // round 2: euphemisms, plans, goodbyes, slang
    '活着没意思，一了百了算了',
    '好想睡过去就不醒了',
    '我偷偷攒了一些奶奶的安眠药，放在枕头底下',
    '我已经想好了，等期末考完就从宿舍楼顶下去',
    '下學期我應該已經不在這個世界上了，不用再找我了',
    '我是不是不应该来到这个世界',
    '活著好累，真的不想了',
    'i dont wanna live anymore',
    'kms honestly. nobody would notice',
    'I hope next term I won’t be here at all. It’s better for everyone.',
    'he is in heaven now. I want to go to him, I think about how to do it every night',
    'thinking about sucide a lot lately',
    // round 3: a dead mother gone to, a choice made, a roof again, a last check-in, a wish that it had happened
    '我想去找我妈妈，她前年走了',
    '如果有一天我走了，你不用难过，那是我自己选的',
    '又一个人上了天台，往下看了好久',
    '要是那天真的被车撞了就好了',
    '我把攢的錢都塞在妹妹枕頭底下了，以後她用得著',
    'this is my last check in. thank you for everything',
    'went up to the bridge again tonight. almost did it',
    'sometimes i stand by the window on the 12th floor and think about letting go',
    'I wrote letters for my family, they are under my pillow. Please tell my grandma I love her.',
  ],
  self_harm: [
    '心里难受的时候就用小刀划手臂',
    '又用打火機燙自己了',
    'I scratch my arms until they bleed',
    '又割了，手臂上多了三條',
    '写完还是想用刀片，大腿上有好多条',
    '不开心就用指甲抠手背，抠得都烂了',
    'burned my hand with a lighter on purpose. don’t tell anyone pls',
    'my legs are full of cuts, i do it when i can’t sleep',
    // round 3
    '一难受就拿烟头按在手背上',
    '考砸了就拿头往桌子上磕',
    '看到血流出来心里才平静',
    'I wear long sleeves so nobody sees what I do to my arms',
  ],
  physical_abuse: [
    '爸爸喝醉了就拿皮带抽我',
    '後媽昨天又打我，腿上都是瘀青',
    'my stepdad locked me outside all night',
    '班主任今天又揪着我耳朵往墙上撞',
    '他拿开水泼我，手上起了好多泡',
    '是媽媽的男朋友用菸頭燙的',
    '这学期请了几次假，是因为身上被打得青一块紫一块，舅舅不让我去学校',
    '妈妈说再考不及格就把我手打断 她真的会的 我好怕',
    'scared to go home. mom said she will break my legs if my grades are bad again',
    'I got beaten again last night',
    // round 3: the hurt in one sentence, who did it in the next; a weapon; held while hit; dialect
    '早上起来眼睛是肿的，不敢去学校。是后妈打的。',
    '阿公喝了酒就拿竹竿追著我打',
    '他說我再頂嘴就拿刀砍我',
    'There are bruises on my arms. My stepdad told me to say I fell off my bike.',
    'dad held my head under the water in the sink',
    'my aunt burned my fingers on the stove',
  ],
  sexual_abuse: [
    '那个叔叔总是趁没人的时候摸我，还说是我们的秘密',
    '網上認識的哥哥叫我一個人去酒店找他',
    'my uncle touches me under my clothes',
    '二十多岁的表哥晚上非要跟我睡一张床',
    '体育老师总是单独把我留下来，碰我不该碰的地方',
    '网上那个叔叔一直给我发那种图片，还让我也拍给他看',
    '他在我洗澡的時候開門進來看，說不可以告訴媽媽',
    'someone in the game keeps asking for pictures of my body',
    'he puts his hand on my leg and gives me money to not tell',
    // round 3: undressing however the clothes are named, a hand under the covers, a bedside at night, a photo asked for
    '隔壁那个老头儿给我五块钱，要我把裤儿脱了给他看',
    '表哥（他二十多岁了）趁家里没人脱我衣服',
    '宿舍的管理員叔叔晚上坐在我床邊，把手伸進被子裡',
    '网上认识的大哥哥让我发穿睡衣的照片，说不发就不理我',
    'a guy i met on a game wants me to take the bus to his city. he said dont tell anyone',
    'my mom’s boyfriend keeps coming into the bathroom when i’m in there',
  ],
  forced_marriage: [
    '爸妈已经给我说好了亲事，说明年就嫁过去',
    '家裡收了彩禮，下個月就要辦酒了',
    'my parents want me to get married, i am 15',
    '家里给我订了婚，暑假就要结婚',
    '我姐17岁就被嫁出去了 爸说下一个就轮到我了',
    '村裡的人都說我可以嫁人了，家裡收了兩萬塊錢定金',
    'My family has arranged for me to be married in the holidays.',
    'dad says i’m old enough to be someones wife now',
    // round 3: dialect (喊我去看人家), an arrangement (安排), money from the other family, reluctance near a match
    '屋头喊我去看人家，那个男的三十岁了，我不想去',
    '家裡安排我回老家嫁人',
    '我爹收了邻村人家三万块，说等我毕业就过去',
    '女娃娃迟早要嫁的，早嫁早享福，我妈天天这样讲',
    'engagement party is on sunday. i dont want it',
    'dad says if i dont agree to the marriage he will stop paying for school',
  ],
  neglect: [
    '家里没米了，我已经两天没吃东西了',
    '爸媽出去打工，家裡就剩我一個人住',
    'nobody cooks for us and we often go to bed hungry',
    '家里又没人 爷爷去镇上打牌几天没回来了',
    '天冷了，我只有一双凉鞋',
    'home alone again for two weeks. mom didnt call',
    'no adult is at home. Sometimes we have no food.',
    // round 3
    '我住在大伯家，他们吃饭不喊我，我经常饿肚子',
    '弟弟發燒了 大人都不在 不知道怎麼辦',
    '三天了爷爷还没回来，米也吃完了',
    'I live here by myself now since grandma moved away',
    'my uncle forgets to buy food a lot and our house has no heating',
  ],
  forced_dropout: [
    '我爸不让我读高中了，让我去厂里打工',
    '家裡要我回去幫忙種地，不能再上學了',
    'my father says I must leave school and work at the factory',
    '舅舅说开学不让我去了，我得在家放羊种地',
    '爸爸说弟弟要上学，家里只能供一个，下个月我要去杭州的服装厂',
    '我已經一個多月沒去學校了，要幫人家採茶，一天給四十塊',
    'dad says no more school, i start at the factory next week',
    'havent been to school for 3 weeks, working at the brick kiln',
    // round 3: dialect (喊我…搞建筑), hours a day, 读到初中已经够了, a boss who won't let go
    '我屋头喊我跟我幺爸出去搞建筑，我才十四岁',
    '爸爸叫我去鎮上的工廠做工，每天做十二個小時',
    '爺爺說我讀到初中已經夠了，要我留在家裡種地',
    'missed school again, the boss wont let me leave the shop',
    "we can't pay for both me and my brother so I have to stop and work",
  ],
  bullying: [
    '班上的人都不跟我玩，还抢我的饭卡',
    '同學們都叫我「鄉巴佬」',
    'the kids in my class take my lunch money and laugh at me',
    '你問我為什麼不想參加運動會，因為班上的人說我胖得像豬',
    '有人在我的课桌上写了很难听的话',
    'got beaten after school by the boys from class 3 again',
    'some boys trapped me in the toilet and took my phone',
    // round 3: exclusion however it is put
    '她们说谁跟我玩就不跟谁玩',
    '班上有人说我爸是坐牢的，大家都躲着我',
    '今天又有人往我鞋里倒墨水',
    'they made a group chat without me and post screenshots of my messages to laugh',
    'every day someone writes "stinky" on my desk',
  ],
  hopelessness: [
    '我觉得我什么都做不好，永远都不会好起来了',
    '沒有人在乎我',
    'I feel worthless, nothing will ever get better',
    '我覺得我是家裡的負擔，以後也不會有出息',
    '這麼多年都沒變過，以後也不會變',
    'Everything is grey and it will always be like this.',
    "i'm a failure",
    // round 3: an adverb in the middle, A-not-A, a kind of person, grey days
    '我覺得沒有人真的在乎我，我在不在這個家都一樣',
    '学不学都一样 没意思',
    '我觉得我这种人努力也是白费',
    '每天都一样，灰灰的',
    'It doesn’t matter how hard I try, my life will always be the same.',
    'why even try, nobody in my family cares',
  ],
};

/** Texts that must stay `none`, by the kind of look-alike they are. */
const LOOKALIKES: Record<string, string[]> = {
  idiom: [
    '累死了，今天跑了八百米', '笑死我了哈哈', '热死了，教室没有空调', '这道题难死了，我恨死它了', '饿死了，体育课跑了好多圈', '想死你了！',
    'the exam killed me', "I'm dying to read your letter", "I'm starving, can't wait for dinner",
    '期末考终于考完了，解脱了！', '这道题我算了一个小时，气得想撞墙', '冷得我想死，今天零下五度', '今天跳水课，老师让我从三米板跳下去，吓死我了',
    'kms this homework is so long lol', 'I want to disappear under my blanket until it is over haha', 'this maze game has no way out haha',
    // round 3
    '要是期末考试消失了就好了哈哈', 'my mom will kill me if she sees my room', "Grandpa says he'll beat me at chess one day",
    'almost did it!! almost finished the 1000 piece puzzle',
  ],
  literature: [
    '我读了《活着》，福贵的家人一个个都死了，他还是活了下来', '老师讲了屈原投江的故事', 'We read Romeo and Juliet, they both die at the end',
    '看了一部警匪片，里面的人被关在地下室里，好吓人', '历史课讲了古代女子很小就要嫁人，还有童养媳，好可怜',
  ],
  grief: [
    '奶奶去年去世了，我很想她，但我会好好学习', '清明节我们去给爷爷扫墓', 'My grandpa passed away last year. I miss him but I am okay',
    '奶奶走了快一年了，我想去她坟前告诉她我考上了高中', 'sometimes I dream about my late grandpa and wake up happy',
    // round 3: wanting to see the dead is grief
    '我好想见奶奶，她去年去世了',
  ],
  safety_lesson: [
    '学校开展了防溺水安全教育', '今天上了防性侵教育课，老师说不能让别人碰我们的身体', 'anti-bullying week at school, we made posters',
    '心理老师说有同学会用刀划自己，要及时告诉老师', '今天学了如果被人打了要告诉老师，不能忍着',
    'We learned that if an adult says don’t tell your parents, that is a warning sign',
    '今天班会讲了如果有人让你保守秘密还给你礼物，一定要告诉老师',
  ],
  games_sports: [
    '打王者又被对面杀了十次', '体育课被篮球砸到脸，流鼻血了', 'got killed 5 times in the game lol', 'I hurt my knee playing basketball',
    '练跆拳道被踢到肚子，有点疼但是很好玩', '我们玩警察抓小偷，我被绑起来了哈哈', 'my little brother hit me with his toy car, so annoying',
    // round 3
    'I joined the table tennis club. I hit myself in the face with the paddle once lol', '打篮球的时候脸被球砸肿了',
    '做游戏的时候没有一组要我，因为我脚崴了只能当裁判',
  ],
  family_ok: [
    '考试没考好被我妈说了一顿', '我姐姐二十六岁，国庆节结婚了', '表哥大学毕业去深圳上班了', 'My dad is strict but fair', 'My older sister got married last week',
    '我妈说我要是再熬夜就打断我的腿哈哈', '暑假在叔叔的店里帮忙，一天给五十块，开学前买了新鞋', '我姐姐二十五岁，下个月结婚，男方家送了彩礼',
    '周末家里没人，我去同学家写作业了', "I won't be here next week because we are visiting my aunt in Kunming",
    "On weekends I help at my mom's noodle shop, I like talking to customers", '爸妈出去打工了，我跟奶奶住，奶奶做的饭可好吃了',
    // round 3: carers tucking in, the writer's own hand, a sister's wedding, errands, a past custom, a belt used to tie a suitcase
    '晚上奶奶会进我房间帮我盖被子，她怕我着凉', '好冷，我把手伸进被子里暖一暖', '表姐下個月要結婚了，我不想她嫁那麼遠',
    '周末爸爸叫我帮他去工地送饭', '我奶奶说我们这里的女孩以前十六岁就嫁人，现在不一样了', '爸爸拿扫把追着弟弟满院子跑，笑死我了',
    'My uncle used the belt to tie the suitcase shut', 'My dad tied me to the rope when we climbed the mountain, for safety',
    'Mom took me out of class early on Friday to go to the dentist', '妈妈出差三天了还没回来，爸爸给我们做饭',
  ],
  mild_sad: [
    '期中考砸了，有点难过，下次加油', '想爸爸妈妈了，他们过年才回来', 'rainy day, a bit down today',
    '我的小狗跑丢了，再也不回来了，好难过', "I'm nothing like my brother, he is good at sports and I'm good at reading",
    'Nobody sat with me at lunch today because my friends were sick, kind of sad',
    // round 3: missing a mother who works away is not wanting to go to the dead
    '我好想见妈妈，她在东莞打工，过年才回来', '這次考試沒考好，覺得自己什麼都做不好，不過老師說下次加油就好',
  ],
  ordinary: [
    '挺好的，今天食堂有鸡腿', 'good! we had a spelling contest and I came second', '周末帮爷爷放牛',
    // round 3
    'This is my last letter before the summer holidays. Thank you for everything, see you next term!',
    '這是我這學期最後一次寫信給你了，下學期再見！', '我把零花钱放在枕头下面，攒够了要买一本字典',
    'went up to the roof with dad to fix the tv antenna', '家里的米吃完了，爷爷今天去镇上又买了一袋回来',
    'kids at the bus stop share their snacks with me',
  ],
};

describe('assessWellbeing', () => {
  describe.each(Object.entries(FLAGGED))('%s', (category, texts) => {
    it.each(texts)('flags %s', (text) => expectFlagged(text, category as WellbeingCategory));
  });

  describe.each(Object.entries(LOOKALIKES))('look-alike: %s', (_kind, texts) => {
    it.each(texts)('leaves %s alone', expectNone);
  });

  it('reports exact spans into the original text, traditional, full-width and zero-width characters included', () => {
    expect(assessWellbeing('我真的不想活了')).toEqual({
      level: 'urgent',
      findings: [{ category: 'suicidal', level: 'urgent', start: 3, end: 6, excerpt: '不想活' }],
    });
    const traditional = assessWellbeing('我覺得自己不該活在這個世界上').findings[0];
    expect(traditional.excerpt).toBe('不該活在');
    const fullWidth = 'Ｉ　ｗａｎｔ　ｔｏ　ｄｉｅ';
    const [wide] = assessWellbeing(fullWidth).findings;
    expect(wide.excerpt).toBe(fullWidth.slice(wide.start, wide.end));
    expect(wide.excerpt).toContain('ｄｉｅ');
    const hidden = '我不想\u200b活了';
    expect(assessWellbeing(hidden).findings[0]).toMatchObject({ start: 1, end: 5, excerpt: '不想\u200b活' });
  });

  it('reports the highest level of several findings, findings sorted by start', () => {
    const result = assessWellbeing('同学总是抢我的钱。我真的不想活了。');
    expect(result.level).toBe('urgent');
    expect(result.findings.map((f) => [f.category, f.level])).toEqual([
      ['bullying', 'concern'],
      ['suicidal', 'urgent'],
    ]);
    expect(assessWellbeing('我觉得自己是个废物。').level).toBe('concern');
  });

  it('drops negated words', () => {
    expectNone('我从来没有想过自杀');
    expectNone('我不想死，我想好好活着');
    expectNone("I don't want to die, I want to be a doctor");
    expectNone('没有人欺负我，同学们都很好');
  });

  it("flags another child's danger, but not an adult's or a character's (docs/WELLBEING.md, Third parties)", () => {
    expectFlagged('My friend said she wants to die', 'suicidal');
    expectFlagged('我同桌才十四岁，她家让她下学期去嫁人', 'forced_marriage');
    expectNone('爷爷病得很重，他说他不想活了，太疼了');
    expectNone('电视剧里男主被打得好惨');
  });

  it('hears a disclosure made right after a safety lesson, but not the lesson itself', () => {
    expectFlagged('上了防性侵的课，我才知道舅舅摸我是不对的', 'sexual_abuse');
    expectNone('老师告诉我们，如果有人摸你的隐私部位，要大声说不');
  });

  it('tells abuse from bullying by who did it', () => {
    expectFlagged('爸爸又打我了', 'physical_abuse');
    expectFlagged('他又打我了', 'physical_abuse');
    expectFlagged('班上几个男生放学打我', 'bullying');
    expectFlagged('my uncle hit me with a stick', 'physical_abuse');
    expectFlagged('older students punch me after school', 'bullying');
  });

  it('runs the rules of the hinted language and of any other script the text contains', () => {
    expect(languagesOf('你好')).toEqual(['zh']);
    expect(languagesOf('hello there')).toEqual(['en']);
    expect(languagesOf('hello there', 'zh').sort()).toEqual(['en', 'zh']);
    expect(languagesOf("i'm a failure")).toEqual(['en']);
    expect(languagesOf('我好累 ok')).toEqual(['zh']);
    expect(assessWellbeing('叔叔好！I want to die.', 'zh').level).toBe('urgent');
  });

  it('maps every finding back into the original text, whatever the text', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom(
        '不想活了', '不想活', '他又打我了', '被打', '摸我', '彩禮', '好饿', '沒有人在乎我', '自殺', '想死你了', '累死了',
        'I want to die', 'cut myself', 'they hit me', 'nobody cares', 'ｄｉｅ', 'Ｉ　ｗａｎｔ', '\u200b', '\u200d', '\ufeff', '😢', '👨‍👩‍👧', '。', '，', '!', '\n',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        const result = assessWellbeing(text);
        let highest: (typeof WELLBEING_LEVELS)[number] = 'none';
        let previousStart = -1;
        for (const f of result.findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.start).toBeLessThan(f.end);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.excerpt).toBe(text.slice(f.start, f.end));
          expect(f.level).toBe(CATEGORY_LEVEL[f.category]);
          expect(f.start).toBeGreaterThanOrEqual(previousStart);
          previousStart = f.start;
          if (WELLBEING_LEVELS.indexOf(f.level) < WELLBEING_LEVELS.indexOf(highest)) highest = f.level;
        }
        expect(result.level).toBe(highest);
      }),
      { numRuns: 300 },
    );
  });

  it('finishes on long repetitive inputs', () => {
    const inputs = [
      '死'.repeat(20_000),
      '被打'.repeat(10_000),
      '不想活了'.repeat(5_000),
      '1 '.repeat(10_000),
      'I want to die '.repeat(2_000),
      'a'.repeat(50_000),
      '我他她'.repeat(5_000),
      '我今天去学校上课老师讲了很多东西'.repeat(1_000),
      '\u200b'.repeat(10_000),
      '😢'.repeat(10_000),
      // round 2: triggers whose cue nearby is always missing, and gaps that could backtrack
      '摸我'.repeat(3_000),
      '最后一封信'.repeat(1_000),
      '不读了'.repeat(2_000),
      '活着好累'.repeat(1_500),
      '楼'.repeat(6_000),
      '要是'.repeat(3_000),
      '把我'.repeat(3_000),
      '奶奶的'.repeat(2_000),
      'want to do it '.repeat(400),
      'without '.repeat(700),
      'in case i '.repeat(600),
      "i'm 15 ".repeat(800),
      'get pushed '.repeat(500),
      // round 3: triggers with a cue elsewhere, two-sentence look-ups, carers, wishes
      '没有一组要我'.repeat(900),
      '我不想'.repeat(1_700),
      '让我发照片'.repeat(1_000),
      '是爸爸打的。'.repeat(900),
      '脸是肿的。'.repeat(1_000),
      '拿棍子'.repeat(1_700),
      '要是我消失了就好了'.repeat(600),
      '坐在我床边'.repeat(1_000),
      '天了'.repeat(2_500),
      'went up to the roof '.repeat(250),
      'he will kill me '.repeat(300),
      'bruises on my face. '.repeat(250),
      'met him on a game '.repeat(280),
    ];
    for (const text of inputs) {
      const result = assessWellbeing(text);
      expect(WELLBEING_LEVELS).toContain(result.level);
    }
  });

  it('reads what a word is doing in the sentence (round 2 fixes)', () => {
    // an owner (奶奶的安眠药) is not who the words are about
    expectFlagged('我偷偷攒了一些奶奶的安眠药', 'suicidal');
    // a passive or a place on the body: 我 before it is the victim, not the one who did it
    expectFlagged('我被爸爸打了', 'physical_abuse');
    expectFlagged('我身上到处都是伤', 'physical_abuse');
    expectFlagged('I got beaten again', 'physical_abuse');
    expectNone('I hit my head on the bed, got a bump haha');
    // 是不是 is a question, not a negation
    expectFlagged('我是不是不应该来到这个世界', 'suicidal');
    expectNone('我不想死，我想好好活着');
    // a conditional threat is everyday talk, unless it is of real injury or the writer is afraid — and not with a laugh
    expectNone('再不写作业就揍你');
    expectFlagged('他说我要是跑回家就打断我的腿', 'physical_abuse');
    expectNone('我妈说我要是再熬夜就打断我的腿哈哈');
    // an animal the writer tends is an object
    expectFlagged('我现在每天在家喂猪做饭，已经两个月没去上课了', 'forced_dropout');
    // a check-in with no subject
    expectFlagged('burned my hand with a lighter on purpose', 'self_harm');
    // the reader (你问我…) is never the bully
    expectFlagged('你问我为什么不开心，因为他们说我是乡巴佬', 'bullying');
    // traditional script reads the same; 什麼 folds to 什么 (the fold no longer gives 什幺)
    expectFlagged('活著有什麼意思', 'suicidal');
    expectFlagged('讀書有什麼用，我這輩子就這樣了', 'hopelessness');
  });

  it('reads what a word is doing in the sentence (round 3 fixes)', () => {
    // 趁家里没人 is when it happened, not a negation of what follows; 家里没人打我 stays a negation
    expectFlagged('趁家里没人脱我衣服', 'sexual_abuse');
    expectNone('家里没人打我，学校里也没人欺负我');
    // "stop" is a negation only as a verb: "at the bus stop push me" is not negated
    expectFlagged('the kids at the bus stop push me into the mud', 'bullying');
    // an accident is judged by the words around a match, not by its own 磕
    expectFlagged('晚上拿头往柜子上磕了好多下', 'self_harm');
    // who was hurt is told in the next sentence
    expectFlagged('I missed school because of the bruises on my face. My father does not want the teachers to see them.', 'physical_abuse');
    // a grown-up relative is the company, not the subject (跟我表姐进电子厂)
    expectFlagged('我爸让我初二读完就去广东跟我表姐进电子厂', 'forced_dropout');
    // 我们这种家庭的孩子 is the writer
    expectFlagged('反正我们这种家庭的孩子，以后也不会好', 'hopelessness');
    // a thing wished away is not the writer
    expectNone('要是下雨天没了就好了，每天都湿漉漉的');
    expectFlagged('我有时候觉得，我要是不在了，这个家会好很多', 'suicidal');
  });

  it('passes empty and blank text', () => {
    expectNone('');
    expectNone('   \n ');
  });
});
