import type { Db } from '../db/connect';
import type { Principal } from './principal';

/**
 * The one place record-level access to students is decided. Every query that reads students starts
 * here, so a caller can only ever see the rows their role allows:
 * a student their own record, staff their NGO's students, a sponsor the students they support.
 */
export function visibleStudents(db: Db, principal: Principal) {
  const students = db.selectFrom('students');
  switch (principal.role) {
    case 'student':
      return students.where('students.id', '=', principal.studentId);
    case 'caseworker':
    case 'ngo_admin':
      return students.where('students.ngo_id', '=', principal.ngoId);
    case 'sponsor':
      return students.where((eb) =>
        eb.exists(
          eb
            .selectFrom('sponsorships')
            .select('sponsorships.id')
            .whereRef('sponsorships.student_id', '=', 'students.id')
            .where('sponsorships.sponsor_id', '=', principal.sponsorId)
            .where('sponsorships.status', 'in', ['active', 'paused', 'completed', 'ended']),
        ),
      );
  }
}

/** Sponsorships the caller may see: a sponsor's own, a student's own, or those of the staff member's NGO. */
export function visibleSponsorships(db: Db, principal: Principal) {
  const sponsorships = db.selectFrom('sponsorships');
  switch (principal.role) {
    case 'sponsor':
      return sponsorships.where('sponsorships.sponsor_id', '=', principal.sponsorId);
    case 'student':
      return sponsorships.where('sponsorships.student_id', '=', principal.studentId);
    case 'caseworker':
    case 'ngo_admin':
      return sponsorships.where((eb) =>
        eb.exists(
          eb
            .selectFrom('students')
            .select('students.id')
            .whereRef('students.id', '=', 'sponsorships.student_id')
            .where('students.ngo_id', '=', principal.ngoId),
        ),
      );
  }
}
