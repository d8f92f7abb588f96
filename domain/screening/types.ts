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
  'personal_request',
  'private_channel',
  'secrecy',
  'meeting',
  'money',
] as const;
export type ScreeningCategory = (typeof SCREENING_CATEGORIES)[number];

/**
 * Categories grouped by the harm they lead to: a way to reach or find someone (given, asked for, or a
 * channel proposed), a meeting, money or gifts outside the programme, and keeping things from the
 * adults who look after the child.
 */
export const CATEGORY_GROUP: Record<ScreeningCategory, 'contact' | 'meeting' | 'money' | 'secrecy'> = {
  phone: 'contact',
  social_id: 'contact',
  email: 'contact',
  url: 'contact',
  address: 'contact',
  school: 'contact',
  id_number: 'contact',
  bank_card: 'contact',
  personal_request: 'contact',
  private_channel: 'contact',
  secrecy: 'secrecy',
  meeting: 'meeting',
  money: 'money',
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
