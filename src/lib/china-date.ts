import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** Calendar days are China's (UTC+8, no daylight saving), wherever the phone is. */
const CHINA_OFFSET_MINUTES = 8 * 60;

const chinaDay = (at: string | Date) => dayjs.utc(at).utcOffset(CHINA_OFFSET_MINUTES).startOf('day');

/** Today's date in China, `YYYY-MM-DD`. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDay(now).format('YYYY-MM-DD');
}

/** Whole calendar days (in China) that a due moment is past: 0 when it is today or still ahead. */
export function daysOverdue(dueIso: string, now: Date = new Date()): number {
  return Math.max(0, chinaDay(now).diff(chinaDay(dueIso), 'day'));
}
