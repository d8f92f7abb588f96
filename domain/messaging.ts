/**
 * Messages the system sends outside the app (WeChat subscribe messages, Alipay template messages).
 * The in-app inbox always gets every notification; a platform message is sent only when the person
 * granted that template, and only once per (recipient, event).
 */
export const PUSH_EVENTS = [
  /** To a student: a gentle reminder that a check-in is welcome (ladder nudges). */
  'checkin_reminder',
  /** To a sponsor: the partner NGO is checking in on their student. */
  'student_checking_in',
  /** To a sponsor: their student is back in touch (or what changed). */
  'student_back_in_touch',
  /** To a sponsor: a letter from their student was delivered. */
  'letter_delivered',
  /** To a caseworker (or the NGO admin): a student's words may show danger; open the urgent queue now. */
  'care_urgent',
  /** To a sponsor: the next period of their pledge falls due in a few days (never a charge). */
  'payment_due',
] as const;
export type PushEvent = (typeof PUSH_EVENTS)[number];

export const PUSH_CHANNELS = ['wechat_subscribe', 'alipay_template'] as const;
export type PushChannel = (typeof PUSH_CHANNELS)[number];

/**
 * WeChat subscribe-message value kinds and their length limits (characters). A value over its
 * limit is refused by WeChat (47003), so it is trimmed with an ellipsis before sending.
 */
export const WECHAT_FIELD_LIMITS = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phone_number: 17,
  car_number: 8,
  amount: 20,
  time: 64,
  date: 64,
} as const;
export type WechatFieldKind = keyof typeof WECHAT_FIELD_LIMITS;

/** Cuts a value to `max` characters (code points, so a Chinese character or emoji counts once), ending with … when cut. */
export function trimToLimit(value: string, max: number): string {
  const chars = Array.from(value.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Trims every field of a subscribe message by its kind, taken from the key's prefix (`thing1` → thing). */
export function trimWechatFields(data: Record<string, string>): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {};
  for (const [key, value] of Object.entries(data)) {
    const kind = key.replace(/\d+$/, '') as WechatFieldKind;
    const max = WECHAT_FIELD_LIMITS[kind] ?? 20;
    out[key] = { value: trimToLimit(value, max) };
  }
  return out;
}

/** Delay before retry number `attempt` (1-based): 1 min, 2, 4, 8… capped at 6 hours. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempt - 1), 6 * 3_600_000);
}

export const MAX_PUSH_ATTEMPTS = 8;
