import { type DigitRun, type Normalized } from './normalize';
import { type Hit } from './hit';

/** 6-digit region + yyyymmdd birth date + 3-digit sequence + check character. */
function looksLikeIdNumber(digits: string): boolean {
  if (!/^\d{17}[\dx]$/.test(digits)) return false;
  const year = Number(digits.slice(6, 10));
  const month = Number(digits.slice(10, 12));
  const day = Number(digits.slice(12, 14));
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const ID_CUE = /(身份证|证件号|公民身份|id card|identity card|id number|id no|\bid\b)/g;
const CARD_CUE = /(卡号|银行卡|储蓄卡|信用卡|工资卡|借记卡|账号|帐号|账户|开户|card|account)/g;

function cueBefore(lower: string, cue: RegExp, pos: number, window: number): boolean {
  const from = Math.max(0, pos - window);
  const slice = lower.slice(from, pos);
  cue.lastIndex = 0;
  return cue.test(slice);
}

/**
 * ID numbers (18 characters: 17 digits and a digit or X, with a plausible birth date; or any 15/18-digit
 * number after an ID cue) and bank-card numbers (16–19 digits; 12–15 after a card cue).
 */
export function findIdentity(n: Normalized, runs: DigitRun[]): Hit[] {
  const hits: Hit[] = [];
  for (const run of runs) {
    const d = run.digits;
    const idCue = cueBefore(n.lower, ID_CUE, run.start, 24);
    if (looksLikeIdNumber(d) || (idCue && (/^\d{17}[\dx]$/.test(d) || /^\d{15}$/.test(d)))) {
      hits.push({ category: 'id_number', start: run.start, end: run.end });
    } else if (/^\d{16,19}$/.test(d)) {
      hits.push({ category: 'bank_card', start: run.start, end: run.end });
    } else if (/^\d{12,15}$/.test(d) && cueBefore(n.lower, CARD_CUE, run.start, 16)) {
      hits.push({ category: 'bank_card', start: run.start, end: run.end });
    }
  }
  return hits;
}
