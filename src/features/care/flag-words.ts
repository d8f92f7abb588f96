import type { WellbeingCategory } from '../../../domain/wellbeing/types';
import type { Translate } from '@/lib/i18n';
import type { FlagRow } from './api';
import { formatDuration, timeLeft, type TimeLeft } from './countdown';

type FlagTiming = Pick<FlagRow, 'level' | 'status' | 'dueAt' | 'escalatedAt'>;

export interface FlagDue extends TimeLeft {
  /** urgent: to be acknowledged by `dueAt`; concern: to be followed up (closed) by it. */
  kind: 'ack' | 'follow_up';
  /** The admin was told the deadline was missed. */
  escalated: boolean;
}

/** The deadline a flag is still running against, or null once it no longer applies (urgent taken on, or closed). */
export function flagDue(flag: FlagTiming, now: Date): FlagDue | null {
  if (flag.status === 'resolved') return null;
  if (flag.level === 'urgent' && flag.status !== 'open') return null;
  return { kind: flag.level === 'urgent' ? 'ack' : 'follow_up', escalated: flag.escalatedAt !== null, ...timeLeft(flag.dueAt, now) };
}

/** "确认期限还剩 9 分钟" / "确认已超时 3 分钟，已通知管理员". */
export function describeFlagDue(t: Translate, due: FlagDue): string {
  const time = formatDuration(t, due.amount, due.unit);
  const state = !due.overdue ? 'left' : due.escalated ? 'escalated' : 'overdue';
  return t(`care.flagDue.${due.kind}.${state}`, { time });
}

/** The categories a flag's findings fall in, in words: "自杀念头、自伤". */
export function categoryWords(t: Translate, categories: readonly WellbeingCategory[]): string {
  return categories.map((category) => t(`care.category.${category}`)).join(t('care.listSeparator'));
}
