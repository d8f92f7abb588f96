import { sql } from 'kysely';
import type { Db } from '../db/connect';
import type { Principal, PrincipalOf } from './principal';

/**
 * A guardian withdrew consent and none has been given since: the student disappears from every
 * sponsor-facing answer at once (the NGO then tells the sponsor what happens next).
 */
function consentWithdrawn(studentColumn: 'students.id' | 'sponsorships.student_id') {
  const student = sql.ref(studentColumn);
  return sql<boolean>`(exists (select 1 from guardian_consents gc where gc.student_id = ${student} and gc.withdrawn_at is not null)
    and not exists (select 1 from guardian_consents gc where gc.student_id = ${student} and gc.withdrawn_at is null))`;
}

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
      return students
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('sponsorships')
              .select('sponsorships.id')
              .whereRef('sponsorships.student_id', '=', 'students.id')
              .where('sponsorships.sponsor_id', '=', principal.sponsorId)
              .where('sponsorships.status', 'in', ['active', 'paused', 'completed', 'ended']),
          ),
        )
        .where(sql<boolean>`not ${consentWithdrawn('students.id')}`);
  }
}

/** Sponsorships the caller may see: a sponsor's own, a student's own, or those of the staff member's NGO. */
export function visibleSponsorships(db: Db, principal: Principal) {
  const sponsorships = db.selectFrom('sponsorships');
  switch (principal.role) {
    case 'sponsor':
      return sponsorships
        .where('sponsorships.sponsor_id', '=', principal.sponsorId)
        .where(sql<boolean>`not ${consentWithdrawn('sponsorships.student_id')}`);
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

/** The ages an NGO's policy may require guardian consent under (the database checks 14–18). */
const CONSENT_AGES = [14, 15, 16, 17, 18] as const;
/** Without a policy, consent is required for every minor. */
const DEFAULT_CONSENT_AGE = 18;

/** The last birth date (YYYY-MM-DD) of someone at least `age` years old on `today` (UTC calendar, as `ageOn`). */
function bornOnOrBefore(today: string, age: number): string {
  return `${String(Number(today.slice(0, 4)) - age).padStart(4, '0')}${today.slice(4)}`;
}

/**
 * Students a sponsor may find in the pool: still waiting for a sponsor. In the program (active), put
 * in the pool by their NGO, story approved, an unwithdrawn guardian consent when the NGO's policy
 * requires one at their age, and not held by any sponsorship — except a live reservation of the
 * caller's own (an expired reservation holds no one). Only sponsor-safe columns may be selected from
 * it (see features/pool).
 */
export function poolStudents(db: Db, principal: PrincipalOf<'sponsor'>, now: Date) {
  const nowIso = now.toISOString();
  const today = nowIso.slice(0, 10);
  return db
    .selectFrom('students')
    .innerJoin('ngos', 'ngos.id', 'students.ngo_id')
    .leftJoin('ngo_policies', 'ngo_policies.ngo_id', 'students.ngo_id')
    .where('students.program_status', '=', 'active')
    .where('students.pool_since', 'is not', null)
    .where('students.story_approved_at', 'is not', null)
    .where('students.story', 'is not', null)
    .where((eb) => {
      const consentAge = eb.fn.coalesce('ngo_policies.consent_required_under_age', eb.lit(DEFAULT_CONSENT_AGE));
      return eb.or([
        eb.exists(
          eb
            .selectFrom('guardian_consents')
            .select('guardian_consents.id')
            .whereRef('guardian_consents.student_id', '=', 'students.id')
            .where('guardian_consents.withdrawn_at', 'is', null),
        ),
        ...CONSENT_AGES.map((age) => eb.and([eb(consentAge, '=', age), eb('students.date_of_birth', '<=', bornOnOrBefore(today, age))])),
      ]);
    })
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('sponsorships')
            .select('sponsorships.id')
            .whereRef('sponsorships.student_id', '=', 'students.id')
            .where((s) =>
              s.or([
                s('sponsorships.status', 'in', ['active', 'paused']),
                s.and([
                  s('sponsorships.status', '=', 'reserved'),
                  s('sponsorships.reserved_until', '>', nowIso),
                  s('sponsorships.sponsor_id', '!=', principal.sponsorId),
                ]),
              ]),
            ),
        ),
      ),
    );
}
