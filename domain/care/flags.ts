/**
 * A wellbeing flag: a student's words assessed `urgent` or `concern` (domain/wellbeing) put a person
 * on it. Urgent: acknowledged within minutes, or escalated to the NGO admin. Concern: followed up
 * within hours. A flag is closed only by staff, as handled (after at least one action) or as a false
 * alarm with a reason — never dropped silently.
 */
import type { FlagLevel } from '../wellbeing/types';

export const FLAG_SOURCE_KINDS = ['letter', 'checkin', 'term_report'] as const;
export type WellbeingSourceKind = (typeof FLAG_SOURCE_KINDS)[number];

export const FLAG_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** What a caseworker did about a flag; each is recorded with a note. */
export const FLAG_ACTIONS = ['reached_student', 'contacted_school', 'emergency_services'] as const;
export type FlagActionKind = (typeof FLAG_ACTIONS)[number];

export const FLAG_OUTCOMES = ['handled', 'false_alarm'] as const;
export type FlagOutcome = (typeof FLAG_OUTCOMES)[number];

export interface FlagTimes {
  urgentAckMinutes: number;
  concernDueHours: number;
}

/** When a new flag must be acknowledged (urgent) or followed up (concern) by. */
export function flagDueAt(level: FlagLevel, openedAt: Date, policy: FlagTimes): Date {
  const ms = level === 'urgent' ? policy.urgentAckMinutes * 60_000 : policy.concernDueHours * 3_600_000;
  return new Date(openedAt.getTime() + ms);
}

export interface FlagState {
  level: FlagLevel;
  status: FlagStatus;
  dueAt: Date;
  escalatedAt: Date | null;
}

/**
 * Whether the sweep escalates the flag now: an urgent flag still unacknowledged, or a concern still
 * open or only acknowledged, past its due time, and not escalated before.
 */
export function flagOverdue(flag: FlagState, now: Date): boolean {
  if (flag.escalatedAt || flag.status === 'resolved' || now.getTime() < flag.dueAt.getTime()) return false;
  return flag.level === 'concern' || flag.status === 'open';
}

export type FlagCloseProblem = 'resolved' | 'needs_action' | 'reason_required';

/** Why a flag cannot be closed this way, or null. Handled needs an action on record; a false alarm needs a reason. */
export function flagCloseProblem(status: FlagStatus, outcome: FlagOutcome, actionCount: number, note: string): FlagCloseProblem | null {
  if (status === 'resolved') return 'resolved';
  if (outcome === 'false_alarm' && note.trim().length === 0) return 'reason_required';
  if (outcome === 'handled' && actionCount === 0) return 'needs_action';
  return null;
}
