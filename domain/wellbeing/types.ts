/**
 * What a student's words may disclose, and how soon a person must hear of it (docs/WELLBEING.md).
 *  - urgent: risk to life, or abuse — an urgent care alert for the caseworker, the text held from the sponsor;
 *  - concern: distress — a caseworker task within a day; the text is delivered as usual.
 */
export const WELLBEING_CATEGORIES = [
  'suicidal',
  'self_harm',
  'physical_abuse',
  'sexual_abuse',
  'forced_marriage',
  'neglect',
  'forced_dropout',
  'bullying',
  'hopelessness',
] as const;
export type WellbeingCategory = (typeof WELLBEING_CATEGORIES)[number];

export const WELLBEING_LEVELS = ['urgent', 'concern', 'none'] as const;
export type WellbeingLevel = (typeof WELLBEING_LEVELS)[number];
export type FlagLevel = Exclude<WellbeingLevel, 'none'>;

export const CATEGORY_LEVEL: Record<WellbeingCategory, FlagLevel> = {
  suicidal: 'urgent',
  self_harm: 'urgent',
  physical_abuse: 'urgent',
  sexual_abuse: 'urgent',
  forced_marriage: 'urgent',
  neglect: 'concern',
  forced_dropout: 'concern',
  bullying: 'concern',
  hopelessness: 'concern',
};

export interface WellbeingFinding {
  category: WellbeingCategory;
  level: FlagLevel;
  /** Offsets into the original text, in UTF-16 code units; end is exclusive. */
  start: number;
  end: number;
  /** The passage as written. */
  excerpt: string;
}

export interface WellbeingAssessment {
  /** The highest level of any finding; `none` when there is no finding. */
  level: WellbeingLevel;
  /** Sorted by start. */
  findings: WellbeingFinding[];
}

/** The more serious of two levels. */
export function higherLevel(a: WellbeingLevel, b: WellbeingLevel): WellbeingLevel {
  return WELLBEING_LEVELS.indexOf(a) <= WELLBEING_LEVELS.indexOf(b) ? a : b;
}
