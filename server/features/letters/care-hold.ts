import { sql, type Expression, type SqlBool } from 'kysely';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import { notifyDelivered } from './delivery';
import { moveLetter } from './lifecycle';
import { findNgoLetter, eventsOf, type Staff } from './repository';
import { latest, parseEventDetail } from './views';

/**
 * A letter whose words raised an urgent wellbeing flag is held from the sponsor until a caseworker
 * has dealt with the flag: it is kept out of the review queue, and no one can approve it meanwhile.
 */
export function noOpenUrgentFlag(letterId: Expression<string>): Expression<SqlBool> {
  return sql<SqlBool>`not exists (select 1 from wellbeing_flags f where f.source_kind = 'letter' and f.source_id = ${letterId} and f.level = 'urgent' and f.status <> 'resolved')`;
}

export async function hasOpenUrgentFlag(db: Db, letterId: string): Promise<boolean> {
  const row = await db
    .selectFrom('wellbeing_flags')
    .select('id')
    .where('source_kind', '=', 'letter')
    .where('source_id', '=', letterId)
    .where('level', '=', 'urgent')
    .where('status', '!=', 'resolved')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * After a caseworker calls an urgent flag a false alarm: the letter goes on to its reader, if it is
 * still held, held only for care (screening found nothing in it), and no other urgent flag is open on
 * it. Otherwise it stays where it is (a letter with screening findings waits for the usual review).
 * Returns whether it was delivered.
 */
export async function deliverAfterFalseAlarm(db: Db, principal: Staff, letterId: string, now: Date): Promise<boolean> {
  const ctx = await findNgoLetter(db, principal, letterId);
  if (!ctx || ctx.status !== 'held' || (await hasOpenUrgentFlag(db, letterId))) return false;
  const held = latest(await eventsOf(db, [letterId], ['held']), 'held');
  const detail = parseEventDetail(held?.detail ?? null);
  if (detail.findings.length > 0 || detail.contentSecurity) return false;
  const letter = { id: letterId, status: ctx.status };
  await moveLetter(db, letter, 'approved', 'staff', { actorAccountId: principal.accountId, now });
  await moveLetter(db, letter, 'delivered', 'system', { actorAccountId: null, now });
  await notifyDelivered(db, ctx, now);
  await recordAudit(db, principal, now, { action: 'letters.deliver_after_false_alarm', entityType: 'letter', entityId: letterId, studentId: ctx.student_id });
  return true;
}
