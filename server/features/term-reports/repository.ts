import type { TermReportBody } from '../../../domain/api/students';
import { normaliseTerm, welcomeTerms } from '../../../domain/terms';
import type { SchoolStage } from '../../../domain/student';
import type { Principal } from '../../access/principal';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { shanghaiToday } from '../../lib/local-date';
import { assessStudentWords } from '../wellbeing/record';
import { tellSponsorOfReport } from './care-hold';

export interface TermReportRow {
  id: string;
  term: string;
  grade: number;
  overall_result: string;
  authored_by: 'student' | 'caseworker';
  photo_key: string | null;
  created_at: string;
}

/**
 * Records a term report for a student, by the student or by staff on their behalf (`authored_by`
 * says which). The term is stored as its code whichever form was sent; one per (student, term), held
 * by a unique index. The sponsor of the student's open sponsorship is told once.
 */
export async function createTermReport(
  db: Db,
  actor: Principal,
  studentId: string,
  authoredBy: 'student' | 'caseworker',
  body: TermReportBody,
  now: Date,
): Promise<TermReportRow> {
  const term = normaliseTerm(body.term);
  if (!term) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.term', message: 'term' }] });
  const at = now.toISOString();
  const id = newId();
  return db.transaction().execute(async (trx) => {
    let photoKey: string | null = null;
    if (body.photoUploadId) {
      const upload = await trx
        .selectFrom('uploads')
        .select(['id', 'storage_key'])
        .where('id', '=', body.photoUploadId)
        .where('owner_account_id', '=', actor.accountId)
        .where('attached_at', 'is', null)
        .executeTakeFirst();
      if (!upload) throw new AppError('UPLOAD_UNAVAILABLE');
      photoKey = upload.storage_key;
    }
    const inserted = await trx
      .insertInto('term_reports')
      .values({
        id,
        student_id: studentId,
        term,
        grade: body.grade,
        overall_result: body.overallResult.trim(),
        photo_key: photoKey,
        authored_by: authoredBy,
        author_account_id: actor.accountId,
        created_at: at,
      })
      .onConflict((oc) => oc.columns(['student_id', 'term']).where('duplicate_of', 'is', null).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw new AppError('TERM_REPORT_EXISTS');
    if (body.photoUploadId) {
      const attached = await trx
        .updateTable('uploads')
        .set({ attached_at: at })
        .where('id', '=', body.photoUploadId)
        .where('attached_at', 'is', null)
        .executeTakeFirst();
      if (Number(attached.numUpdatedRows) !== 1) throw new AppError('UPLOAD_UNAVAILABLE');
    }
    // A student's comment may disclose danger: urgent words keep the report from the sponsor until a caseworker has looked.
    const care = authoredBy === 'student' ? await assessStudentWords(trx, studentId, { kind: 'term_report', id, revision: 1 }, body.overallResult, now) : null;
    if (care?.level === 'urgent') await trx.updateTable('term_reports').set({ held_for_care: 1 }).where('id', '=', id).execute();
    else await tellSponsorOfReport(trx, { id, studentId, term, grade: body.grade }, now);
    if (authoredBy === 'caseworker') {
      await recordAudit(trx, actor, now, { action: 'term_reports.enter', entityType: 'term_report', entityId: id, studentId, detail: { term } });
    }
    return { id, term, grade: body.grade, overall_result: body.overallResult.trim(), authored_by: authoredBy, photo_key: photoKey, created_at: at };
  });
}

/** The student's own reports (newest term first) and the recent terms still without one. */
export async function studentTermReports(
  db: Db,
  studentId: string,
  now: Date,
): Promise<{ rows: TermReportRow[]; dueTerms: string[]; schoolStage: SchoolStage }> {
  const rows = await db
    .selectFrom('term_reports')
    .select(['id', 'term', 'grade', 'overall_result', 'authored_by', 'photo_key', 'created_at'])
    .where('student_id', '=', studentId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  const { school_stage } = await db.selectFrom('students').select('school_stage').where('id', '=', studentId).executeTakeFirstOrThrow();
  const reported = new Set(rows.map((r) => r.term));
  return { rows, dueTerms: welcomeTerms(shanghaiToday(now)).filter((t) => !reported.has(t)), schoolStage: school_stage };
}
