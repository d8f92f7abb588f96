import type { FastifyInstance } from 'fastify';
import type { StaffPaymentOrderPage, StaffPaymentOrderRow } from '../../../domain/api/payment-admin';
import type { PaymentOrderStatus, PaymentOrderView } from '../../../domain/api/payments';
import type { PrincipalOf } from '../../access/principal';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import { decodeCursor, toPage } from '../../lib/cursor';
import { orderViews } from '../payments/repository';
import { LIVE_REFUND_STATES } from './refunds';

export type NgoStaff = PrincipalOf<'caseworker' | 'ngo_admin'>;

function ngoOrders(db: Db, ngoId: string) {
  return db
    .selectFrom('payment_orders')
    .innerJoin('sponsorships', 'sponsorships.id', 'payment_orders.sponsorship_id')
    .innerJoin('students', 'students.id', 'sponsorships.student_id')
    .innerJoin('sponsors', 'sponsors.id', 'payment_orders.sponsor_id')
    .selectAll('payment_orders')
    .select(['students.id as student_id', 'students.legal_name', 'sponsors.display_name as sponsor_name'])
    .where('payment_orders.ngo_id', '=', ngoId);
}
type OrderListRow = Awaited<ReturnType<ReturnType<typeof ngoOrders>['execute']>>[number];

function staffRow(o: OrderListRow, view: PaymentOrderView): StaffPaymentOrderRow {
  const takenFen = view.refunds.filter((r) => (LIVE_REFUND_STATES as readonly string[]).includes(r.status)).reduce((sum, r) => sum + r.amountFen, 0);
  return {
    ...view,
    studentId: o.student_id,
    studentName: o.legal_name,
    sponsorName: o.sponsor_name,
    refundableFen: o.status === 'paid' ? Math.max(0, o.amount_fen - takenFen) : 0,
  };
}

/** The NGO's payment orders, newest first (optionally of one status), with their refunds; the read is audited. */
export async function listNgoOrders(
  app: FastifyInstance,
  principal: NgoStaff,
  query: { status?: PaymentOrderStatus; limit: number; cursor?: string },
): Promise<StaffPaymentOrderPage> {
  const after = decodeCursor(query.cursor, ['text', 'text']);
  let q = ngoOrders(app.db, principal.ngoId).orderBy('payment_orders.created_at', 'desc').orderBy('payment_orders.id', 'desc').limit(query.limit + 1);
  if (query.status) q = q.where('payment_orders.status', '=', query.status);
  if (after) {
    const [createdAt, id] = after;
    q = q.where((eb) =>
      eb.or([eb('payment_orders.created_at', '<', createdAt), eb.and([eb('payment_orders.created_at', '=', createdAt), eb('payment_orders.id', '<', id)])]),
    );
  }
  const { items, nextCursor } = toPage(await q.execute(), query.limit, (o) => [o.created_at, o.id]);
  const views = await orderViews(app.db, items);
  await recordAudit(app.db, principal, app.clock.now(), {
    action: 'payment_orders.list',
    entityType: 'ngo',
    entityId: principal.ngoId,
    detail: { orderIds: items.map((o) => o.id) },
  });
  return { items: items.map((o, i) => staffRow(o, views[i])), nextCursor };
}
