import type { FastifyInstance } from 'fastify';
import { nextQueryDelayMinutes } from '../../../domain/payments/order-state';
import { PlatformPayError, type PaymentGateway, type PlatformTrade } from '../../platforms/payments/gateway';
import { merchantGateway } from '../merchants/gateways';
import { applyPlatformTrade } from './apply';
import type { OrderRow } from './repository';

/** Orders asked about per run of the query job. */
export const QUERY_BATCH = 50;
/** The sponsor's page asks again at most this often while an order is being confirmed. */
export const REFRESH_AFTER_MS = 5_000;

/** The gateway of the merchant an order was made with (a switched-off merchant still answers for its orders). */
export async function orderGateway(app: FastifyInstance, order: OrderRow): Promise<PaymentGateway | null> {
  const found = await merchantGateway(app, { ngoId: order.ngo_id, platform: order.platform }, { includeDisabled: true });
  return found?.gateway ?? null;
}

const moneyTaken = (trade: PlatformTrade) => trade.state === 'paid' || trade.state === 'refunded';

/**
 * Closes an open order at the platform, then here. A payment made meanwhile wins: the platform is asked
 * first, and again when it refuses to close (WeChat `ORDERPAID`, Alipay's trade status error).
 */
export async function closeOpenOrder(app: FastifyInstance, gateway: PaymentGateway, order: OrderRow, now: Date): Promise<OrderRow> {
  const before = await gateway.queryOrder(order.out_trade_no);
  if (moneyTaken(before)) return (await applyPlatformTrade(app, order, before, now)).order;
  if (before.state !== 'closed' && before.state !== 'not_found') {
    try {
      await gateway.closeOrder(order.out_trade_no);
    } catch (error) {
      if (!(error instanceof PlatformPayError)) throw error;
      const after = await gateway.queryOrder(order.out_trade_no);
      if (moneyTaken(after)) return (await applyPlatformTrade(app, order, after, now)).order;
      if (after.state !== 'closed') throw error;
    }
  }
  return (await applyPlatformTrade(app, order, { outTradeNo: order.out_trade_no, state: 'closed' }, now)).order;
}

async function backOff(app: FastifyInstance, order: OrderRow, now: Date) {
  const next = new Date(now.getTime() + nextQueryDelayMinutes(order.query_attempts) * 60_000).toISOString();
  await app.db
    .updateTable('payment_orders')
    .set({ next_query_at: next, query_attempts: order.query_attempts + 1, updated_at: now.toISOString() })
    .where('id', '=', order.id)
    .where('status', '=', 'paying')
    .execute();
}

/**
 * Asks the platform about one order still `paying` and applies the answer; past its expiry the order is
 * closed at the platform (a payment at that moment wins). Still unknown → asked again later (1, 2, 5,
 * 10, then every 30 minutes).
 */
export async function queryOrder(app: FastifyInstance, order: OrderRow, now: Date): Promise<OrderRow> {
  const gateway = await orderGateway(app, order);
  if (!gateway) {
    await backOff(app, order, now);
    return order;
  }
  const trade = await gateway.queryOrder(order.out_trade_no);
  if (!moneyTaken(trade) && now.toISOString() >= order.expires_at) return closeOpenOrder(app, gateway, order, now);
  const { outcome, order: current } = await applyPlatformTrade(app, order, trade, now);
  if (outcome.kind === 'still_paying') await backOff(app, order, now);
  return current;
}

export interface QueryReport {
  queried: number;
  settled: number;
  failed: number;
}

/** The job: orders whose outcome is still unknown and due to be asked about (a notice lost, the sheet left open). */
export async function runPaymentQueries(app: FastifyInstance, now: Date): Promise<QueryReport> {
  const due = await app.db
    .selectFrom('payment_orders')
    .selectAll()
    .where('status', '=', 'paying')
    .where('next_query_at', '<=', now.toISOString())
    .orderBy('next_query_at')
    .limit(QUERY_BATCH)
    .execute();
  const report: QueryReport = { queried: 0, settled: 0, failed: 0 };
  for (const order of due) {
    try {
      const current = await queryOrder(app, order, now);
      report.queried += 1;
      if (current.status !== 'paying') report.settled += 1;
    } catch (error) {
      report.failed += 1;
      app.log.warn({ orderId: order.id, err: error instanceof PlatformPayError ? { code: error.code, status: error.httpStatus } : String(error) }, 'payment query failed');
      await backOff(app, order, now);
    }
  }
  return report;
}

/**
 * The sponsor's page polls an order while it shows "confirming": a `paying` order not asked about in
 * the last few seconds is asked about now. A platform failure leaves the order as it is.
 */
export async function refreshIfPaying(app: FastifyInstance, order: OrderRow, now: Date): Promise<OrderRow> {
  if (order.status !== 'paying' || Date.parse(order.updated_at) > now.getTime() - REFRESH_AFTER_MS) return order;
  try {
    return await queryOrder(app, order, now);
  } catch (error) {
    app.log.warn({ orderId: order.id, err: error instanceof PlatformPayError ? { code: error.code, status: error.httpStatus } : String(error) }, 'payment query failed');
    return order;
  }
}
