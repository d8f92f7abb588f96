/**
 * School terms, written the way Chinese schools write them: `2025-2026-1` is the first term of the
 * 2025–2026 school year (autumn: September to late January), `2025-2026-2` the second (spring:
 * February to early July 2026). The older season form (`2026-spring`, `2025-autumn`) is still
 * understood on input and turned into this one.
 */
export type TermHalf = 1 | 2;

export interface SchoolTerm {
  /** The calendar year the school year starts in (September). */
  startYear: number;
  half: TermHalf;
}

/** The one stored form. */
export const TERM_CODE_PATTERN = '^[0-9]{4}-[0-9]{4}-[12]$';
const CODE = /^(\d{4})-(\d{4})-([12])$/;
const SEASON_FORM = /^(\d{4})-(spring|autumn)$/;

/** A report is welcome from three weeks before a term ends until 150 days after. */
export const WELCOME_BEFORE_END_DAYS = 21;
export const WELCOME_AFTER_END_DAYS = 150;

export function termCode(term: SchoolTerm): string {
  return `${term.startYear}-${term.startYear + 1}-${term.half}`;
}

/** A stored code (`2025-2026-2`) as its parts, or null when it is not one. */
export function parseTerm(code: string): SchoolTerm | null {
  const match = CODE.exec(code);
  if (!match || Number(match[2]) !== Number(match[1]) + 1) return null;
  return { startYear: Number(match[1]), half: Number(match[3]) as TermHalf };
}

/** Either form a person or an older client may send, as the stored code; null when it is neither. */
export function normaliseTerm(input: string): string | null {
  const text = input.trim();
  if (parseTerm(text)) return text;
  const season = SEASON_FORM.exec(text);
  if (!season) return null;
  const year = Number(season[1]);
  return termCode(season[2] === 'autumn' ? { startYear: year, half: 1 } : { startYear: year - 1, half: 2 });
}

/** What a label needs: the school year, which term of it, and the season and calendar year it falls in. */
export function termParts(code: string): { startYear: number; endYear: number; half: TermHalf; season: 'autumn' | 'spring'; year: number } | null {
  const term = parseTerm(code) ?? parseTerm(normaliseTerm(code) ?? '');
  if (!term) return null;
  const endYear = term.startYear + 1;
  return term.half === 1
    ? { startYear: term.startYear, endYear, half: 1, season: 'autumn', year: term.startYear }
    : { startYear: term.startYear, endYear, half: 2, season: 'spring', year: endYear };
}

/** The last day of a term (`YYYY-MM-DD`): 25 January for the first, 5 July for the second. */
export function termEnd(code: string): string | null {
  const term = parseTerm(code);
  if (!term) return null;
  return term.half === 1 ? `${term.startYear + 1}-01-25` : `${term.startYear + 1}-07-05`;
}

/** The term under way on `today` (`YYYY-MM-DD`), or in the summer the one just ended. */
export function termOn(today: string): SchoolTerm {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (month >= 8) return { startYear: year, half: 1 };
  if (month >= 2) return { startYear: year - 1, half: 2 };
  return { startYear: year - 1, half: 1 };
}

function previous(term: SchoolTerm): SchoolTerm {
  return term.half === 2 ? { startYear: term.startYear, half: 1 } : { startYear: term.startYear - 1, half: 2 };
}

/** The term under way on `today` and the ones before it, newest first. */
export function recentTerms(today: string, count: number): string[] {
  const codes: string[] = [];
  for (let term = termOn(today); codes.length < count; term = previous(term)) codes.push(termCode(term));
  return codes;
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The terms a report would be welcome for on `today` (`YYYY-MM-DD`, local), oldest first. */
export function welcomeTerms(today: string): string[] {
  return recentTerms(today, 3)
    .reverse()
    .filter((code) => {
      const end = termEnd(code)!;
      return shiftDays(end, -WELCOME_BEFORE_END_DAYS) <= today && today <= shiftDays(end, WELCOME_AFTER_END_DAYS);
    });
}
