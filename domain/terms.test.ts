import { normaliseTerm, parseTerm, recentTerms, termEnd, termOn, termParts, welcomeTerms } from './terms';

describe('school terms', () => {
  it('reads the stored code and refuses anything else', () => {
    expect(parseTerm('2025-2026-2')).toEqual({ startYear: 2025, half: 2 });
    expect(parseTerm('2025-2026-1')).toEqual({ startYear: 2025, half: 1 });
    expect(parseTerm('2025-2027-1')).toBeNull();
    expect(parseTerm('2025-2026-3')).toBeNull();
    expect(parseTerm('2026-spring')).toBeNull();
    expect(parseTerm(' 2025-2026-1')).toBeNull();
  });

  it('turns the older season form into the code: spring belongs to the school year that began the autumn before', () => {
    expect(normaliseTerm('2026-spring')).toBe('2025-2026-2');
    expect(normaliseTerm('2025-autumn')).toBe('2025-2026-1');
    expect(normaliseTerm(' 2025-2026-2 ')).toBe('2025-2026-2');
    expect(normaliseTerm('spring')).toBeNull();
    expect(normaliseTerm('2026-summer')).toBeNull();
    expect(normaliseTerm('2025-2024-1')).toBeNull();
  });

  it('gives a label the school year, the half, and the season with its calendar year', () => {
    expect(termParts('2025-2026-2')).toEqual({ startYear: 2025, endYear: 2026, half: 2, season: 'spring', year: 2026 });
    expect(termParts('2025-2026-1')).toEqual({ startYear: 2025, endYear: 2026, half: 1, season: 'autumn', year: 2025 });
    expect(termParts('2026-spring')).toEqual(termParts('2025-2026-2'));
    expect(termParts('nonsense')).toBeNull();
  });

  it('ends the first term in late January and the second in early July of the following calendar year', () => {
    expect(termEnd('2025-2026-1')).toBe('2026-01-25');
    expect(termEnd('2025-2026-2')).toBe('2026-07-05');
    expect(termEnd('2026-spring')).toBeNull();
  });

  it('knows the term under way, counting the summer with the term just ended', () => {
    expect(termOn('2026-11-29')).toEqual({ startYear: 2026, half: 1 });
    expect(termOn('2027-01-10')).toEqual({ startYear: 2026, half: 1 });
    expect(termOn('2026-05-01')).toEqual({ startYear: 2025, half: 2 });
    expect(termOn('2026-07-20')).toEqual({ startYear: 2025, half: 2 });
    expect(recentTerms('2026-11-29', 3)).toEqual(['2026-2027-1', '2025-2026-2', '2025-2026-1']);
  });

  it('welcomes a report from three weeks before a term ends until 150 days after', () => {
    expect(welcomeTerms('2026-11-29')).toEqual(['2025-2026-2']);
    expect(welcomeTerms('2027-01-10')).toEqual(['2026-2027-1']);
    expect(welcomeTerms('2027-06-20')).toEqual(['2026-2027-1', '2026-2027-2']);
    expect(welcomeTerms('2026-12-03')).toEqual([]);
  });
});
