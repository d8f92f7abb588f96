import type { FlagCaseView } from '../../../domain/api/care';
import type { WellbeingFinding } from '../../../domain/wellbeing/types';
import type { Db } from '../../db/connect';
import { flagFields } from './queue';
import { flagOf, type Staff } from './scope';

const LIST_LIMIT = 100;

async function staffName(db: Db, staffId: string | null): Promise<string | null> {
  if (!staffId) return null;
  const row = await db.selectFrom('staff').select('full_name').where('id', '=', staffId).executeTakeFirst();
  return row?.full_name ?? null;
}

/**
 * One flag as the caseworker works it: the words as assessed with the passages that raised it, the
 * student with guardian and school contacts, what has been done, and where a flagged letter stands.
 * Staff only — none of it ever reaches a sponsor.
 */
export async function loadFlagCase(db: Db, principal: Staff, flagId: string): Promise<FlagCaseView> {
  const flag = await flagOf(db, principal, flagId);
  const student = await db
    .selectFrom('students')
    .select(['id', 'legal_name', 'display_name', 'grade', 'school_stage', 'province', 'city'])
    .where('id', '=', flag.student_id)
    .executeTakeFirstOrThrow();
  const contacts = await db
    .selectFrom('student_contacts')
    .select(['id', 'kind', 'name', 'relation', 'phone', 'note'])
    .where('student_id', '=', flag.student_id)
    .orderBy('kind')
    .orderBy('created_at')
    .orderBy('id')
    .limit(LIST_LIMIT)
    .execute();
  const actions = await db
    .selectFrom('wellbeing_actions')
    .innerJoin('staff', 'staff.id', 'wellbeing_actions.staff_id')
    .select(['wellbeing_actions.kind', 'wellbeing_actions.note', 'wellbeing_actions.acted_at', 'staff.full_name'])
    .where('wellbeing_actions.flag_id', '=', flag.id)
    .orderBy('wellbeing_actions.acted_at')
    .orderBy('wellbeing_actions.id')
    .limit(LIST_LIMIT)
    .execute();
  const letter =
    flag.source_kind === 'letter' ? await db.selectFrom('letters').select(['id', 'status']).where('id', '=', flag.source_id).executeTakeFirst() : undefined;
  const [assigneeName, acknowledgedByName, resolvedByName] = await Promise.all([
    staffName(db, flag.assigned_staff_id),
    staffName(db, flag.acknowledged_by),
    staffName(db, flag.resolved_by),
  ]);
  const findings = (JSON.parse(flag.findings) as WellbeingFinding[]).map((f) => ({ category: f.category, level: f.level, start: f.start, end: f.end, excerpt: f.excerpt }));
  return {
    flag: {
      ...flagFields({ ...flag, assignee_name: assigneeName }, principal.staffId),
      acknowledgedByName,
      resolvedAt: flag.resolved_at,
      resolvedByName,
      outcome: flag.outcome,
      outcomeNote: flag.outcome_note,
    },
    text: flag.text,
    findings,
    letter: letter ? { id: letter.id, status: letter.status } : null,
    student: {
      id: student.id,
      legalName: student.legal_name,
      displayName: student.display_name,
      grade: student.grade,
      schoolStage: student.school_stage,
      province: student.province,
      city: student.city,
      contacts,
    },
    actions: actions.map((a) => ({ kind: a.kind, note: a.note, staffName: a.full_name, at: a.acted_at })),
  };
}
