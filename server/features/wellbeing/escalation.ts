import { flagOverdue } from '../../../domain/care/flags';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import { deliverMany } from '../messaging/deliver';

const date = (value: string | null) => (value ? new Date(value) : null);

/**
 * Flags past their deadline and not escalated yet (urgent: still unacknowledged; concern: still not
 * closed), read through the (status, due_at) index: each is marked escalated once (compare-and-set)
 * and every admin of its NGO is told, urgent ones on their platform too, in the transaction that marks
 * it. Returns how many it escalated.
 */
export async function escalateOverdueFlags(trx: Db, now: Date, limit: number): Promise<number> {
  const candidates = await trx
    .selectFrom('wellbeing_flags')
    .innerJoin('students', 'students.id', 'wellbeing_flags.student_id')
    .select([
      'wellbeing_flags.id',
      'wellbeing_flags.student_id',
      'wellbeing_flags.ngo_id',
      'wellbeing_flags.level',
      'wellbeing_flags.status',
      'wellbeing_flags.due_at',
      'wellbeing_flags.escalated_at',
      'students.display_name',
    ])
    .where('wellbeing_flags.status', 'in', ['open', 'acknowledged'])
    .where('wellbeing_flags.due_at', '<=', now.toISOString())
    .where('wellbeing_flags.escalated_at', 'is', null)
    .orderBy('wellbeing_flags.due_at')
    .limit(limit)
    .execute();
  const overdue = candidates.filter((f) => flagOverdue({ level: f.level, status: f.status, dueAt: new Date(f.due_at), escalatedAt: date(f.escalated_at) }, now));
  if (overdue.length === 0) return 0;
  const admins = await trx
    .selectFrom('staff')
    .select(['ngo_id', 'account_id'])
    .where('ngo_id', 'in', [...new Set(overdue.map((f) => f.ngo_id))])
    .where('role', '=', 'ngo_admin')
    .execute();
  let escalated = 0;
  for (const flag of overdue) {
    const marked = await trx
      .updateTable('wellbeing_flags')
      .set({ escalated_at: now.toISOString() })
      .where('id', '=', flag.id)
      .where('escalated_at', 'is', null)
      .where('status', '=', flag.status)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) continue;
    escalated += 1;
    const payload = { flagId: flag.id, studentId: flag.student_id, studentDisplayName: flag.display_name, level: flag.level };
    await deliverMany(
      trx,
      admins
        .filter((a) => a.ngo_id === flag.ngo_id)
        .map((a) => ({
          accountId: a.account_id,
          kind: 'wellbeing_escalated',
          payload,
          dedupeKey: `wellbeing_escalated:${flag.id}:${a.account_id}`,
          ...(flag.level === 'urgent' ? { push: 'care_urgent' as const } : {}),
        })),
      now,
    );
    await recordAudit(trx, null, now, { action: 'wellbeing.escalate', entityType: 'wellbeing_flag', entityId: flag.id, studentId: flag.student_id, detail: { level: flag.level } });
  }
  return escalated;
}
