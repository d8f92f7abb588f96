import { startOfShanghaiDate } from '../../../domain/care/due';
import { examOutreachKey, examsInOutreach, graduatingExam, outreachWindow } from '../../../domain/care/exams';
import type { ExamEntry } from '../../../domain/care/policy';
import { POLICY_COLUMNS, policyFromRow, type StoredCarePolicy } from '../../care-clock/policy';
import type { Db } from '../../db/connect';
import { newId } from '../../lib/ids';
import { loadRecipients } from './batch-context';
import { deliverMany, type OutgoingMessage } from '../messaging/deliver';

const DAY_MS = 86_400_000;
const PAGE = 500;

/** Every (NGO policy, calendar entry) whose outreach window contains `now`. */
async function entriesInWindow(db: Db, now: Date): Promise<{ policy: StoredCarePolicy; entry: ExamEntry }[]> {
  const policies = (await db.selectFrom('ngo_policies').select(POLICY_COLUMNS).where('exam_calendar', '<>', '[]').execute()).map(policyFromRow);
  return policies.flatMap((policy) => {
    const provinces = [...new Set(policy.examCalendar.map((e) => e.province))];
    return provinces.flatMap((province) => examsInOutreach(policy.examCalendar, province, policy.examOutreachDays, now).map((entry) => ({ policy, entry })));
  });
}

/** The NGO's active students of the province sitting this exam, page by page (keyset on id). */
async function graduatingStudents(db: Db, ngoId: string, entry: ExamEntry, afterId: string) {
  const stage = entry.exam === 'zhongkao' ? 'middle' : 'high';
  const rows = await db
    .selectFrom('students')
    .select(['id', 'ngo_id', 'caseworker_id', 'display_name', 'school_stage', 'grade'])
    .where('ngo_id', '=', ngoId)
    .where('id', '>', afterId)
    .where('province', '=', entry.province)
    .where('program_status', '=', 'active')
    .where('school_stage', '=', stage)
    .orderBy('id')
    .limit(PAGE)
    .execute();
  return { rows, sitting: rows.filter((s) => graduatingExam({ schoolStage: s.school_stage, grade: s.grade }) === entry.exam) };
}

/**
 * One exam sitting's outreach for one NGO, exactly once (the run row is the claim): a check-in task
 * for each graduating student whatever their silence state, a count for each caseworker, and a
 * suggested encouraging letter for each sponsor. Returns how many tasks it created.
 */
async function runOutreach(trx: Db, policy: StoredCarePolicy, entry: ExamEntry, now: Date): Promise<number> {
  const at = now.toISOString();
  const claimed = await trx
    .insertInto('exam_outreach_runs')
    .values({ ngo_id: policy.ngoId, exam: entry.exam, year: entry.year, province: entry.province, ran_at: at, task_count: 0 })
    .onConflict((oc) => oc.doNothing())
    .returning('ngo_id')
    .executeTakeFirst();
  if (!claimed) return 0;

  const window = outreachWindow(entry, policy.examOutreachDays);
  const dueAt = new Date(startOfShanghaiDate(window.to).getTime() + DAY_MS).toISOString();
  const perCaseworker = new Map<string, number>();
  const messages: OutgoingMessage[] = [];
  let created = 0;
  for (let after = ''; ; ) {
    const { rows, sitting } = await graduatingStudents(trx, policy.ngoId, entry, after);
    if (sitting.length) {
      const tasks = await trx
        .insertInto('caseworker_tasks')
        .values(
          sitting.map((s) => ({
            id: newId(),
            ngo_id: policy.ngoId,
            student_id: s.id,
            kind: 'exam_season' as const,
            status: 'open' as const,
            dedupe_key: examOutreachKey(s.id, entry),
            due_at: dueAt,
            created_at: at,
            done_at: null,
            detail: JSON.stringify({ exam: entry.exam, year: entry.year }),
          })),
        )
        .onConflict((oc) => oc.columns(['ngo_id', 'dedupe_key']).doNothing())
        .returning(['id', 'student_id'])
        .execute();
      created += tasks.length;
      const students = new Map(sitting.map((s) => [s.id, s]));
      const recipients = await loadRecipients(trx, tasks.map((t) => t.student_id), [], [policy.ngoId]);
      for (const task of tasks) {
        const student = students.get(task.student_id)!;
        if (student.caseworker_id) perCaseworker.set(student.caseworker_id, (perCaseworker.get(student.caseworker_id) ?? 0) + 1);
        const sponsor = recipients.sponsorOf.get(task.student_id);
        if (!sponsor) continue;
        messages.push({
          accountId: sponsor.sponsorAccountId,
          kind: 'exam_encouragement',
          payload: {
            sponsorshipId: sponsor.sponsorshipId,
            studentId: student.id,
            studentDisplayName: student.display_name,
            ngoName: recipients.ngoName.get(policy.ngoId) ?? '',
            exam: entry.exam,
            examName: entry.name,
          },
          dedupeKey: `exam_encouragement:${task.id}`,
        });
      }
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].id;
  }

  const caseworkers = await loadRecipients(trx, [], [...perCaseworker.keys()], []);
  for (const [staffId, count] of perCaseworker) {
    const accountId = caseworkers.caseworkerAccount.get(staffId);
    if (!accountId) continue;
    messages.push({
      accountId,
      kind: 'exam_outreach',
      payload: { count, exam: entry.exam, examName: entry.name, year: entry.year },
      dedupeKey: `exam_outreach:${policy.ngoId}:${entry.exam}:${entry.year}:${entry.province}:${accountId}`,
    });
  }
  await deliverMany(trx, messages, now);
  await trx
    .updateTable('exam_outreach_runs')
    .set({ task_count: created })
    .where('ngo_id', '=', policy.ngoId)
    .where('exam', '=', entry.exam)
    .where('year', '=', entry.year)
    .where('province', '=', entry.province)
    .execute();
  return created;
}

/** Read without a write lock, so the minutes of an open window after the run cost one lookup each. */
async function alreadyRan(db: Db, ngoId: string, entry: ExamEntry): Promise<boolean> {
  const run = await db
    .selectFrom('exam_outreach_runs')
    .select('ngo_id')
    .where('ngo_id', '=', ngoId)
    .where('exam', '=', entry.exam)
    .where('year', '=', entry.year)
    .where('province', '=', entry.province)
    .executeTakeFirst();
  return run !== undefined;
}

/** Exam-season outreach for every sitting whose window is open; each sitting in its own transaction. */
export async function sweepExamOutreach(db: Db, inTransaction: <T>(work: (trx: Db) => Promise<T>) => Promise<T>, now: Date): Promise<number> {
  let created = 0;
  for (const { policy, entry } of await entriesInWindow(db, now)) {
    if (await alreadyRan(db, policy.ngoId, entry)) continue;
    created += await inTransaction((trx) => runOutreach(trx, policy, entry, now));
  }
  return created;
}
