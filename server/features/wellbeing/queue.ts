import { sql, type RawBuilder } from 'kysely';
import type { FlagRow } from '../../../domain/api/care';
import type { FlagLevel, WellbeingCategory, WellbeingFinding } from '../../../domain/wellbeing/types';
import type { Db } from '../../db/connect';
import { staffFlags, type Staff } from './scope';

export const WORKING_FLAG_STATUSES = ['open', 'acknowledged'] as const;

/** Mine first, escalated first, then the deadline that comes first (unacknowledged before acknowledged), then the oldest. */
export function flagSortKey(staffId: string): RawBuilder<string | number>[] {
  return [
    sql<number>`case when wellbeing_flags.assigned_staff_id = ${staffId} then 0 else 1 end`,
    sql<number>`case when wellbeing_flags.escalated_at is not null then 0 when wellbeing_flags.status = 'open' then 1 else 2 end`,
    sql<string>`wellbeing_flags.due_at`,
    sql<string>`wellbeing_flags.opened_at`,
    sql<string>`wellbeing_flags.id`,
  ];
}

/** The caller's NGO's flags of one level still being worked. */
export function workingFlags(db: Db, principal: Staff, level: FlagLevel) {
  return staffFlags(db, principal).where('wellbeing_flags.level', '=', level).where('wellbeing_flags.status', 'in', [...WORKING_FLAG_STATUSES]);
}

export function categoriesOf(findings: string): WellbeingCategory[] {
  const parsed = JSON.parse(findings) as WellbeingFinding[];
  return [...new Set(parsed.map((f) => f.category))];
}

export interface FlagRowSource {
  id: string;
  level: FlagLevel;
  status: FlagRow['status'];
  assigned_staff_id: string | null;
  assignee_name: string | null;
  source_kind: FlagRow['sourceKind'];
  findings: string;
  opened_at: string;
  due_at: string;
  acknowledged_at: string | null;
  escalated_at: string | null;
}

/** The parts of a flag every view shares (the queue row and the case). */
export function flagFields(r: FlagRowSource, staffId: string): Omit<FlagRow, 'kind' | 'student'> {
  return {
    id: r.id,
    level: r.level,
    status: r.status,
    assignee: r.assigned_staff_id && r.assignee_name ? { id: r.assigned_staff_id, name: r.assignee_name } : null,
    mine: r.assigned_staff_id === staffId,
    sourceKind: r.source_kind,
    categories: categoriesOf(r.findings),
    openedAt: r.opened_at,
    dueAt: r.due_at,
    acknowledgedAt: r.acknowledged_at,
    escalatedAt: r.escalated_at,
  };
}

export const flagColumns = [
  'wellbeing_flags.id',
  'wellbeing_flags.level',
  'wellbeing_flags.status',
  'wellbeing_flags.assigned_staff_id',
  'wellbeing_flags.source_kind',
  'wellbeing_flags.findings',
  'wellbeing_flags.opened_at',
  'wellbeing_flags.due_at',
  'wellbeing_flags.acknowledged_at',
  'wellbeing_flags.escalated_at',
] as const;
