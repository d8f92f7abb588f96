import { retentionCutoff, retentionProblems, STUDENT_RETENTION_MONTHS } from './retention';

test('the cutoff is the same instant whole calendar months earlier, the day clamped to a shorter month', () => {
  expect(retentionCutoff(new Date('2029-11-29T19:15:00.000Z'), 36).toISOString()).toBe('2026-11-29T19:15:00.000Z');
  expect(retentionCutoff(new Date('2027-05-31T03:00:00.000Z'), 3).toISOString()).toBe('2027-02-28T03:00:00.000Z');
  expect(retentionCutoff(new Date('2028-05-31T03:00:00.000Z'), 3).toISOString()).toBe('2028-02-29T03:00:00.000Z');
  expect(retentionCutoff(new Date('2027-01-15T00:00:00.000Z'), 13).toISOString()).toBe('2025-12-15T00:00:00.000Z');
});

test('the retention period is whole months between one and ten years', () => {
  const { min, max } = STUDENT_RETENTION_MONTHS;
  for (const ok of [min, STUDENT_RETENTION_MONTHS.default, max]) expect(retentionProblems(ok)).toEqual([]);
  for (const bad of [min - 1, max + 1, 24.5, Number.NaN]) {
    expect(retentionProblems(bad)).toEqual([{ field: 'studentRetentionMonths', code: 'retention_out_of_range' }]);
  }
});
