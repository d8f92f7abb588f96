import type { Db } from '../../db/connect';
import { notify } from '../notifications/repository';
import { hasOpenUrgentFlag } from '../wellbeing/open-flags';

/** The sponsor of the student's open sponsorship is told once that a term report is in. */
export async function tellSponsorOfReport(db: Db, report: { id: string; studentId: string; term: string; grade: number }, now: Date): Promise<void> {
  const open = await db
    .selectFrom('sponsorships')
    .innerJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
    .select(['sponsorships.id', 'sponsors.account_id'])
    .where('sponsorships.student_id', '=', report.studentId)
    .where('sponsorships.status', 'in', ['active', 'paused'])
    .executeTakeFirst();
  if (!open) return;
  await notify(
    db,
    {
      accountId: open.account_id,
      kind: 'term_report_posted',
      payload: { sponsorshipId: open.id, term: report.term, grade: report.grade },
      dedupeKey: `term_report_posted:${report.id}`,
    },
    now,
  );
}

/**
 * After a caseworker calls an urgent flag on a term report's comment a false alarm, the report shows
 * on the sponsor's timeline (and they are told), unless another urgent flag on it is still open.
 */
export async function showReportAfterFalseAlarm(db: Db, reportId: string, now: Date): Promise<void> {
  if (await hasOpenUrgentFlag(db, 'term_report', reportId)) return;
  const report = await db.selectFrom('term_reports').select(['id', 'student_id', 'term', 'grade', 'held_for_care']).where('id', '=', reportId).executeTakeFirst();
  if (!report || report.held_for_care !== 1) return;
  await db.updateTable('term_reports').set({ held_for_care: 0 }).where('id', '=', reportId).execute();
  await tellSponsorOfReport(db, { id: report.id, studentId: report.student_id, term: report.term, grade: report.grade }, now);
}
