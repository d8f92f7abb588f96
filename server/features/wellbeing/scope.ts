import type { PrincipalOf } from '../../access/principal';
import type { Db } from '../../db/connect';
import { AppError } from '../../lib/errors';

export type Staff = PrincipalOf<'caseworker' | 'ngo_admin'>;

/**
 * The flags a staff member may reach: those of students now in their NGO (a student handed to
 * another NGO takes their history along). Sponsors and students never reach this table.
 */
export function staffFlags(db: Db, principal: Staff) {
  return db.selectFrom('wellbeing_flags').innerJoin('students', 'students.id', 'wellbeing_flags.student_id').where('students.ngo_id', '=', principal.ngoId);
}

/** One flag of the caller's NGO, or 404 (another NGO's flag is indistinguishable from none). */
export async function flagOf(db: Db, principal: Staff, flagId: string) {
  const flag = await staffFlags(db, principal).selectAll('wellbeing_flags').where('wellbeing_flags.id', '=', flagId).executeTakeFirst();
  if (!flag) throw new AppError('NOT_FOUND');
  return flag;
}
