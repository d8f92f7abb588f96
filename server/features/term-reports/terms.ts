/**
 * School terms, simply: `<year>-spring` runs from February to early July (ends 5 July of that year);
 * `<year>-autumn` runs from September to late January (ends 25 January of the next year). A report
 * is welcome from three weeks before a term ends until 150 days after.
 */
export const WELCOME_BEFORE_END_DAYS = 21;
export const WELCOME_AFTER_END_DAYS = 150;

export function termEnd(term: string): string | null {
  const match = /^(\d{4})-(spring|autumn)$/.exec(term);
  if (!match) return null;
  const year = Number(match[1]);
  return match[2] === 'spring' ? `${year}-07-05` : `${year + 1}-01-25`;
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The terms a report would be welcome for on `today` (YYYY-MM-DD, local), oldest first. */
export function welcomeTerms(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const candidates = [`${year - 1}-spring`, `${year - 1}-autumn`, `${year}-spring`, `${year}-autumn`];
  return candidates.filter((term) => {
    const end = termEnd(term)!;
    return shiftDays(end, -WELCOME_BEFORE_END_DAYS) <= today && today <= shiftDays(end, WELCOME_AFTER_END_DAYS);
  });
}
