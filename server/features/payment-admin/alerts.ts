import type { FastifyInstance } from 'fastify';
import type { PaymentAlertPage, PaymentAlertView } from '../../../domain/api/payment-admin';
import type { PrincipalOf } from '../../access/principal';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import { decodeCursor, toPage } from '../../lib/cursor';
import { AppError } from '../../lib/errors';
import type { NgoStaff } from './orders';

function ngoAlerts(db: Db, ngoId: string) {
  return db
    .selectFrom('payment_alerts')
    .leftJoin('payment_orders', 'payment_orders.id', 'payment_alerts.order_id')
    .leftJoin('sponsorships', 'sponsorships.id', 'payment_orders.sponsorship_id')
    .leftJoin('students', 'students.id', 'sponsorships.student_id')
    .leftJoin('sponsors', 'sponsors.id', 'payment_orders.sponsor_id')
    .leftJoin('staff', 'staff.account_id', 'payment_alerts.resolved_by')
    .selectAll('payment_alerts')
    .select([
      'payment_orders.status as order_status',
      'payment_orders.amount_fen as order_amount_fen',
      'payment_orders.created_at as order_created_at',
      'students.legal_name',
      'sponsors.display_name as sponsor_name',
      'staff.full_name as resolved_by_name',
    ])
    .where('payment_alerts.ngo_id', '=', ngoId);
}
type AlertRow = Awaited<ReturnType<ReturnType<typeof ngoAlerts>['execute']>>[number];

function parseDetail(text: string): PaymentAlertView['detail'] {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    // Only flat values leave the server: the client words them by the alert's kind.
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) as PaymentAlertView['detail'];
  } catch {
    return {};
  }
}

function toView(a: AlertRow): PaymentAlertView {
  return {
    id: a.id,
    kind: a.kind,
    platform: a.platform,
    detail: parseDetail(a.detail),
    createdAt: a.created_at,
    resolvedAt: a.resolved_at,
    resolvedByName: a.resolved_by_name ?? null,
    order:
      a.order_id && a.order_status && a.order_created_at
        ? {
            id: a.order_id,
            status: a.order_status,
            amountFen: Number(a.order_amount_fen),
            sponsorName: a.sponsor_name ?? '',
            studentName: a.legal_name ?? '',
            createdAt: a.order_created_at,
          }
        : null,
  };
}

/** The NGO's payment alerts, open or resolved, newest first. */
export async function listAlerts(app: FastifyInstance, principal: NgoStaff, query: { state: 'open' | 'resolved'; limit: number; cursor?: string }): Promise<PaymentAlertPage> {
  const after = decodeCursor(query.cursor, ['text', 'text']);
  let q = ngoAlerts(app.db, principal.ngoId)
    .where('payment_alerts.resolved_at', query.state === 'open' ? 'is' : 'is not', null)
    .orderBy('payment_alerts.created_at', 'desc')
    .orderBy('payment_alerts.id', 'desc')
    .limit(query.limit + 1);
  if (after) {
    const [createdAt, id] = after;
    q = q.where((eb) =>
      eb.or([eb('payment_alerts.created_at', '<', createdAt), eb.and([eb('payment_alerts.created_at', '=', createdAt), eb('payment_alerts.id', '<', id)])]),
    );
  }
  const { items, nextCursor } = toPage(await q.execute(), query.limit, (a) => [a.created_at, a.id]);
  return { items: items.map(toView), nextCursor };
}

/** Marks one of the NGO's alerts resolved with the admin's note (audited); resolving it again changes nothing. */
export async function resolveAlert(app: FastifyInstance, principal: PrincipalOf<'caseworker' | 'ngo_admin'>, id: string, note: string): Promise<PaymentAlertView> {
  const now = app.clock.now();
  await app.db.transaction().execute(async (trx) => {
    const resolved = await trx
      .updateTable('payment_alerts')
      .set({ resolved_at: now.toISOString(), resolved_by: principal.accountId })
      .where('id', '=', id)
      .where('ngo_id', '=', principal.ngoId)
      .where('resolved_at', 'is', null)
      .executeTakeFirst();
    if (Number(resolved.numUpdatedRows) === 1) {
      await recordAudit(trx, principal, now, { action: 'payment.alert.resolve', entityType: 'payment_alert', entityId: id, reason: note.trim() });
    }
  });
  const row = await ngoAlerts(app.db, principal.ngoId).where('payment_alerts.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return toView(row);
}
