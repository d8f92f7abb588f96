/**
 * How long an NGO keeps a student's personal data once their time with the program is over, and the
 * moment from which that counts. Part of the NGO's policy; the daily anonymisation applies it.
 */
export const STUDENT_RETENTION_MONTHS = { default: 36, min: 12, max: 120 } as const;

export interface RetentionProblem {
  field: 'studentRetentionMonths';
  code: 'retention_out_of_range';
}

/** Whole months between the limits: at least one annual report and giving statement, at most ten years. */
export function retentionProblems(months: number): RetentionProblem[] {
  const { min, max } = STUDENT_RETENTION_MONTHS;
  return Number.isInteger(months) && months >= min && months <= max ? [] : [{ field: 'studentRetentionMonths', code: 'retention_out_of_range' }];
}

/**
 * The same instant `months` calendar months before `now` (UTC), the day clamped to the shorter month
 * (31 May minus 3 months is 28 or 29 February). A student whose retention started at or before it is due
 * for anonymisation.
 */
export function retentionCutoff(now: Date, months: number): Date {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()),
  );
}
