import type { Transaction } from 'kysely';
import type { PrincipalOf } from '../../access/principal';
import type { Db } from '../../db/connect';
import type { Database } from '../../db/schema';
import { AppError } from '../../lib/errors';

export type Staff = PrincipalOf<'caseworker' | 'ngo_admin'>;
export type Executor = Db | Transaction<Database>;

/** Alerts still being worked (escalation is a mark on an open alert, not a status of its own). */
export const WORKING_STATUSES = ['open', 'acknowledged'] as const;

/**
 * The alerts a staff member may reach: those of students who are now in their NGO. A student handed
 * to another NGO takes their history along, so the NGO that handed them over no longer sees it.
 */
export function staffAlerts(db: Executor, principal: Staff) {
  return db.selectFrom('alerts').innerJoin('students', 'students.id', 'alerts.student_id').where('students.ngo_id', '=', principal.ngoId);
}

/** One alert of the caller's NGO, or 404 (another NGO's alert is indistinguishable from none). */
export async function alertOf(db: Executor, principal: Staff, alertId: string) {
  const alert = await staffAlerts(db, principal)
    .selectAll('alerts')
    .select(['students.display_name as student_display_name', 'students.ngo_id as student_ngo_id'])
    .where('alerts.id', '=', alertId)
    .executeTakeFirst();
  if (!alert) throw new AppError('NOT_FOUND');
  return alert;
}

/** A caseworker of the caller's NGO, or a 400 naming the field (staff of another NGO are never valid). */
export async function caseworkerOf(db: Executor, ngoId: string, staffId: string, field: string) {
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'account_id', 'full_name'])
    .where('id', '=', staffId)
    .where('ngo_id', '=', ngoId)
    .where('role', '=', 'caseworker')
    .executeTakeFirst();
  if (!staff) throw new AppError('CASEWORKER_INVALID', { details: [{ field, message: 'caseworker' }] });
  return staff;
}

/** The sponsor of the student's open sponsorship, if any (sponsor notices go to them). */
export async function openSponsorshipOf(db: Executor, studentId: string) {
  return db
    .selectFrom('sponsorships')
    .innerJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
    .select(['sponsorships.id', 'sponsorships.status', 'sponsors.account_id'])
    .where('sponsorships.student_id', '=', studentId)
    .where('sponsorships.status', 'in', ['active', 'paused'])
    .executeTakeFirst();
}
