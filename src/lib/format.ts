import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import type { Cadence } from '../../domain/sponsorship';
import { gradeLabel } from '../../domain/grade';
import type { SchoolStage } from '../../domain/student';
import type { Locale, Translate } from './i18n';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);

/** Times are stored in UTC and shown in China's time zone wherever the phone happens to be. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

const DAYJS_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

function inShanghai(iso: string) {
  try {
    return dayjs.utc(iso).tz(DISPLAY_TIME_ZONE);
  } catch {
    // Some mini-program engines lack Intl time-zone data; Shanghai has had no DST since 1991.
    return dayjs.utc(iso).utcOffset(SHANGHAI_OFFSET_MINUTES);
  }
}

/** "3 days ago" / "3 天前". */
export function formatRelative(iso: string, locale: Locale, now: Date = new Date()): string {
  return dayjs(iso).locale(DAYJS_LOCALE[locale]).from(dayjs(now));
}

/** A calendar date in Asia/Shanghai: "2026年12月3日" / "Dec 3, 2026". */
export function formatDate(iso: string, locale: Locale): string {
  return inShanghai(iso)
    .locale(DAYJS_LOCALE[locale])
    .format(locale === 'zh-CN' ? 'YYYY年M月D日' : 'MMM D, YYYY');
}

/** A moment in Asia/Shanghai, to the minute: "2026年12月3日 14:05" / "Dec 3, 2026 14:05". */
export function formatDateTime(iso: string, locale: Locale): string {
  return inShanghai(iso)
    .locale(DAYJS_LOCALE[locale])
    .format(locale === 'zh-CN' ? 'YYYY年M月D日 HH:mm' : 'MMM D, YYYY HH:mm');
}

/** Integer fen to yuan for display: 30000 → "¥300", 12345 → "¥123.45". */
export function formatYuan(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${grouped}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
}

export function formatAmountPerCadence(t: Translate, fen: number, cadence: Cadence): string {
  return t(`sponsorship.amount.${cadence}`, { amount: formatYuan(fen) });
}

/** "高中二年级" / "Senior 2": the one grade format of every screen (domain/grade). */
export function formatGrade(locale: Locale, grade: number, stage?: SchoolStage): string {
  return gradeLabel(grade, stage, locale);
}

/** "四川·凉山" / "Liangshan, Sichuan": the one place format of every screen. */
export function formatPlace(t: Translate, province: string, city: string): string {
  if (!province || province === city) return city;
  return t('student.place', { province, city });
}
