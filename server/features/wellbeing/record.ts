import { flagDueAt, type WellbeingSourceKind } from '../../../domain/care/flags';
import { assessWellbeing } from '../../../domain/wellbeing';
import type { WellbeingLevel } from '../../../domain/wellbeing/types';
import { recordAudit } from '../../audit/record';
import { loadCarePolicy } from '../../care-clock/policy';
import type { Db } from '../../db/connect';
import { newId } from '../../lib/ids';
import { deliverMany, type OutgoingMessage } from '../messaging/deliver';

export interface AssessedSource {
  kind: WellbeingSourceKind;
  id: string;
  /** 1 for a new text; a letter edited and sent again counts up, and is assessed again. */
  revision: number;
}

export interface WellbeingOutcome {
  level: WellbeingLevel;
  flagId: string | null;
}

/** Who hears of a flag at once: the student's caseworker, or every admin of the NGO when the student has none. */
async function firstResponders(db: Db, studentId: string) {
  const student = await db
    .selectFrom('students')
    .leftJoin('staff', 'staff.id', 'students.caseworker_id')
    .select(['students.ngo_id', 'students.display_name', 'students.caseworker_id', 'staff.account_id as caseworker_account_id'])
    .where('students.id', '=', studentId)
    .executeTakeFirstOrThrow();
  const accounts = student.caseworker_account_id
    ? [student.caseworker_account_id]
    : (await db.selectFrom('staff').select('account_id').where('ngo_id', '=', student.ngo_id).where('role', '=', 'ngo_admin').execute()).map((s) => s.account_id);
  return { ...student, accounts };
}

/**
 * Assesses a student's words (domain/wellbeing) inside the transaction that stores them. Urgent or
 * concern opens one flag for the source (unique per source and revision, so a retried or raced write
 * opens it once), assigned to the student's caseworker, due by the NGO's policy, and tells them at
 * once — in the app and, for urgent, on the platform they granted. Audited with no actor: the system
 * raised it.
 */
export async function assessStudentWords(db: Db, studentId: string, source: AssessedSource, text: string, now: Date): Promise<WellbeingOutcome> {
  const assessment = assessWellbeing(text);
  if (assessment.level === 'none') return { level: 'none', flagId: null };
  const level = assessment.level;
  const who = await firstResponders(db, studentId);
  const policy = await loadCarePolicy(db, who.ngo_id);
  const id = newId();
  const inserted = await db
    .insertInto('wellbeing_flags')
    .values({
      id,
      student_id: studentId,
      ngo_id: who.ngo_id,
      level,
      source_kind: source.kind,
      source_id: source.id,
      source_revision: source.revision,
      text,
      findings: JSON.stringify(assessment.findings),
      status: 'open',
      assigned_staff_id: who.caseworker_id,
      opened_at: now.toISOString(),
      due_at: flagDueAt(level, now, policy).toISOString(),
    })
    .onConflict((oc) => oc.columns(['source_kind', 'source_id', 'source_revision']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await db
      .selectFrom('wellbeing_flags')
      .select('id')
      .where('source_kind', '=', source.kind)
      .where('source_id', '=', source.id)
      .where('source_revision', '=', source.revision)
      .executeTakeFirstOrThrow();
    return { level, flagId: existing.id };
  }
  const categories = [...new Set(assessment.findings.map((f) => f.category))];
  const messages: OutgoingMessage[] = who.accounts.map((accountId) => ({
    accountId,
    kind: level === 'urgent' ? 'wellbeing_urgent' : 'wellbeing_concern',
    payload: { flagId: id, studentId, studentDisplayName: who.display_name, level, categories },
    dedupeKey: `wellbeing_flag:${id}:${accountId}`,
    ...(level === 'urgent' ? { push: 'care_urgent' as const } : {}),
  }));
  await deliverMany(db, messages, now);
  await recordAudit(db, null, now, {
    action: 'wellbeing.flag',
    entityType: 'wellbeing_flag',
    entityId: id,
    studentId,
    detail: { level, categories, source: source.kind, sourceId: source.id, revision: source.revision },
  });
  return { level, flagId: id };
}
