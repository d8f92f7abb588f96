import { slaBreach } from '../../../domain/care/ladder';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import { deliverMany } from '../messaging/deliver';

const date = (value: string | null) => (value ? new Date(value) : null);

/** Open or acknowledged alerts, not escalated yet, past a deadline they have not met: read through the two SLA indexes. */
async function breachedAlerts(db: Db, now: Date, limit: number) {
  const at = now.toISOString();
  const base = db
    .selectFrom('alerts')
    .select(['id', 'student_id', 'ngo_id', 'ack_due_at', 'first_contact_due_at', 'acknowledged_at', 'first_contact_at'])
    .where('status', 'in', ['open', 'acknowledged'])
    .where('escalated_at', 'is', null)
    .limit(limit);
  const ack = await base.where('ack_due_at', '<=', at).where('acknowledged_at', 'is', null).execute();
  const contact = await base.where('first_contact_due_at', '<=', at).where('first_contact_at', 'is', null).execute();
  const unique = new Map([...ack, ...contact].map((a) => [a.id, a]));
  return [...unique.values()].flatMap((a) => {
    const breach = slaBreach(
      { ackDueAt: new Date(a.ack_due_at), firstContactDueAt: new Date(a.first_contact_due_at), acknowledgedAt: date(a.acknowledged_at), firstContactAt: date(a.first_contact_at) },
      now,
    );
    return breach ? [{ ...a, breach }] : [];
  });
}

/**
 * Marks each alert that missed an SLA as escalated (once: compare-and-set on `escalated_at`) and
 * tells every admin of its NGO, in the transaction that marks it. Returns how many it escalated.
 */
export async function escalateBreaches(trx: Db, now: Date, limit: number): Promise<number> {
  const breached = await breachedAlerts(trx, now, limit);
  if (breached.length === 0) return 0;
  const ngoIds = [...new Set(breached.map((a) => a.ngo_id))];
  const admins = await trx.selectFrom('staff').select(['ngo_id', 'account_id']).where('ngo_id', 'in', ngoIds).where('role', '=', 'ngo_admin').execute();
  const names = await trx.selectFrom('students').select(['id', 'display_name']).where('id', 'in', [...new Set(breached.map((a) => a.student_id))]).execute();
  const displayName = new Map(names.map((s) => [s.id, s.display_name]));
  let escalated = 0;
  for (const alert of breached) {
    const marked = await trx
      .updateTable('alerts')
      .set({ escalated_at: now.toISOString() })
      .where('id', '=', alert.id)
      .where('escalated_at', 'is', null)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) continue;
    escalated += 1;
    const payload = { alertId: alert.id, studentId: alert.student_id, studentDisplayName: displayName.get(alert.student_id) ?? '', breach: alert.breach };
    await deliverMany(
      trx,
      admins.filter((a) => a.ngo_id === alert.ngo_id).map((a) => ({ accountId: a.account_id, kind: 'alert_escalated', payload, dedupeKey: `alert_escalated:${alert.id}:${a.account_id}` })),
      now,
    );
    await recordAudit(trx, null, now, { action: 'alerts.escalate', entityType: 'alert', entityId: alert.id, studentId: alert.student_id, detail: { breach: alert.breach } });
  }
  return escalated;
}
