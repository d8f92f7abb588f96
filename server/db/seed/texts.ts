/**
 * Chinese text fragments for stories, letters, check-in notes and term reports. Letters are kept
 * clean on purpose: no contact details, no money, no meeting plans, no school or village names.
 */
import type { Rng } from './random';

export const GRADE_TEXT: Record<number, string> = { 7: '初一', 8: '初二', 9: '初三', 10: '高一', 11: '高二', 12: '高三' };

export interface Dream {
  job: string;
  why: string;
}

export const DREAMS: readonly Dream[] = [
  { job: '老师', why: '让山里的孩子也能学到更多知识' },
  { job: '医生', why: '家里人生病时就不用再跑很远的路' },
  { job: '护士', why: '像照顾过奶奶的护士姐姐那样照顾别人' },
  { job: '工程师', why: '修一条通到村里的好路' },
  { job: '农业技术员', why: '让家乡的庄稼卖个好价钱' },
  { job: '警察', why: '守护大家的平安' },
  { job: '画家', why: '把家乡的山和云画给更多人看' },
  { job: '程序员', why: '做出对大家有用的软件' },
];

export interface Region {
  /** Where home is, at the level a sponsor may know. */
  home: string;
  crop: string;
  festival: string;
  festivalMonths: readonly number[];
}

export const REGIONS: Record<'sc' | 'gs', Region> = {
  sc: { home: '大凉山', crop: '土豆', festival: '彝族年的时候，家里杀了年猪，亲戚们围着火塘吃坨坨肉，可热闹了。', festivalMonths: [11, 12] },
  gs: { home: '定西的黄土山区', crop: '洋芋', festival: '过年的时候，村里耍社火、扭秧歌，可热闹了。', festivalMonths: [2, 3] },
};

const fill = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, key: string) => vars[key] ?? '');

const STORY_FAMILY = [
  '爸爸妈妈常年在外地打工，{p}和爷爷奶奶一起生活，放学回家会帮着做饭、喂猪。',
  '爸爸前几年因病去世了，妈妈一个人种地供几个孩子读书，日子过得很紧。',
  '家里有三个孩子，{p}是老大，周末常常带着弟弟妹妹去地里帮忙。',
  '妈妈身体不好，常年吃药，家里的收入主要靠几亩{crop}和爸爸在附近打零工。',
  '{p}从小跟着外婆长大，外婆年纪大了，{p}很早就学会了照顾自己。',
];
const STORY_SCHOOL = [
  '学校离家远，{p}平时住校，每周回一次家，要走一个多小时的山路。',
  '{p}最喜欢数学课，遇到难题总要琢磨到弄懂为止。',
  '{p}爱读书，学校图书角里的书差不多都借过一遍。',
  '{p}性格安静，作文却写得特别好，老师常把{p}的文章读给全班听。',
  '{p}是班里的劳动委员，做事认真，同学们都很信任{p}。',
  '{p}喜欢画画，课本的空白处常常画满了家乡的山和云。',
];
const STORY_CLOSING = [
  '有人陪着往前走，{p}会走得更稳。',
  '{p}说，希望有一天也能帮助像自己一样的孩子。',
  '{p}很珍惜读书的机会，也很期待认识一位远方的朋友。',
];

/** A short, warm, sponsor-facing story: display name only, no surname, school or village. */
export function story(rng: Rng, v: { name: string; pronoun: string; grade: number; region: Region; dream: Dream }): string {
  const vars = { name: v.name, p: v.pronoun, crop: v.region.crop };
  return [
    `${v.name}今年读${GRADE_TEXT[v.grade]}，家在${v.region.home}的一个小山村里。`,
    fill(rng.pick(STORY_FAMILY), vars),
    fill(rng.pick(STORY_SCHOOL), vars),
    `${v.pronoun}的梦想是成为一名${v.dream.job}，${v.dream.why}。`,
    fill(rng.pick(STORY_CLOSING), vars),
  ].join('');
}

const isExamMonth = (month: number) => month === 1 || month === 6 || month === 12;

interface Line {
  text: string;
  /** Months (1–12) the line fits; any month when absent. */
  months?: readonly number[];
  exam?: boolean;
}

const SPONSOR_LINES: readonly Line[] = [
  { text: '我这里这几天降温了，早上出门已经能看到霜。你那里冷不冷？记得多穿点衣服。', months: [11, 12, 1, 2] },
  { text: '听说你们快要期末考试了，不用太紧张，尽力就好。', exam: true },
  { text: '我小时候数学也不好，后来一位老师让我每天认真做三道题，慢慢就跟上了。' },
  { text: '不管考得怎么样，我都为你骄傲。' },
  { text: '最近我在读一本关于星星的书，书里说我们看到的星光，有的已经走了几千年。' },
  { text: '如果你愿意，下次可以把你画的画拍下来，随信寄给我看看。' },
  { text: '照顾好自己，也替我向家里人问好。' },
  { text: '学习累了就出去走走，看看山，看看天。' },
  { text: '这段时间我工作有点忙，回信晚了，别介意。' },
  { text: '新学期开始了，希望你在新班级里交到好朋友。', months: [9, 3] },
  { text: '春节快到了，提前祝你和家人新年快乐！', months: [1] },
  { text: '暑假有什么打算吗？记得多休息，也可以读几本喜欢的书。', months: [6, 7] },
  { text: '上周我去爬山，站在山顶的时候想起你每天上学都要翻山，真了不起。' },
  { text: '我家楼下的银杏叶黄了，我捡了一片夹在书里。', months: [10, 11] },
  { text: '有什么烦心事，也可以和社工老师说说，他们会帮你。' },
  { text: '春天来了，我在阳台上种了几盆花，每天看它们长高一点点。', months: [3, 4, 5] },
  { text: '你上次说喜欢读故事，我最近也重读了小时候最爱的一本童话，觉得还是很好看。' },
  { text: '我们这边最近常下雨，出门总要带伞。', months: [4, 5, 6, 7, 8] },
  { text: '每次收到你的消息，我都会高兴好几天。' },
  { text: '身体是最重要的，记得按时吃饭，早点睡觉。' },
  { text: '我也在学着做饭，上周第一次包饺子，包得歪歪扭扭的。' },
];
const SPONSOR_CLOSINGS = ['祝学习进步，天天开心！', '不用急着回信，等你有空再写。', '加油，我一直为你高兴。', '祝你一切都好！'];

const STUDENT_LINES: readonly Line[] = [
  { text: '这学期我当上了学习委员，每天帮老师收作业。', months: [9, 10, 3, 4] },
  { text: '期中考试我的数学进步了，老师在班上表扬了我。', months: [11, 4, 5] },
  { text: '学校食堂换了新的桌椅，饭菜也比以前好吃了。' },
  { text: '周末回家，我帮家里挖{crop}、喂鸡，晚上在灯下写作业。', months: [9, 10] },
  { text: '最近天冷了，晚自习下课后我们几个在宿舍里互相抽背单词。', months: [11, 12, 1] },
  { text: '我最喜欢的课是语文，因为可以读到很多故事。' },
  { text: '英语还是有点难，不过我每天早上都会读半个小时。' },
  { text: '上个月学校开运动会，我参加了八百米跑，得了第三名。', months: [10, 11] },
  { text: '快要考试了，我会好好复习，也会按时吃饭睡觉，请您放心。', exam: true },
  { text: '放假的时候，我教弟弟妹妹认字，他们学得可认真了。', months: [7, 8, 1, 2] },
  { text: '我把您的信夹在日记本里，想家的时候就拿出来读一读。' },
  { text: '老师说我的字越来越工整了。' },
  { text: '这学期学校开了书法课，我写了一幅“天道酬勤”贴在床头。' },
  { text: '我会继续努力，朝着当{job}的梦想前进。' },
  { text: '春天到了，山上的花都开了，放学路上很好看。', months: [3, 4, 5] },
  { text: '暑假我在家帮忙干农活，也每天坚持看书。', months: [7, 8] },
  { text: '我们班新来了一位英语老师，讲课很有意思。', months: [9, 10, 3] },
  { text: '这个月我读完了《平凡的世界》，很受触动。' },
  { text: '学校组织了消防演练，我们学会了怎么用灭火器。' },
  { text: '我和同桌约好，每天互相出五道数学题。' },
  { text: '最近我学会了做饭，回家的时候给家里人做了一碗面。' },
];
const STUDENT_CLOSINGS = ['祝您身体健康，工作顺利！', '盼望您的回信。', '祝您和家人平安快乐！', '此致\n敬礼！'];

/** Sentences that made screening hold a letter for a person to look at, though the letter is harmless. */
/** A line screening holds as a meeting plan, for the demo letter waiting in the review queue. */
export const FLAGGED_LINE_MEETING = '老师说明年我们有机会去省城参加比赛。如果有一天能当面谢谢您就好了。';

/** Lines that fit the month, preferring ones this writer has not used with this reader yet. */
function pickLines(rng: Rng, lines: readonly Line[], month: number, count: number, used: Set<string>): string[] {
  const fits = lines.filter((l) => (!l.months || l.months.includes(month)) && (!l.exam || isExamMonth(month))).map((l) => l.text);
  const fresh = fits.filter((t) => !used.has(t));
  const picked = [...rng.sample(fresh, count), ...rng.sample(fits.filter((t) => used.has(t)), Math.max(0, count - fresh.length))];
  picked.forEach((t) => used.add(t));
  return picked;
}

export interface LetterVars {
  month: number;
  studentName: string;
  salutation: string;
  region: Region;
  dream: Dream;
  first: boolean;
  reply: boolean;
  /** 中考 or 高考 when it is weeks away for this student. */
  exam: string | null;
  /** Lines this writer already used in this sponsorship. */
  used: Set<string>;
  extra?: string;
}

export function sponsorLetter(rng: Rng, v: LetterVars): string {
  const opener = fill(rng.pick(['{name}你好：', '亲爱的{name}：', '{name}，见字如面：']), { name: v.studentName });
  const body: string[] = [];
  if (v.first) {
    body.push(`我是${v.salutation}，很高兴从今天起成为你的朋友。`);
    body.push(`在机构的介绍里读到你的故事，知道你想成为一名${v.dream.job}，我特别感动。`);
    body.push('写信不是任务，有空的时候写几句就好，我会一直在。');
  } else {
    if (v.reply) body.push('收到你的信真开心，我把它读了好几遍。');
    if (v.exam) body.push(`${v.exam}前别给自己太大压力，你已经很努力了，考完好好睡一觉。`);
    body.push(...pickLines(rng, SPONSOR_LINES, v.month, rng.int(2, 3), v.used));
  }
  if (v.extra) body.push(v.extra);
  return `${opener}\n${body.join('')}\n${rng.pick(SPONSOR_CLOSINGS)}\n——${v.salutation}`;
}

/** What a sponsor writes when a student has not written for a while: no pressure, no questions to answer. */
export function missYouLetter(rng: Rng, v: { studentName: string; salutation: string; month: number }): string {
  const middle = rng.pick([
    '好久没有收到你的消息了，不知道你最近怎么样。没关系，不用着急回信，等你想写的时候再写。',
    '这阵子没有你的消息，我有点想念你。功课忙也好，心情不好也好，都没关系，我一直在这里。',
  ]);
  const weather = v.month >= 5 && v.month <= 9 ? '天热了，多喝水，照顾好自己。' : '天冷了，多穿点衣服，照顾好自己。';
  return `${v.studentName}你好：\n${middle}${weather}\n祝你一切都好！\n——${v.salutation}`;
}

export function studentLetter(rng: Rng, v: LetterVars): string {
  const opener = fill(rng.pick(['亲爱的{sal}：', '{sal}您好！', '尊敬的{sal}：']), { sal: v.salutation });
  const vars = { crop: v.region.crop, job: v.dream.job };
  const lines: Line[] = [...STUDENT_LINES, { text: v.region.festival, months: v.region.festivalMonths }];
  const body: string[] = [];
  if (v.first) body.push('收到您的信，我高兴得一晚上都没睡好。谢谢您愿意陪我读书，我会好好珍惜。');
  else if (v.reply) body.push('收到您的回信，我特别开心。');
  if (v.exam) body.push(`${v.exam}就要到了，我每天晚上都复习到很晚，也会注意休息，请您放心。`);
  body.push(...pickLines(rng, lines, v.month, rng.int(2, 3), v.used).map((t) => fill(t, vars)));
  if (v.extra) body.push(v.extra);
  return `${opener}\n${body.join('')}\n${rng.pick(STUDENT_CLOSINGS)}\n——${v.studentName}`;
}

const CHECKIN_NOTES = {
  doing_well: ['今天数学小测考得不错', '周末回家帮忙收玉米', '和同学一起打篮球，很开心', '降温了，多穿了件毛衣', '读完了一本新书', '当上了小组长', '作业都写完了'],
  busy_exams: ['在准备期末考试', '月考复习中，有点累', '这周考试多，晚点再写信'],
  talk_to_caseworker: ['最近有点烦，想和社工老师聊聊', '家里有点事，想找老师说说', '考试没考好，心里有点难受'],
} as const;

export function checkinNote(rng: Rng, kind: keyof typeof CHECKIN_NOTES, grade: number): string | null {
  if (kind === 'talk_to_caseworker') return rng.pick(CHECKIN_NOTES.talk_to_caseworker);
  if (!rng.chance(0.4)) return null;
  if (kind === 'busy_exams' && (grade === 9 || grade === 12) && rng.chance(0.5)) {
    return grade === 9 ? '在准备中考，加油' : '在准备高考，加油';
  }
  return rng.pick(CHECKIN_NOTES[kind]);
}

const RESULT_COMMENTS = ['数学进步明显', '语文作文得了高分', '英语还需要加油', '各科都及格了', '理科有点吃力，准备多问老师', '被评为三好学生', '比上学期进步了不少'];

export function termResult(rng: Rng, by: 'student' | 'caseworker', pronoun: string): string {
  if (by === 'caseworker') {
    return rng.pick([
      '社工向班主任核实：期末成绩在班里中等偏上，学习态度认真。',
      `社工代录：本学期各科成绩稳定，班主任反映${pronoun}上课积极发言。`,
      `社工代录：期末有两科没考好，已和${pronoun}一起订了补习计划。`,
    ]);
  }
  const size = rng.int(42, 58);
  return `期末考试班级第${rng.int(3, Math.floor(size * 0.7))}名（全班${size}人），${rng.pick(RESULT_COMMENTS)}。`;
}
