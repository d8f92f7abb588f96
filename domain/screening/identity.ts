import { type Folded } from '../text/fold';
import { type DigitRun } from './digits';
import { type Hit, notAfterChar, regexHits } from './hit';

/** 6-digit region + yyyymmdd birth date + 3-digit sequence + check character. */
function looksLikeIdNumber(digits: string): boolean {
  if (!/^\d{17}[\dx]$/.test(digits)) return false;
  const year = Number(digits.slice(6, 10));
  const month = Number(digits.slice(10, 12));
  const day = Number(digits.slice(12, 14));
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Words that say an identity document's number follows: ID card, passport, student number. */
const ID_CUE =
  /(?:身份证|身分证|证件号|公民身份|护照|通行证|学号|学籍号|学生证|准考证|考号|id card|identity card|id number|id no|\bid\b|passport|nric|\bic\b|student (?:id|number|no|card)|library number)/g;
const CARD_CUE = /(?:卡号|银行卡|储蓄卡|信用卡|工资卡|借记卡|账号|帐号|账户|帐户|户口|开户|存折|户名|card|account|iban|sort code|bank)/g;

/** Document numbers with letters: Hong Kong ID "Y482916(3)", Taiwan ID "F226473918". */
const HK_ID = /[a-z]{1,2}\d{6}\s?\(\s?[0-9a]\s?\)/g;
const TW_ID = /[a-z][12]\d{8}(?![0-9])/g;
/** Singapore NRIC / FIN: "S3412789D". */
const SG_NRIC = /[stfgm]\d{7}[a-z](?![a-z0-9])/g;
/** A passport-like number (one or two letters and 7–9 digits), only next to an identity word. */
const LETTERED_NUMBER = /[a-z]{1,2}\d{7,9}(?![0-9])/g;
/** International bank account numbers: GB29 NWBK 6016 1331 9268 19. */
const IBAN = /[a-z]{2}\d{2}(?:\s?[a-z0-9]{4}){2,7}(?:\s?[a-z0-9]{1,3})?(?![a-z0-9])/g;

/** Each of these starts a word: no letter or digit before it. */
const AFTER_WORD = notAfterChar('a-z0-9');

/** "1,000,000,000,000,000,000", "10000000000000000": a quantity, not a card (cards are grouped in fours, if at all). */
function writtenAsQuantity(lower: string, run: DigitRun): boolean {
  const written = lower.slice(run.start, run.end);
  return /^\d{1,3}(?:,\d{3}){3,}$/.test(written) || (/^\d+$/.test(written) && /0{7,}$/.test(run.digits));
}

const ID_WINDOW = 40;
const CARD_WINDOW = 30;

/** Start offsets of the end of each cue (where a number may follow). */
function cueEnds(lower: string, cue: RegExp): number[] {
  const ends: number[] = [];
  cue.lastIndex = 0;
  for (let m = cue.exec(lower); m; m = cue.exec(lower)) ends.push(m.index + m[0].length);
  return ends;
}

function cueBefore(cues: number[], pos: number, window: number): boolean {
  return cues.some((e) => e <= pos && pos - e <= window);
}

/**
 * ID numbers (18 characters with a plausible birth date; Hong Kong and Taiwan IDs; passport and
 * student numbers after their name) and bank-card or account numbers (16–19 digits; 6–15 after a
 * card or account word; IBANs).
 */
export function findIdentity(n: Folded, runs: DigitRun[]): Hit[] {
  const { lower } = n;
  const idCues = cueEnds(lower, ID_CUE);
  const cardCues = cueEnds(lower, CARD_CUE);
  const hits: Hit[] = [];
  for (const run of runs) {
    const d = run.digits;
    const idCue = cueBefore(idCues, run.start, ID_WINDOW);
    if (looksLikeIdNumber(d) || (idCue && /^\d{5,16}[\dx]$/.test(d))) {
      hits.push({ category: 'id_number', start: run.start, end: run.end });
    } else if (/^\d{16,19}$/.test(d) && !writtenAsQuantity(lower, run)) {
      hits.push({ category: 'bank_card', start: run.start, end: run.end });
    } else if (/^\d{6,15}$/.test(d) && cueBefore(cardCues, run.start, CARD_WINDOW)) {
      hits.push({ category: 'bank_card', start: run.start, end: run.end });
    }
  }
  hits.push(
    ...regexHits(lower, HK_ID, 'id_number', undefined, AFTER_WORD),
    ...regexHits(lower, TW_ID, 'id_number', undefined, AFTER_WORD),
    ...regexHits(lower, SG_NRIC, 'id_number', undefined, AFTER_WORD),
    ...regexHits(lower, LETTERED_NUMBER, 'id_number', (m) => cueBefore(idCues, m.index, ID_WINDOW), AFTER_WORD),
    ...regexHits(lower, IBAN, 'bank_card', (m) => (m[0].match(/\d/g) ?? []).length >= 10, AFTER_WORD),
  );
  return hits;
}
