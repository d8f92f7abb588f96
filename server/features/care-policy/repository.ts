import type { CarePolicyView, UpdateCarePolicyBody } from '../../../domain/api/care';
import { validatePolicy, type CarePolicy } from '../../../domain/care/policy';
import { retentionProblems, STUDENT_RETENTION_MONTHS } from '../../../domain/privacy/retention';
import { recordAudit } from '../../audit/record';
import { recomputeDueDates } from '../../care-clock/due-dates';
import { loadCarePolicy, type StoredCarePolicy } from '../../care-clock/policy';
import type { Db } from '../../db/connect';
import { AppError } from '../../lib/errors';
import type { Staff } from '../care/scope';

/** Consent age of an NGO that had no stored policy until its first edit (every minor needs consent). */
const DEFAULT_CONSENT_AGE = 18;

const policyOnly = (p: CarePolicy): CarePolicy => ({
  checkinCadenceDays: p.checkinCadenceDays,
  ladder: p.ladder.map((s) => ({ step: s.step, day: s.day })),
  slaAckHours: p.slaAckHours,
  slaFirstContactHours: p.slaFirstContactHours,
  quietPeriods: p.quietPeriods.map((q) => ({ name: q.name.trim(), from: q.from, to: q.to })),
  examCalendar: p.examCalendar.map((e) => ({ ...e, name: e.name.trim(), province: e.province.trim() })),
  examOutreachDays: p.examOutreachDays,
  urgentAckMinutes: p.urgentAckMinutes,
  concernDueHours: p.concernDueHours,
});

/** The NGO's retention period for students' personal data (the default until its first saved policy). */
export async function studentRetentionMonths(db: Db, ngoId: string): Promise<number> {
  const row = await db.selectFrom('ngo_policies').select('student_retention_months').where('ngo_id', '=', ngoId).executeTakeFirst();
  return row?.student_retention_months ?? STUDENT_RETENTION_MONTHS.default;
}

async function toView(db: Db, principal: Staff, policy: StoredCarePolicy): Promise<CarePolicyView> {
  const ngo = await db.selectFrom('ngos').select('created_at').where('id', '=', policy.ngoId).executeTakeFirstOrThrow();
  const editor = policy.updatedBy ? await db.selectFrom('staff').select('full_name').where('account_id', '=', policy.updatedBy).executeTakeFirst() : undefined;
  return {
    ...policyOnly(policy),
    studentRetentionMonths: await studentRetentionMonths(db, policy.ngoId),
    ngoId: policy.ngoId,
    version: policy.version,
    // The defaults have applied since the NGO joined.
    updatedAt: policy.updatedAt ?? ngo.created_at,
    updatedByName: editor?.full_name ?? null,
    editable: principal.role === 'ngo_admin',
  };
}

export async function carePolicyView(db: Db, principal: Staff): Promise<CarePolicyView> {
  return toView(db, principal, await loadCarePolicy(db, principal.ngoId));
}

/**
 * The admin saves the whole policy. It must pass the domain's rules (every problem is answered at
 * once, at its field), and it must be edited from the version now stored: the write is guarded by
 * that version, so of two editors the second is told to refresh. The audit log keeps the previous and
 * the new policy, and every student's due dates follow the new one.
 */
export async function updateCarePolicy(db: Db, principal: Staff, body: UpdateCarePolicyBody, now: Date): Promise<CarePolicyView> {
  const { expectedVersion, studentRetentionMonths: retention, ...submitted } = body;
  const next = policyOnly(submitted);
  const problems = [...validatePolicy(next), ...(retention === undefined ? [] : retentionProblems(retention))];
  if (problems.length > 0) throw new AppError('POLICY_INVALID', { details: problems.map((p) => ({ field: p.field, message: `policy:${p.code}` })) });
  const nowIso = now.toISOString();
  const columns = {
    checkin_cadence_days: next.checkinCadenceDays,
    ladder: JSON.stringify(next.ladder),
    sla_ack_hours: next.slaAckHours,
    sla_first_contact_hours: next.slaFirstContactHours,
    quiet_periods: JSON.stringify(next.quietPeriods),
    exam_calendar: JSON.stringify(next.examCalendar),
    exam_outreach_days: next.examOutreachDays,
    urgent_ack_minutes: next.urgentAckMinutes,
    concern_due_hours: next.concernDueHours,
    ...(retention === undefined ? {} : { student_retention_months: retention }),
    updated_at: nowIso,
    updated_by: principal.accountId,
  };
  await db.transaction().execute(async (trx) => {
    const previous = await loadCarePolicy(trx, principal.ngoId);
    const previousRetention = await studentRetentionMonths(trx, principal.ngoId);
    if (previous.version !== expectedVersion) throw new AppError('POLICY_VERSION_STALE');
    const written =
      previous.version === 0
        ? await trx
            .insertInto('ngo_policies')
            .values({ ngo_id: principal.ngoId, version: 1, consent_required_under_age: DEFAULT_CONSENT_AGE, ...columns })
            .onConflict((oc) => oc.column('ngo_id').doNothing())
            .executeTakeFirst()
            .then((r) => Number(r.numInsertedOrUpdatedRows ?? 0))
        : await trx
            .updateTable('ngo_policies')
            .set((eb) => ({ ...columns, version: eb('version', '+', 1) }))
            .where('ngo_id', '=', principal.ngoId)
            .where('version', '=', expectedVersion)
            .executeTakeFirst()
            .then((r) => Number(r.numUpdatedRows));
    if (written !== 1) throw new AppError('POLICY_VERSION_STALE');
    await recordAudit(trx, principal, now, {
      action: 'ngo_policies.update',
      entityType: 'ngo_policy',
      entityId: principal.ngoId,
      detail: {
        fromVersion: previous.version,
        toVersion: previous.version + 1,
        previous: { ...policyOnly(previous), studentRetentionMonths: previousRetention },
        next: { ...next, studentRetentionMonths: retention ?? previousRetention },
      },
    });
    await recomputeDueDates(trx, principal.ngoId, now);
  });
  return carePolicyView(db, principal);
}
