import type { Db, Dialect } from '../../db/connect';
import { escalateOverdueFlags } from '../wellbeing/escalation';
import { escalateBreaches } from './escalation';
import { sweepExamOutreach } from './exam-outreach';
import { sweepLadderBatch } from './ladder';
import { resumeEndedPauses } from './resume';
import { writeTransaction } from './write-transaction';

export interface SweepReport {
  studentsSeen: number;
  episodesOpened: number;
  stepsPerformed: number;
  alertsOpened: number;
  escalations: number;
  /** Wellbeing flags past their deadline, escalated to the NGO admin. */
  flagEscalations: number;
  examTasks: number;
  studentsResumed: number;
}

/** Students per transaction: large enough for multi-row statements to pay off, small enough to hold locks briefly. */
export const SWEEP_BATCH = 1000;
/** At most this many students per run; a backlog beyond it continues on the next run. */
export const SWEEP_MAX_STUDENTS = 100_000;
/**
 * Ladder batches running at once. On PostgreSQL two, each in its own transaction and connection
 * (their claims skip each other's students): the server writes one batch while this process builds
 * the other. SQLite takes one writer at a time, so one.
 */
const LADDER_WORKERS: Record<Dialect, number> = { postgres: 2, sqlite: 1 };
const ESCALATIONS_PER_RUN = 500;
const FLAG_ESCALATIONS_PER_RUN = 500;
const RESUMES_PER_RUN = 200;

/** One pass of the silence sweep at `now`. Safe to run concurrently and repeatedly: every effect happens once. */
export async function runSweep(db: Db, dialect: Dialect, now: Date): Promise<SweepReport> {
  const inTransaction = <T>(work: (trx: Db) => Promise<T>) => writeTransaction(db, dialect, work);
  const report: SweepReport = { studentsSeen: 0, episodesOpened: 0, stepsPerformed: 0, alertsOpened: 0, escalations: 0, flagEscalations: 0, examTasks: 0, studentsResumed: 0 };

  // A child's words of danger waiting past their deadline come first: minutes matter.
  report.flagEscalations = await inTransaction((trx) => escalateOverdueFlags(trx, now, FLAG_ESCALATIONS_PER_RUN));
  // Pauses next, so a student back today is on the ladder from today.
  report.studentsResumed = await resumeEndedPauses(db, inTransaction, now, RESUMES_PER_RUN);
  const budget = { studentsLeft: SWEEP_MAX_STUDENTS };
  await allOf(Array.from({ length: LADDER_WORKERS[dialect] }, () => climbLadders(inTransaction, dialect, now, budget, report)));
  report.escalations = await inTransaction((trx) => escalateBreaches(trx, now, ESCALATIONS_PER_RUN));
  report.examTasks = await sweepExamOutreach(db, inTransaction, now);
  return report;
}

/**
 * Ladder batches one after another until one comes back short (nothing more to claim) or the run's
 * budget of students, shared with the other workers, is spent.
 */
async function climbLadders(
  inTransaction: <T>(work: (trx: Db) => Promise<T>) => Promise<T>,
  dialect: Dialect,
  now: Date,
  budget: { studentsLeft: number },
  report: SweepReport,
): Promise<void> {
  while (budget.studentsLeft > 0) {
    const limit = Math.min(SWEEP_BATCH, budget.studentsLeft);
    budget.studentsLeft -= limit;
    const batch = await inTransaction((trx) => sweepLadderBatch(trx, dialect, now, limit));
    budget.studentsLeft += limit - batch.claimed;
    report.studentsSeen += batch.claimed;
    report.episodesOpened += batch.episodesOpened;
    report.stepsPerformed += batch.stepsPerformed;
    report.alertsOpened += batch.alertsOpened;
    if (batch.claimed < limit) return;
  }
}

/** Waits for every one of `work` to settle (none left running), then fails with the first failure. */
async function allOf(work: Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(work)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
