import type { FastifyInstance } from 'fastify';
import type { DataPackageResponse, ErasureCounts, ErasureResult } from '../../../domain/api/guardian-requests';
import { visibleStudents } from '../../access/scopes';
import { AppError } from '../../lib/errors';
import { writeTransaction } from '../silence/write-transaction';
import { buildDataPackage } from './data-package';
import { eraseStudentData, removeStoredFiles } from './erase';
import { assertCanAct, closeRequest, markActed, requestOf, requestView, studentSummary, type Staff } from './requests';

const NOTHING_ERASED: ErasureCounts = {
  contacts: 0,
  letters: 0,
  photos: 0,
  checkinNotes: 0,
  termReports: 0,
  careNotes: 0,
  notifications: 0,
  receipts: 0,
  sponsorshipsEnded: 0,
};

/** An access request: the student's data package, produced now (each production is audited as acting on the request). */
export async function produceDataPackage(app: FastifyInstance, principal: Staff, requestId: string): Promise<DataPackageResponse> {
  const now = app.clock.now();
  return app.db.transaction().execute(async (trx) => {
    const row = await requestOf(trx, principal, requestId);
    assertCanAct(row, 'access');
    const dataPackage = await buildDataPackage(trx, (key) => app.signedFileUrl(key), row.student_id, row.id, now);
    const acted = await markActed(trx, principal, row, now, { withheld: dataPackage.withheld, truncated: dataPackage.truncated });
    return { request: await requestView(trx, acted), dataPackage };
  });
}

/**
 * A deletion request: the student's personal data is erased and the request completed, in one
 * transaction. Refused while a lost-contact alert or a wellbeing flag is open: the child's safety is
 * settled first (a request from home may be part of the danger), then the data goes.
 */
export async function eraseForRequest(app: FastifyInstance, principal: Staff, requestId: string): Promise<ErasureResult> {
  const now = app.clock.now();
  const outcome = await writeTransaction(app.db, app.dialect, async (trx) => {
    const row = await requestOf(trx, principal, requestId);
    assertCanAct(row, 'delete');
    const openCare = await trx
      .selectFrom('alerts')
      .select('id')
      .where('student_id', '=', row.student_id)
      .where('status', '!=', 'resolved')
      .unionAll(trx.selectFrom('wellbeing_flags').select('id').where('student_id', '=', row.student_id).where('status', '!=', 'resolved'))
      .limit(1)
      .executeTakeFirst();
    if (openCare) throw new AppError('STUDENT_OPEN_CARE');
    const erasure = await eraseStudentData(trx, row.student_id, now, principal, { kind: 'guardian_request', requestId: row.id });
    const counts = erasure?.counts ?? NOTHING_ERASED;
    const acted = await markActed(trx, principal, row, now, { erasedNow: Boolean(erasure), counts });
    await closeRequest(trx, principal, acted, { status: 'completed', note: null }, now);
    const student = await visibleStudents(trx, principal)
      .select(['students.id', 'students.legal_name', 'students.display_name', 'students.program_status', 'students.anonymised_at'])
      .where('students.id', '=', row.student_id)
      .executeTakeFirstOrThrow();
    return {
      result: { request: await requestView(trx, await requestOf(trx, principal, row.id)), student: studentSummary(student), erasedNow: Boolean(erasure), counts },
      fileKeys: erasure?.fileKeys ?? [],
    };
  });
  await removeStoredFiles(app.files, outcome.fileKeys, app.log);
  return outcome.result;
}
