import { DEFAULT_CARE_POLICY, type CarePolicy } from '../../domain/care/policy';
import type { Db } from '../db/connect';
import type { NgoPolicyTable } from '../db/schema';

export interface StoredCarePolicy extends CarePolicy {
  ngoId: string;
  /** 0 when the NGO has no stored policy yet (the defaults apply). */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

type PolicyRow = Pick<
  NgoPolicyTable,
  'ngo_id' | 'version' | 'checkin_cadence_days' | 'ladder' | 'sla_ack_hours' | 'sla_first_contact_hours' | 'quiet_periods' | 'exam_calendar' | 'updated_at' | 'updated_by'
> & { exam_outreach_days: number; urgent_ack_minutes: number; concern_due_hours: number };

export const POLICY_COLUMNS = [
  'ngo_id', 'version', 'checkin_cadence_days', 'ladder', 'sla_ack_hours', 'sla_first_contact_hours', 'quiet_periods', 'exam_calendar', 'exam_outreach_days', 'urgent_ack_minutes', 'concern_due_hours', 'updated_at', 'updated_by',
] as const;

/** The stored JSON columns are written only by the policy editor (validated) and the seed, so they parse as the domain types. */
export function policyFromRow(row: PolicyRow): StoredCarePolicy {
  return {
    ngoId: row.ngo_id,
    version: row.version,
    checkinCadenceDays: row.checkin_cadence_days,
    ladder: JSON.parse(row.ladder) as CarePolicy['ladder'],
    slaAckHours: row.sla_ack_hours,
    slaFirstContactHours: row.sla_first_contact_hours,
    quietPeriods: JSON.parse(row.quiet_periods) as CarePolicy['quietPeriods'],
    examCalendar: JSON.parse(row.exam_calendar) as CarePolicy['examCalendar'],
    examOutreachDays: row.exam_outreach_days,
    urgentAckMinutes: row.urgent_ack_minutes,
    concernDueHours: row.concern_due_hours,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** The NGO's care policy, or the defaults when it has none stored yet. */
export async function loadCarePolicy(db: Db, ngoId: string): Promise<StoredCarePolicy> {
  const row = await db.selectFrom('ngo_policies').select(POLICY_COLUMNS).where('ngo_id', '=', ngoId).executeTakeFirst();
  if (row) return policyFromRow(row);
  return { ...DEFAULT_CARE_POLICY, ngoId, version: 0, updatedAt: null, updatedBy: null };
}

/** Policies of several NGOs at once (the sweep reads a batch of students from many NGOs). */
export async function loadCarePolicies(db: Db, ngoIds: readonly string[]): Promise<Map<string, StoredCarePolicy>> {
  const unique = [...new Set(ngoIds)];
  const rows = unique.length ? await db.selectFrom('ngo_policies').select(POLICY_COLUMNS).where('ngo_id', 'in', unique).execute() : [];
  const map = new Map(rows.map((r) => [r.ngo_id, policyFromRow(r)]));
  for (const id of unique) if (!map.has(id)) map.set(id, { ...DEFAULT_CARE_POLICY, ngoId: id, version: 0, updatedAt: null, updatedBy: null });
  return map;
}
