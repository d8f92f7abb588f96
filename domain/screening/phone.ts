import { type DigitRun, type Normalized } from './normalize';
import { type Hit } from './hit';

const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/;
/** Landline with area code: 0 + 2–3 digit area code + 7–8 digit number. */
const LANDLINE = /^(?:0086|86)?0[1-9]\d{8,10}$/;

/** Words that say "a phone number follows". */
const PHONE_CUE =
  /(电话号码|电话号|电话|手机号码|手机号|手机|号码|座机|联系方式|phone number|phone|mobile|cell|my number|number is|tel)/g;

/** Phone numbers: mainland mobiles, landlines with area code, and any long number right after a phone cue. */
export function findPhones(n: Normalized, runs: DigitRun[]): Hit[] {
  const hits: Hit[] = [];
  const taken = new Set<DigitRun>();
  for (const run of runs) {
    if (MOBILE.test(run.digits) || LANDLINE.test(run.digits)) {
      let start = run.start;
      if (n.lower[start - 1] === '+') start--;
      hits.push({ category: 'phone', start, end: run.end });
      taken.add(run);
    }
  }
  let firstRun = 0;
  PHONE_CUE.lastIndex = 0;
  for (let m = PHONE_CUE.exec(n.lower); m; m = PHONE_CUE.exec(n.lower)) {
    const cueEnd = m.index + m[0].length;
    while (firstRun < runs.length && runs[firstRun].start < cueEnd) firstRun++;
    for (let r = firstRun; r < runs.length; r++) {
      const run = runs[r];
      if (run.start - cueEnd > 12) break;
      if (!taken.has(run) && run.digits.length >= 7 && run.digits.length <= 12 && /^\d+$/.test(run.digits)) {
        hits.push({ category: 'phone', start: run.start, end: run.end });
        taken.add(run);
      }
      break;
    }
  }
  return hits;
}
