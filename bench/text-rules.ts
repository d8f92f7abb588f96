/**
 * The text rules on long inputs: wellbeing assessment (`assessWellbeing`, docs/WELLBEING.md) and letter
 * screening (`screenText`, docs/SCREENING.md), each on 5,000-character texts — ordinary letters in
 * Chinese and in English made from corpus-like sentences, and adversarial shapes (a trigger word
 * repeated, 死死死…, 1 1 1 …, a long line without punctuation). Warm-up, then many runs; median and p99.
 *
 *   npm run bench:text
 *   BENCH_RUNS=2000 npm run bench:text
 */
import { assessWellbeing } from '../domain/wellbeing';
import { screenText } from '../domain/screening';

const LENGTH = 5_000;
const WARM_UP = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 500);

const fill = (unit: string) => unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);

const ZH_LETTER =
  '叔叔好！这学期我考了班上第十二名，比上次进步了一点。奶奶的腰还是不好，下雨天就疼。我们学校开展了防溺水安全教育，' +
  '老师说不能私自下河游泳。上周体育课跑了八百米，累死了，不过我跑了第三名😊 我最近在读《活着》，福贵的家人一个个走了，' +
  '他还是活了下来。周末我帮爷爷掰玉米，手都磨红了，晚上奶奶做了红烧肉。表哥大专毕业去深圳上班了。谢谢您寄来的书！\n';
const EN_LETTER =
  'Dear Sarah, thank you for your letter and the photos of your dog! School is fine. The exam killed me but I passed with 82. ' +
  'We had an anti-bullying week and made posters saying "Be kind". My grandma passed away last year, I miss her but I am okay now. ' +
  'In PE a basketball hit my face, nosebleed but fine now. My older sister got married last month. I am dying to read your next letter!\n';

const INPUTS: [string, string][] = [
  ['zh letter', fill(ZH_LETTER)],
  ['en letter', fill(EN_LETTER)],
  ['zh letter, disclosure at the end', fill(ZH_LETTER).slice(0, LENGTH - 20) + '其实我已经不想活了，爸爸又打我'],
  ['repeated trigger 不想活了', fill('不想活了')],
  ['repeated trigger 被打', fill('被打')],
  ['repeated trigger, always dropped: 奶奶说她不想活了', fill('奶奶说她不想活了')],
  ['repeated trigger, always dropped: 我不想死', fill('我不想死')],
  ['死死死…', fill('死')],
  ['1 1 1 …', fill('1 ')],
  ['"I want to die " repeated', fill('I want to die ')],
  ['zh line without punctuation', fill('我今天去学校上课老师讲了很多东西同学们都很认真')],
  ['en line without punctuation', fill('and then we went to school and my friend said ')],
  ['我他她… (person words only)', fill('我他她')],
];

function time(run: () => unknown): { median: number; p99: number } {
  for (let i = 0; i < WARM_UP; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], p99: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))] };
}

function main() {
  const ms = (x: number) => x.toFixed(3);
  console.log(`\n${RUNS} runs each after ${WARM_UP} warm-up runs, Node ${process.version}\n`);
  console.log('| input (5,000 chars) | assessWellbeing median | p99 | screenText median | p99 |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [name, text] of INPUTS) {
    const wellbeing = time(() => assessWellbeing(text));
    const screening = time(() => screenText(text));
    console.log(`| ${name} | ${ms(wellbeing.median)} ms | ${ms(wellbeing.p99)} ms | ${ms(screening.median)} ms | ${ms(screening.p99)} ms |`);
  }
}

main();
