import type { SchoolStage } from './student';

/**
 * Grades are stored 1–12 across stages; people name them by stage and year: "高中二年级" / "Senior 2"
 * is grade 11. Every screen and the server name grades here, so one grade reads the same everywhere.
 */
export type GradeLocale = 'zh-CN' | 'en-US';

const STAGE_GRADES: Record<SchoolStage, { first: number; years: number }> = {
  primary: { first: 1, years: 6 },
  middle: { first: 7, years: 3 },
  high: { first: 10, years: 3 },
  vocational: { first: 10, years: 3 },
};

/** The usual stage of a grade, for a grade kept without one or outside the stage given (an old term report). */
export function stageOfGrade(grade: number): SchoolStage {
  if (grade <= 6) return 'primary';
  return grade <= 9 ? 'middle' : 'high';
}

function inStage(grade: number, stage: SchoolStage | undefined): { stage: SchoolStage; year: number } {
  const fits = (s: SchoolStage) => grade >= STAGE_GRADES[s].first && grade < STAGE_GRADES[s].first + STAGE_GRADES[s].years;
  const chosen = stage && fits(stage) ? stage : stageOfGrade(grade);
  return { stage: chosen, year: grade - STAGE_GRADES[chosen].first + 1 };
}

const ZH_NUMERALS = ['', '一', '二', '三', '四', '五', '六'];

const LABELS: Record<GradeLocale, Record<SchoolStage, (year: number) => string>> = {
  'zh-CN': {
    primary: (year) => `小学${ZH_NUMERALS[year] ?? year}年级`,
    middle: (year) => `初中${ZH_NUMERALS[year] ?? year}年级`,
    high: (year) => `高中${ZH_NUMERALS[year] ?? year}年级`,
    vocational: (year) => `中职${ZH_NUMERALS[year] ?? year}年级`,
  },
  'en-US': {
    primary: (year) => `Primary ${year}`,
    middle: (year) => `Junior ${year}`,
    high: (year) => `Senior ${year}`,
    vocational: (year) => `Vocational ${year}`,
  },
};

/** "高中二年级" / "Senior 2" for grade 11; the stage, when known, tells vocational from high school. */
export function gradeLabel(grade: number, stage: SchoolStage | undefined, locale: GradeLocale): string {
  if (!Number.isInteger(grade) || grade < 1 || grade > 12) return String(grade);
  const placed = inStage(grade, stage);
  return LABELS[locale][placed.stage](placed.year);
}
