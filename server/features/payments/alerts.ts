import type { Db } from '../../db/connect';
import type { PaymentAlertKind, PayPlatform } from '../../db/schema';
import { newId } from '../../lib/ids';
import { deliver } from '../messaging/deliver';

export interface PaymentAlertInput {
  ngoId: string;
  orderId: string | null;
  platform: PayPlatform;
  kind: PaymentAlertKind;
  /** What differed (expected and received): never a secret. */
  detail: Record<string, unknown>;
  /** One alert per cause, however many notices, queries or runs report it (e.g. `amount_mismatch:<orderId>`). */
  dedupeKey: string;
}

/**
 * Records an alert for the NGO's admins and tells each of them in the app (`payment_alert`), once per
 * dedupe key. Call it inside the transaction that records what caused it. Returns the new alert's id,
 * or null when the alert already existed.
 */
export async function raisePaymentAlert(db: Db, alert: PaymentAlertInput, now: Date): Promise<string | null> {
  const id = newId();
  const inserted = await db
    .insertInto('payment_alerts')
    .values({
      id,
      ngo_id: alert.ngoId,
      order_id: alert.orderId,
      platform: alert.platform,
      kind: alert.kind,
      detail: JSON.stringify(alert.detail),
      dedupe_key: alert.dedupeKey,
      created_at: now.toISOString(),
      resolved_at: null,
      resolved_by: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return null;
  const admins = await db.selectFrom('staff').select('account_id').where('ngo_id', '=', alert.ngoId).where('role', '=', 'ngo_admin').execute();
  for (const admin of admins) {
    await deliver(
      db,
      { accountId: admin.account_id, kind: 'payment_alert', payload: { alertId: id, kind: alert.kind, orderId: alert.orderId }, dedupeKey: `payment_alert:${id}` },
      now,
    );
  }
  return id;
}
