import type { Transaction } from 'kysely';
import type { StudentLeftBody } from '../../../domain/api/sponsorship';
import type { PrincipalOf } from '../../access/principal';
import { visibleStudents } from '../../access/scopes';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import type { Database } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { notify } from '../notifications/repository';

type Staff = PrincipalOf<'caseworker' | 'ngo_admin'>;

/**
 * Staff record that a student left the program. The student leaves the pool, a live reservation of
 * them ends, the reason goes to the audit log (staff-only), and the sponsor of their open sponsorship
 * is told and asked to choose: wait, sponsor another student, or end.
 */
export async function recordStudentLeft(db: Db, principal: Staff, studentId: string, body: StudentLeftBody, now: Date): Promise<void> {
  await db.transaction().execute((trx) => markStudentLeft(trx, principal, studentId, body, now));
}

/** The same, inside a transaction the caller already holds (closing a lost-contact alert as "left the program"). */
export async function markStudentLeft(trx: Transaction<Database>, principal: Staff, studentId: string, body: StudentLeftBody, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  const student = await visibleStudents(trx, principal)
    .select(['students.id', 'students.display_name', 'students.program_status'])
    .where('students.id', '=', studentId)
    .executeTakeFirst();
  if (!student) throw new AppError('NOT_FOUND');
  const updated = await trx
    .updateTable('students')
    .set({ program_status: 'left', left_at: nowIso, left_return_expected: body.returnExpected ? 1 : 0, pool_since: null, ladder_next_at: null, updated_at: nowIso })
    .where('id', '=', studentId)
    .where('program_status', '!=', 'left')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('CONFLICT');

  await trx
    .updateTable('sponsorships')
    .set({ status: 'ended', end_reason: 'left_before_confirmed', ended_at: nowIso, updated_at: nowIso })
    .where('student_id', '=', studentId)
    .where('status', '=', 'reserved')
    .execute();

  const open = await trx
    .selectFrom('sponsorships')
    .innerJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
    .select(['sponsorships.id', 'sponsors.account_id'])
    .where('sponsorships.student_id', '=', studentId)
    .where('sponsorships.status', 'in', ['active', 'paused'])
    .executeTakeFirst();

  await recordAudit(trx, principal, now, {
    action: 'students.left',
    entityType: 'student',
    entityId: studentId,
    studentId,
    reason: body.reason,
    detail: { returnExpected: body.returnExpected, previousStatus: student.program_status, sponsorshipId: open?.id ?? null },
  });
  if (open) {
    await notify(
      trx,
      {
        accountId: open.account_id,
        kind: 'student_left',
        payload: { sponsorshipId: open.id, studentDisplayName: student.display_name, returnExpected: body.returnExpected },
        dedupeKey: `student_left:${open.id}:${nowIso}`,
      },
      now,
    );
  }
}
