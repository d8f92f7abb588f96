import { type Folded } from '../text/fold';
import { type DigitRun } from './digits';
import { type Blocked, type Hit, nextMatch } from './hit';
import { sentenceAround } from './context';

const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/;
/** Landline with area code: 0 + 2–3 digit area code + 7–8 digit number. */
const LANDLINE = /^(?:0086|86)?0[1-9]\d{8,10}$/;
/** Hong Kong, Macau and Taiwan country codes written without a "+": (852) 2345 6789. */
const REGIONAL = /^(?:852|853)\d{8}$|^886\d{8,9}$/;
/** Seven of one digit in a row is a round number (1400000000), not a phone number. */
const ROUND = /(\d)\1{6}/;

/** Words that say "a phone number follows". */
const PHONE_CUE =
  /(?:电话|手机|号码|座机|联系方式|联络方式|手提|phone|mobile|cell|number|\bline\b|\btel\b|\b(?:call|ring|text|dial|reach)\b|拨打|whatsapp)/g;
/** "这是我的号码", "that's my number": the cue comes after the number. */
/** "student number", "ticket number" are not phone numbers (a lookbehind, written out: see `notAfter`). */
const OTHER_NUMBER = /(?:student|passport|id|card|account|bib|ticket|seat|room|bus|jersey|house|flight|order|tracking|lucky|race) $/;
const PHONE_CUE_AFTER = /^[\s,，:：—-]{0,3}(?:这|那|這)?是?(?:我|他|她|我爸|我妈|我家)的?(?:电话|号码|手机)|^[\s,，—-]{0,3}(?:that'?s|is|it'?s) (?:my|his|her|our) (?:number|phone|mobile)/;
/** A number given in parts: "my mobile starts with 137", "手机号开头是139". */
const PARTIAL = /(?:starts? with|begins? with|开头是?|前三位是?|前几位是?|后四位是?|后几位是?|尾号是?|后面(?:接着)?是|接着是|然后是|中间(?:四位|几位)?是|最后(?:四位|几位)?是|ends? with|followed by|then)\s?$/;
/** "我号码是159开头": the part's place comes after it. */
const PARTIAL_AFTER = /^\s?(?:开头|打头|起头|结尾)/;

const CUE_WINDOW = 40;
const NOT_A_PHONE_NUMBER: Blocked = (m, source) => m[0] === 'number' && OTHER_NUMBER.test(source.slice(Math.max(0, m.index - 9), m.index));

function isPhoneShaped(run: DigitRun, lower: string): boolean {
  const d = run.digits;
  if (ROUND.test(d)) return false;
  if (MOBILE.test(d) || REGIONAL.test(d)) return true;
  if (lower[run.start - 1] === '+' && /^\d{8,15}$/.test(d)) return true;
  if (!LANDLINE.test(d)) return false;
  // a landline without a phone word must look like one: "0832-5617203", "(02) 2736-8195", not a ticket "0382 9915 4470"
  const written = lower.slice(run.start, run.end);
  return lower[run.start - 1] === '(' || /^[0-9]{3,4}(?:-|\))/.test(written) || /^[0-9]+$/.test(written);
}

/** Phone numbers: mainland mobiles, landlines, numbers with a country code, and any long number next to a phone word. */
export function findPhones(n: Folded, runs: DigitRun[]): Hit[] {
  const { lower } = n;
  const hits: Hit[] = [];
  const taken = new Set<DigitRun>();
  const take = (run: DigitRun) => {
    let start = run.start;
    // "+86 138…", and "(02) 2736-8195" shown with its opening bracket
    if (lower[start - 1] === '+' || (lower[start - 1] === '(' && lower.slice(start, run.end).includes(')'))) start--;
    hits.push({ category: 'phone', start, end: run.end });
    taken.add(run);
  };
  for (const run of runs) if (isPhoneShaped(run, lower)) take(run);

  let firstRun = 0;
  PHONE_CUE.lastIndex = 0;
  for (let m = nextMatch(PHONE_CUE, lower, NOT_A_PHONE_NUMBER); m; m = nextMatch(PHONE_CUE, lower, NOT_A_PHONE_NUMBER)) {
    const cueEnd = m.index + m[0].length;
    const [, sentenceEnd] = sentenceAround(lower, m.index, cueEnd);
    while (firstRun < runs.length && runs[firstRun].start < cueEnd) firstRun++;
    for (let r = firstRun; r < runs.length; r++) {
      const run = runs[r];
      if (run.start - cueEnd > CUE_WINDOW || run.start >= sentenceEnd) break;
      const partial = PARTIAL.test(lower.slice(Math.max(cueEnd, run.start - 16), run.start)) || PARTIAL_AFTER.test(lower.slice(run.end, run.end + 4));
      const long = run.digits.length >= 7 && run.digits.length <= 15 && /^\d+$/.test(run.digits) && !ROUND.test(run.digits);
      if (!taken.has(run) && (long || (partial && run.digits.length >= 3))) {
        take(run);
        break;
      }
    }
  }
  for (const run of runs) {
    if (!taken.has(run) && run.digits.length >= 7 && run.digits.length <= 15 && PHONE_CUE_AFTER.test(lower.slice(run.end, run.end + 16))) take(run);
  }
  return hits;
}
