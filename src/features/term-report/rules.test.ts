import { TERM_PATTERN, TERM_RESULT_MAX as DOMAIN_RESULT_MAX, TermReportBody, TermReportView } from '../../../domain/api/students';
import { GRADE_MAX, GRADE_MIN, TERM_RESULT_MAX } from './rules';

describe('term report rules', () => {
  it('match the API schema', () => {
    expect(TERM_RESULT_MAX).toBe(DOMAIN_RESULT_MAX);
    const grade = TermReportBody.properties.grade as unknown as { minimum: number; maximum: number };
    expect([grade.minimum, grade.maximum]).toEqual([GRADE_MIN, GRADE_MAX]);
    expect((TermReportView.properties.term as unknown as { pattern: string }).pattern).toBe(TERM_PATTERN);
  });
});
