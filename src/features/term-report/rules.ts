/** Term report limits repeated from the domain (rules.test.ts checks they match). */
export const TERM_PATTERN = '^[0-9]{4}-(spring|autumn)$';
export const TERM_RESULT_MAX = 200;
export const GRADE_MIN = 1;
export const GRADE_MAX = 12;
export const TERM_REPORTS_PATH = '/api/student/term-reports';
/** Term report photos go up through the one photo upload route. */
export const PHOTO_UPLOAD_PATH = '/api/letter-photos';

export type Season = 'spring' | 'autumn';

export function parseTerm(term: string): { year: number; season: Season } | null {
  const match = /^(\d{4})-(spring|autumn)$/.exec(term);
  return match ? { year: Number(match[1]), season: match[2] as Season } : null;
}

/**
 * The terms a student may report on, newest first: the current one (or the one just ended) and a few
 * before it. Spring runs February–July, autumn September–January (named by the year it starts).
 */
export function recentTerms(now: Date, count = 4): string[] {
  const year = now.getFullYear();
  const month = now.getMonth() + 1;
  let current: { year: number; season: Season };
  if (month >= 8) current = { year, season: 'autumn' };
  else if (month >= 2) current = { year, season: 'spring' };
  else current = { year: year - 1, season: 'autumn' };
  const out: string[] = [];
  let { year: y, season: s } = current;
  for (let i = 0; i < count; i += 1) {
    out.push(`${y}-${s}`);
    if (s === 'autumn') s = 'spring';
    else {
      s = 'autumn';
      y -= 1;
    }
  }
  return out;
}
