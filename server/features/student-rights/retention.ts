import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { retentionCutoff, STUDENT_RETENTION_MONTHS } from '../../../domain/privacy/retention';
import type { Db, Dialect } from '../../db/connect';
import type { Database } from '../../db/schema';
import type { FileStorage } from '../../files/storage';
import { writeTransaction } from '../silence/write-transaction';
import { eraseStudentData, removeStoredFiles } from './erase';

export interface AnonymisationReport {
  ngosChecked: number;
  studentsAnonymised: number;
  /** Stored files that could not be removed (logged with their keys). */
  filesNotRemoved: number;
}

export interface AnonymisationDeps {
  db: Db;
  dialect: Dialect;
  files: FileStorage;
  log: FastifyBaseLogger;
}

const NGOS_PER_PAGE = 100;
const STUDENTS_PER_PAGE = 100;
/** At most this many students a run; a backlog beyond it continues the next day. */
export const ANONYMISATIONS_PER_RUN = 2000;

const OPEN_SPONSORSHIP = ['reserved', 'active', 'paused'] as const;

/**
 * A student whose time in the program ended at or before `cutoff`: out of the pool and without a live
 * sponsorship; left the program, or had a sponsorship that ended; and nothing of theirs happened
 * after `cutoff` — not leaving, not the end of a sponsorship, not a word from them. Nothing is open
 * for them either: no lost-contact alert, wellbeing flag, guardian request or handover, since those
 * mean the NGO is still caring for them.
 */
export function retentionEndedBy(cutoff: string) {
  return (eb: ExpressionBuilder<Database, 'students'>): Expression<SqlBool> => {
    const sponsorships = () => eb.selectFrom('sponsorships').select('sponsorships.id').whereRef('sponsorships.student_id', '=', 'students.id');
    return eb.and([
      eb('students.anonymised_at', 'is', null),
      eb('students.pool_since', 'is', null),
      eb.or([eb('students.last_heard_at', 'is', null), eb('students.last_heard_at', '<=', cutoff)]),
      eb.or([eb('students.program_status', '!=', 'left'), eb(eb.fn.coalesce('students.left_at', 'students.updated_at'), '<=', cutoff)]),
      eb.or([eb('students.program_status', '=', 'left'), eb.exists(sponsorships().where('sponsorships.status', 'in', ['ended', 'completed']))]),
      eb.not(
        eb.exists(
          sponsorships().where((s) =>
            s.or([s('sponsorships.status', 'in', [...OPEN_SPONSORSHIP]), s(s.fn.coalesce('sponsorships.ended_at', 'sponsorships.updated_at'), '>', cutoff)]),
          ),
        ),
      ),
      eb.not(eb.exists(eb.selectFrom('alerts').select('alerts.id').whereRef('alerts.student_id', '=', 'students.id').where('alerts.status', '!=', 'resolved'))),
      eb.not(
        eb.exists(
          eb.selectFrom('wellbeing_flags').select('wellbeing_flags.id').whereRef('wellbeing_flags.student_id', '=', 'students.id').where('wellbeing_flags.status', '!=', 'resolved'),
        ),
      ),
      eb.not(
        eb.exists(
          eb
            .selectFrom('guardian_requests')
            .select('guardian_requests.id')
            .whereRef('guardian_requests.student_id', '=', 'students.id')
            .where('guardian_requests.status', 'in', ['received', 'in_progress']),
        ),
      ),
      eb.not(eb.exists(eb.selectFrom('handovers').select('handovers.id').whereRef('handovers.student_id', '=', 'students.id').where('handovers.status', '=', 'pending'))),
    ]);
  };
}

/**
 * Anonymises every student whose NGO's retention period has run out by `now`. Safe to run on several
 * instances at once and again: each student is claimed by a compare-and-set that re-checks the
 * condition inside its own write transaction, so each is erased exactly once; the losers skip it.
 */
export async function anonymiseExpiredStudents(deps: AnonymisationDeps, now: Date): Promise<AnonymisationReport> {
  const { db, dialect } = deps;
  const report: AnonymisationReport = { ngosChecked: 0, studentsAnonymised: 0, filesNotRemoved: 0 };
  let afterNgo = '';
  for (;;) {
    const ngos = await db
      .selectFrom('ngos')
      .leftJoin('ngo_policies', 'ngo_policies.ngo_id', 'ngos.id')
      .select(['ngos.id', 'ngo_policies.student_retention_months'])
      .where('ngos.id', '>', afterNgo)
      .orderBy('ngos.id')
      .limit(NGOS_PER_PAGE)
      .execute();
    for (const ngo of ngos) {
      report.ngosChecked += 1;
      const retentionMonths = ngo.student_retention_months ?? STUDENT_RETENTION_MONTHS.default;
      const cutoff = retentionCutoff(now, retentionMonths).toISOString();
      const due = retentionEndedBy(cutoff);
      const stillDue = (eb: ExpressionBuilder<Database, 'students'>) => eb.and([eb('students.ngo_id', '=', ngo.id), due(eb)]);
      let afterStudent = '';
      while (report.studentsAnonymised < ANONYMISATIONS_PER_RUN) {
        const page = await db
          .selectFrom('students')
          .select('students.id')
          .where('students.id', '>', afterStudent)
          .where(stillDue)
          .orderBy('students.id')
          .limit(STUDENTS_PER_PAGE)
          .execute();
        for (const { id } of page) {
          if (report.studentsAnonymised >= ANONYMISATIONS_PER_RUN) break;
          const erasure = await writeTransaction(db, dialect, (trx) => eraseStudentData(trx, id, now, null, { kind: 'retention', retentionMonths, cutoff }, stillDue));
          if (!erasure) continue;
          report.studentsAnonymised += 1;
          report.filesNotRemoved += await removeStoredFiles(deps.files, erasure.fileKeys, deps.log);
        }
        if (page.length < STUDENTS_PER_PAGE) break;
        afterStudent = page[page.length - 1].id;
      }
    }
    if (ngos.length < NGOS_PER_PAGE || report.studentsAnonymised >= ANONYMISATIONS_PER_RUN) break;
    afterNgo = ngos[ngos.length - 1].id;
  }
  return report;
}
