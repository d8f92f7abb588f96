import type { FastifyInstance } from 'fastify';
import { judgeTrade, statusesBefore, type TradeOutcome } from '../../../domain/payments/order-state';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import { newId } from '../../lib/ids';
import { shanghaiToday } from '../../lib/local-date';
import type { PlatformTrade } from '../../platforms/payments/gateway';
import { deliver } from '../messaging/deliver';
import { writeTransaction } from '../silence/write-transaction';
import { raisePaymentAlert } from './alerts';
import { findOrder, type OrderRow } from './repository';

const PLATFORM_NAMES = { wechat: '微信支付', alipay: '支付宝' } as const;

/** The ledger row's description: the platform and the periods paid (a sponsor and the NGO both read it). */
export const paymentDescription = (order: Pick<OrderRow, 'platform' | 'periods'>) => `${PLATFORM_NAMES[order.platform]} · ${order.periods} 期`;

async function recordPaid(trx: Db, order: OrderRow, trade: PlatformTrade, payerSubject: string | null, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const paidAt = trade.paidAt ? new Date(trade.paidAt).toISOString() : at;
  const moved = await trx
    .updateTable('payment_orders')
    .set({ status: 'paid', paid_at: paidAt, platform_trade_id: trade.platformTradeId ?? null, payer_subject: payerSubject, next_query_at: null, updated_at: at })
    .where('id', '=', order.id)
    .where('status', 'in', statusesBefore('paid'))
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) return false;
  await trx
    .insertInto('ledger_entries')
    .values({
      id: newId(),
      sponsorship_id: order.sponsorship_id,
      kind: 'payment',
      amount_fen: order.amount_fen,
      occurred_on: shanghaiToday(new Date(paidAt)),
      category: null,
      payee: null,
      description: paymentDescription(order),
      receipt_key: null,
      recorded_by: null,
      created_at: at,
      payment_order_id: order.id,
    })
    .execute();
  const party = await trx
    .selectFrom('sponsorships')
    .innerJoin('students', 'students.id', 'sponsorships.student_id')
    .innerJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
    .select(['students.id as student_id', 'students.display_name', 'sponsors.account_id'])
    .where('sponsorships.id', '=', order.sponsorship_id)
    .executeTakeFirstOrThrow();
  await deliver(
    trx,
    {
      accountId: party.account_id,
      kind: 'payment_confirmed',
      payload: {
        sponsorshipId: order.sponsorship_id,
        studentId: party.student_id,
        studentDisplayName: party.display_name,
        orderId: order.id,
        amountFen: order.amount_fen,
        periods: order.periods,
      },
      dedupeKey: `payment_confirmed:${order.id}`,
    },
    now,
  );
  await recordAudit(trx, null, now, {
    action: 'payment.paid',
    entityType: 'payment_order',
    entityId: order.id,
    studentId: party.student_id,
    detail: { platform: order.platform, amountFen: order.amount_fen, platformTradeId: trade.platformTradeId ?? null },
  });
  return true;
}

async function recordMismatch(trx: Db, order: OrderRow, outcome: Extract<TradeOutcome, { kind: 'mismatch' }>, trade: PlatformTrade, now: Date) {
  const at = now.toISOString();
  const moved = await trx
    .updateTable('payment_orders')
    .set({ status: 'failed', failure_reason: outcome.mismatch, platform_trade_id: trade.platformTradeId ?? null, next_query_at: null, updated_at: at })
    .where('id', '=', order.id)
    .where('status', 'in', statusesBefore('failed'))
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) return;
  await raisePaymentAlert(
    trx,
    {
      ngoId: order.ngo_id,
      orderId: order.id,
      platform: order.platform,
      kind: outcome.mismatch,
      detail: { outTradeNo: order.out_trade_no, platformTradeId: trade.platformTradeId ?? null, expected: outcome.expected, received: outcome.received },
      dedupeKey: `${outcome.mismatch}:${order.id}`,
    },
    now,
  );
}

async function recordClosed(trx: Db, order: OrderRow, now: Date) {
  const at = now.toISOString();
  await trx
    .updateTable('payment_orders')
    .set({ status: 'closed', closed_at: at, next_query_at: null, updated_at: at })
    .where('id', '=', order.id)
    .where('status', 'in', statusesBefore('closed'))
    .execute();
}

/**
 * Applies what the platform said about an order (a verified notice or a query answer), the one way an
 * order is settled: paid as ordered → `paid` with exactly one ledger row, the sponsor's notice and the
 * audit entry, in one transaction; paid otherwise → `failed` and an alert, no payment; closed → `closed`.
 * Each step is a compare-and-set, so duplicate and concurrent answers write nothing more.
 * Returns the outcome and the order as it now is.
 */
export async function applyPlatformTrade(app: FastifyInstance, order: OrderRow, trade: PlatformTrade, now: Date): Promise<{ outcome: TradeOutcome; order: OrderRow }> {
  const outcome = judgeTrade(
    { status: order.status, amountFen: order.amount_fen, merchantId: order.merchant_id, payerSubject: order.payer_subject },
    trade,
    now.toISOString() >= order.expires_at,
  );
  if (outcome.kind === 'settled' || outcome.kind === 'still_paying') return { outcome, order };
  await writeTransaction(app.db, app.dialect, async (trx) => {
    if (outcome.kind === 'paid') await recordPaid(trx, order, trade, outcome.payerSubject, now);
    else if (outcome.kind === 'mismatch') await recordMismatch(trx, order, outcome, trade, now);
    else if (outcome.kind === 'closed') await recordClosed(trx, order, now);
    else await reportUnexpectedTrade(trx, { ngoId: order.ngo_id, platform: order.platform, orderId: order.id }, trade, now);
  });
  const current = (await findOrder(app.db, { id: order.id }))!;
  return { outcome, order: current };
}

/** Money taken for a trade we have no open order for (unknown, or closed already): the NGO is told, nothing is recorded as paid. */
async function reportUnexpectedTrade(db: Db, where: { ngoId: string; platform: OrderRow['platform']; orderId: string | null }, trade: PlatformTrade, now: Date) {
  await raisePaymentAlert(
    db,
    {
      ngoId: where.ngoId,
      orderId: where.orderId,
      platform: where.platform,
      kind: 'unknown_order',
      detail: { outTradeNo: trade.outTradeNo, platformTradeId: trade.platformTradeId ?? null, amountFen: trade.amountFen ?? null, state: trade.state, orderClosed: where.orderId !== null },
      dedupeKey: `unknown_order:${where.platform}:${trade.outTradeNo}`,
    },
    now,
  );
}

/** A notice about a trade we have no order for. */
export async function reportUnknownTrade(app: FastifyInstance, merchant: { ngoId: string; platform: OrderRow['platform'] }, trade: PlatformTrade, now: Date) {
  await writeTransaction(app.db, app.dialect, (trx) => reportUnexpectedTrade(trx, { ...merchant, orderId: null }, trade, now));
}
