import { TERM_PATTERN as DOMAIN_PATTERN, TERM_RESULT_MAX as DOMAIN_RESULT_MAX, TermReportBody } from '../../../domain/api/students';
import { GRADE_MAX, GRADE_MIN, parseTerm, recentTerms, TERM_PATTERN, TERM_RESULT_MAX } from './rules';

describe('term report rules', () => {
  it('match the domain', () => {
    expect(TERM_PATTERN).toBe(DOMAIN_PATTERN);
    expect(TERM_RESULT_MAX).toBe(DOMAIN_RESULT_MAX);
    const grade = TermReportBody.properties.grade as unknown as { minimum: number; maximum: number };
    expect([grade.minimum, grade.maximum]).toEqual([GRADE_MIN, GRADE_MAX]);
  });

  it('offers the current term and the ones before it, each valid', () => {
    expect(recentTerms(new Date(2026, 10, 29), 3)).toEqual(['2026-autumn', '2026-spring', '2025-autumn']);
    expect(recentTerms(new Date(2027, 0, 10), 2)).toEqual(['2026-autumn', '2026-spring']);
    expect(recentTerms(new Date(2026, 4, 1), 2)).toEqual(['2026-spring', '2025-autumn']);
    for (const term of recentTerms(new Date())) expect(term).toMatch(new RegExp(DOMAIN_PATTERN));
    expect(parseTerm('2026-spring')).toEqual({ year: 2026, season: 'spring' });
    expect(parseTerm('spring')).toBeNull();
  });
});
