import type { StudentProfile } from '../../../domain/api/homes';
import { visibleStudents } from '../../access/scopes';
import type { PrincipalOf } from '../../access/principal';
import type { Db } from '../../db/connect';
import { AppError } from '../../lib/errors';

/** The student's own record, with their sponsor's display name only (never any other sponsor detail). */
export async function studentProfile(db: Db, principal: PrincipalOf<'student'>): Promise<StudentProfile> {
  const row = await visibleStudents(db, principal)
    .innerJoin('ngos', 'ngos.id', 'students.ngo_id')
    .leftJoin('staff', 'staff.id', 'students.caseworker_id')
    .leftJoin('sponsorships', (join) =>
      join.onRef('sponsorships.student_id', '=', 'students.id').on('sponsorships.status', 'in', ['active', 'paused']),
    )
    .leftJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
    .select((eb) => [
      'students.display_name',
      'students.grade',
      'students.school_stage',
      'students.province',
      'students.city',
      'students.next_due_at',
      'ngos.name as ngo_name',
      'staff.full_name as caseworker_name',
      'sponsors.display_name as sponsor_name',
      'sponsorships.id as sponsorship_id',
      eb
        .selectFrom('checkins')
        .select((c) => c.fn.max('checkins.created_at').as('at'))
        .whereRef('checkins.student_id', '=', 'students.id')
        .as('last_checkin_at'),
    ])
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return {
    displayName: row.display_name,
    grade: row.grade,
    schoolStage: row.school_stage,
    province: row.province,
    city: row.city,
    ngoName: row.ngo_name,
    caseworkerName: row.caseworker_name,
    sponsorDisplayName: row.sponsor_name,
    sponsorshipId: row.sponsorship_id,
    lastCheckinAt: (row.last_checkin_at as string | null) ?? null,
    nextCheckinWelcomeAt: row.next_due_at,
  };
}
