/** What letter screening looks for. Each finding names one of these. */
export const SCREENING_CATEGORIES = [
  'phone',
  'social_id',
  'email',
  'url',
  'address',
  'school',
  'id_number',
  'bank_card',
  'money',
  'meeting',
] as const;
export type ScreeningCategory = (typeof SCREENING_CATEGORIES)[number];

/** Categories grouped the way the safeguarding targets are stated (recall ≥ 98% on contact and money). */
export const CATEGORY_GROUP: Record<ScreeningCategory, 'contact' | 'money' | 'meeting'> = {
  phone: 'contact',
  social_id: 'contact',
  email: 'contact',
  url: 'contact',
  address: 'contact',
  school: 'contact',
  id_number: 'contact',
  bank_card: 'contact',
  money: 'money',
  meeting: 'meeting',
};

export interface Finding {
  category: ScreeningCategory;
  /** Offsets into the original text, in UTF-16 code units (JavaScript string indices); end is exclusive. */
  start: number;
  end: number;
  /** The matched passage, as written. */
  excerpt: string;
}

export interface ScreeningResult {
  verdict: 'pass' | 'hold';
  findings: Finding[];
}
