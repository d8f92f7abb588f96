import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import { hasOpenUrgentFlag } from '../wellbeing/open-flags';
import { notifyDelivered } from './delivery';
import { moveLetter } from './lifecycle';
import { findNgoLetter, eventsOf, type Staff } from './repository';
import { latest, parseEventDetail } from './views';

/**
 * After a caseworker calls an urgent flag a false alarm: the letter goes on to its reader, if it is
 * still held, held only for care (screening found nothing in it), and no other urgent flag is open on
 * it. Otherwise it stays where it is (a letter with screening findings waits for the usual review).
 * Returns whether it was delivered.
 */
export async function deliverAfterFalseAlarm(db: Db, principal: Staff, letterId: string, now: Date): Promise<boolean> {
  const ctx = await findNgoLetter(db, principal, letterId);
  if (!ctx || ctx.status !== 'held' || (await hasOpenUrgentFlag(db, 'letter', letterId))) return false;
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
