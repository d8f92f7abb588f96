import type { PaymentOrderView, RefundView } from '../../../domain/api/payments';
import { OPEN_STATUSES } from '../../../domain/payments/order-state';
import type { Db } from '../../db/connect';
import type { Selectable } from 'kysely';
import type { PaymentOrderTable, PaymentRefundTable } from '../../db/schema';

/** How many of a sponsorship's orders the sponsor's list shows. */
export const RECENT_ORDERS = 20;

export type OrderRow = Selectable<PaymentOrderTable>;
type RefundRow = Selectable<PaymentRefundTable>;

export async function findOrder(db: Db, where: { id: string } | { outTradeNo: string }): Promise<OrderRow | undefined> {
  const query = db.selectFrom('payment_orders').selectAll();
  return ('id' in where ? query.where('id', '=', where.id) : query.where('out_trade_no', '=', where.outTradeNo)).executeTakeFirst();
}

export async function openOrders(db: Db, sponsorshipId: string): Promise<OrderRow[]> {
  return db.selectFrom('payment_orders').selectAll().where('sponsorship_id', '=', sponsorshipId).where('status', 'in', [...OPEN_STATUSES]).execute();
}

export async function recentOrders(db: Db, sponsorshipId: string): Promise<OrderRow[]> {
  return db
    .selectFrom('payment_orders')
    .selectAll()
    .where('sponsorship_id', '=', sponsorshipId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(RECENT_ORDERS)
    .execute();
}

/** The sponsor's own order (or none). */
export async function findSponsorOrder(db: Db, sponsorId: string, orderId: string): Promise<OrderRow | undefined> {
  return db.selectFrom('payment_orders').selectAll().where('id', '=', orderId).where('sponsor_id', '=', sponsorId).executeTakeFirst();
}

async function refundsOf(db: Db, orderIds: readonly string[]): Promise<Map<string, RefundRow[]>> {
  const byOrder = new Map<string, RefundRow[]>(orderIds.map((id) => [id, []]));
  if (orderIds.length === 0) return byOrder;
  const rows = await db.selectFrom('payment_refunds').selectAll().where('order_id', 'in', [...orderIds]).orderBy('created_at').orderBy('id').execute();
  for (const r of rows) byOrder.get(r.order_id)!.push(r);
  return byOrder;
}

const refundView = (r: RefundRow): RefundView => ({
  id: r.id,
  amountFen: r.amount_fen,
  reason: r.reason,
  status: r.status,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

export async function orderViews(db: Db, rows: readonly OrderRow[]): Promise<PaymentOrderView[]> {
  const refunds = await refundsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((o) => {
    const own = refunds.get(o.id)!;
    return {
      id: o.id,
      sponsorshipId: o.sponsorship_id,
      platform: o.platform,
      channel: o.channel,
      amountFen: o.amount_fen,
      periods: o.periods,
      firstDueOn: o.first_due_on,
      status: o.status,
      createdAt: o.created_at,
      expiresAt: o.expires_at,
      paidAt: o.paid_at,
      platformTradeId: o.platform_trade_id,
      refundedFen: own.filter((r) => r.status === 'succeeded').reduce((sum, r) => sum + r.amount_fen, 0),
      refunds: own.map(refundView),
    };
  });
}

export async function orderView(db: Db, row: OrderRow): Promise<PaymentOrderView> {
  return (await orderViews(db, [row]))[0];
}
