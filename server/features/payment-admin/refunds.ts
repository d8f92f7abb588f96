import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
import type { RefundBody } from '../../../domain/api/payment-admin';
import type { PrincipalOf } from '../../access/principal';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import type { PaymentOrderTable, PaymentRefundTable } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { shanghaiToday } from '../../lib/local-date';
import { PlatformPayError, type PlatformRefund } from '../../platforms/payments/gateway';
import { merchantGateway } from '../merchants/gateways';
import { deliver } from '../messaging/deliver';
import { raisePaymentAlert } from '../payments/alerts';
import { writeTransaction } from '../silence/write-transaction';

export type RefundRow = PaymentRefundTable;
type OrderRow = Selectable<PaymentOrderTable>;

/** Refunds that count against an order's amount: those made and those under way. */
export const LIVE_REFUND_STATES = ['requested', 'processing', 'succeeded'] as const;

/** Platform codes that mean "try again later", not "refused". */
const RETRYABLE_CODES = new Set(['SYSTEM_ERROR', 'FREQUENCY_LIMITED', 'NOT_ENOUGH', 'ACQ.SYSTEM_ERROR', 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL_RETRY']);

/** A refund still `requested` this long after it was made (the platform never took it) is given up as failed. */
const GIVE_UP_AFTER_MS = 3 * 24 * 3600_000;
const JOB_BATCH = 100;

const PLATFORM_WORDS = { wechat: '微信支付', alipay: '支付宝' } as const;

/** WeChat allows 64 of [0-9A-Za-z_-|*@], Alipay 64: a prefix and the refund id's hex. */
const outRefundNoFor = (refundId: string) => `RF${refundId.replace(/-/g, '')}`;

/** What the next look at an unsettled refund waits: a quarter of its age, between one minute and an hour. */
export function nextRefundCheck(refund: Pick<RefundRow, 'created_at'>, now: Date): string {
  const age = now.getTime() - Date.parse(refund.created_at);
  const wait = Math.min(3600_000, Math.max(60_000, Math.floor(age / 4)));
  return new Date(now.getTime() + wait).toISOString();
}

/** Was this failed call a refusal (final) rather than no answer or a "try later"? */
function refusedBy(error: unknown): string | null {
  if (!(error instanceof PlatformPayError) || !error.code) return null;
  if (RETRYABLE_CODES.has(error.code) || (error.httpStatus !== undefined && error.httpStatus >= 500)) return null;
  return error.code;
}

/**
 * An NGO admin refunds all or part of one of the NGO's paid orders. The refund row is written first
 * with its `out_refund_no`, so a platform call that never answered is retried by `runRefundQueries`
 * under the same number (the platform then refunds once); the outcome, when the platform gives one at
 * once, is applied before answering.
 */
export async function requestRefund(app: FastifyInstance, principal: PrincipalOf<'caseworker' | 'ngo_admin'>, orderId: string, body: RefundBody): Promise<RefundRow> {
  const now = app.clock.now();
  const reason = body.reason.trim();
  if (!reason) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.reason', message: 'required' }] });
  const refund = await writeTransaction(app.db, app.dialect, async (trx) => {
    let orderQuery = trx.selectFrom('payment_orders').selectAll().where('id', '=', orderId).where('ngo_id', '=', principal.ngoId);
    if (app.dialect === 'postgres') orderQuery = orderQuery.forUpdate();
    const order = await orderQuery.executeTakeFirst();
    if (!order) throw new AppError('NOT_FOUND');
    if (order.status !== 'paid') throw new AppError('ORDER_NOT_REFUNDABLE');
    const taken = await trx
      .selectFrom('payment_refunds')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('amount_fen'), eb.lit(0)).as('total'))
      .where('order_id', '=', order.id)
      .where('status', 'in', [...LIVE_REFUND_STATES])
      .executeTakeFirstOrThrow();
    const refundable = order.amount_fen - Number(taken.total);
    if (body.amountFen > refundable) {
      throw new AppError('REFUND_EXCEEDS_REMAINDER', { details: [{ field: 'body.amountFen', message: `refundable:${Math.max(0, refundable)}` }] });
    }
    const id = newId();
    const row: RefundRow = {
      id,
      order_id: order.id,
      out_refund_no: outRefundNoFor(id),
      amount_fen: body.amountFen,
      reason,
      status: 'requested',
      platform_refund_id: null,
      failure_reason: null,
      requested_by: principal.accountId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      finished_at: null,
      // The job looks again only if this request never hears back from the platform.
      next_query_at: nextRefundCheck({ created_at: now.toISOString() }, now),
    };
    await trx.insertInto('payment_refunds').values(row).execute();
    await recordAudit(trx, principal, now, {
      action: 'payment.refund.request',
      entityType: 'payment_refund',
      entityId: id,
      reason,
      detail: { orderId: order.id, amountFen: body.amountFen, outRefundNo: row.out_refund_no },
    });
    return row;
  });
  await callPlatform(app, refund, now);
  return (await findRefund(app.db, refund.id))!;
}

export const findRefund = (db: Db, id: string) => db.selectFrom('payment_refunds').selectAll().where('id', '=', id).executeTakeFirst();

/** Asks the platform to refund (again, with the same `out_refund_no`), then applies what it answered. */
async function callPlatform(app: FastifyInstance, refund: RefundRow, now: Date): Promise<void> {
  const order = await app.db.selectFrom('payment_orders').selectAll().where('id', '=', refund.order_id).executeTakeFirstOrThrow();
  try {
    const found = await merchantGateway(app, { ngoId: order.ngo_id, platform: order.platform }, { includeDisabled: true });
    // Only the merchant that was paid can refund: not one set up since under another merchant id.
    if (!found || found.merchant.merchantId !== order.merchant_id) {
      await applyRefundOutcome(app, refund, { outRefundNo: refund.out_refund_no, state: 'failed' }, now, 'MERCHANT_CHANGED');
      return;
    }
    const outcome = await found.gateway.refund({
      outTradeNo: order.out_trade_no,
      outRefundNo: refund.out_refund_no,
      refundFen: refund.amount_fen,
      totalFen: order.amount_fen,
      reason: refund.reason,
      notifyUrl: found.notifyUrl,
    });
    await applyRefundOutcome(app, refund, outcome, now);
  } catch (error) {
    const code = refusedBy(error);
    if (code) await applyRefundOutcome(app, refund, { outRefundNo: refund.out_refund_no, state: 'failed' }, now, code);
    else app.log.warn({ refundId: refund.id, code: error instanceof PlatformPayError ? error.code : undefined }, 'refund call unanswered; the refund job retries it');
  }
}

/**
 * Applies what the platform says of a refund (its answer, a query, or a verified notice), once:
 * `succeeded` moves the refund by compare-and-set and, in the same transaction, writes one `refund`
 * ledger row, tells the sponsor and audits; `failed` raises a `refund_failed` alert for the NGO's
 * admins; `processing` waits for the next query or notice. Returns whether the refund changed.
 */
export async function applyRefundOutcome(
  app: FastifyInstance,
  refund: Pick<RefundRow, 'id'>,
  outcome: PlatformRefund,
  now: Date,
  failureCode?: string,
): Promise<boolean> {
  const at = now.toISOString();
  return writeTransaction(app.db, app.dialect, async (trx) => {
    const current = await trx.selectFrom('payment_refunds').selectAll().where('id', '=', refund.id).executeTakeFirst();
    if (!current || current.status === 'succeeded' || current.status === 'failed') return false;
    const order = await trx.selectFrom('payment_orders').selectAll().where('id', '=', current.order_id).executeTakeFirstOrThrow();
    if (outcome.state === 'processing') {
      const moved = await trx
        .updateTable('payment_refunds')
        .set({ status: 'processing', platform_refund_id: outcome.platformRefundId ?? current.platform_refund_id, updated_at: at, next_query_at: nextRefundCheck(current, now) })
        .where('id', '=', current.id)
        .where('status', '=', 'requested')
        .executeTakeFirst();
      return Number(moved.numUpdatedRows) === 1;
    }
    const finished = outcome.state === 'succeeded' ? 'succeeded' : 'failed';
    const moved = await trx
      .updateTable('payment_refunds')
      .set({
        status: finished,
        platform_refund_id: outcome.platformRefundId ?? current.platform_refund_id,
        failure_reason: finished === 'failed' ? (failureCode ?? 'PLATFORM_REFUSED') : null,
        updated_at: at,
        finished_at: at,
        next_query_at: null,
      })
      .where('id', '=', current.id)
      .where('status', 'in', ['requested', 'processing'])
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return false;
    if (finished === 'succeeded') await recordSucceeded(trx, current, order, now);
    else await recordFailed(trx, current, order, failureCode ?? 'PLATFORM_REFUSED', now);
    return true;
  });
}

async function recordSucceeded(trx: Db, refund: RefundRow, order: OrderRow, now: Date) {
  const entryId = newId();
  await trx
    .insertInto('ledger_entries')
    .values({
      id: entryId,
      sponsorship_id: order.sponsorship_id,
      kind: 'refund',
      amount_fen: refund.amount_fen,
      occurred_on: shanghaiToday(now),
      category: null,
      payee: null,
      payee_kind: null,
      description: `退款（${PLATFORM_WORDS[order.platform]}）：${refund.reason}`,
      receipt_key: null,
      recorded_by: refund.requested_by,
      created_at: now.toISOString(),
      refund_id: refund.id,
    })
    .execute();
  const sponsor = await trx
    .selectFrom('sponsorships')
    .innerJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
    .innerJoin('students', 'students.id', 'sponsorships.student_id')
    .select(['sponsors.account_id', 'students.id as student_id', 'students.display_name'])
    .where('sponsorships.id', '=', order.sponsorship_id)
    .executeTakeFirstOrThrow();
  await deliver(
    trx,
    {
      accountId: sponsor.account_id,
      kind: 'payment_refunded',
      payload: {
        sponsorshipId: order.sponsorship_id,
        studentId: sponsor.student_id,
        studentDisplayName: sponsor.display_name,
        orderId: order.id,
        refundId: refund.id,
        amountFen: refund.amount_fen,
      },
      dedupeKey: `payment_refunded:${refund.id}`,
    },
    now,
  );
  await recordAudit(trx, null, now, {
    action: 'payment.refund.succeeded',
    entityType: 'payment_refund',
    entityId: refund.id,
    studentId: sponsor.student_id,
    detail: { orderId: order.id, amountFen: refund.amount_fen, ledgerEntryId: entryId },
  });
}

async function recordFailed(trx: Db, refund: RefundRow, order: OrderRow, code: string, now: Date) {
  await raisePaymentAlert(
    trx,
    {
      ngoId: order.ngo_id,
      orderId: order.id,
      platform: order.platform,
      kind: 'refund_failed',
      detail: { refundId: refund.id, amountFen: refund.amount_fen, code },
      dedupeKey: `refund_failed:${refund.id}`,
    },
    now,
  );
  await recordAudit(trx, null, now, {
    action: 'payment.refund.failed',
    entityType: 'payment_refund',
    entityId: refund.id,
    detail: { orderId: order.id, amountFen: refund.amount_fen, code },
  });
}

/**
 * The refund job: each refund whose outcome is unknown and whose time has come is looked at once
 * (claimed by moving `next_query_at`, so several instances share the work): `requested` (the platform
 * never answered) is sent again with the same `out_refund_no`; `processing` is queried.
 */
export async function runRefundQueries(app: FastifyInstance, now: Date): Promise<{ checked: number; settled: number }> {
  const at = now.toISOString();
  const due = await app.db
    .selectFrom('payment_refunds')
    .selectAll()
    .where('status', 'in', ['requested', 'processing'])
    .where('next_query_at', '<=', at)
    .orderBy('next_query_at')
    .limit(JOB_BATCH)
    .execute();
  let checked = 0;
  let settled = 0;
  for (const refund of due) {
    const claimed = await app.db
      .updateTable('payment_refunds')
      .set({ next_query_at: nextRefundCheck(refund, now) })
      .where('id', '=', refund.id)
      .where('next_query_at', '=', refund.next_query_at)
      .where('status', '=', refund.status)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    checked += 1;
    if (refund.status === 'requested' && now.getTime() - Date.parse(refund.created_at) > GIVE_UP_AFTER_MS) {
      if (await applyRefundOutcome(app, refund, { outRefundNo: refund.out_refund_no, state: 'failed' }, now, 'NO_ANSWER')) settled += 1;
      continue;
    }
    try {
      if (refund.status === 'requested') {
        await callPlatform(app, refund, now);
      } else {
        const order = await app.db.selectFrom('payment_orders').select(['ngo_id', 'platform', 'merchant_id', 'out_trade_no']).where('id', '=', refund.order_id).executeTakeFirstOrThrow();
        const found = await merchantGateway(app, { ngoId: order.ngo_id, platform: order.platform }, { includeDisabled: true });
        if (!found || found.merchant.merchantId !== order.merchant_id) continue;
        await applyRefundOutcome(app, refund, await found.gateway.queryRefund(refund.out_refund_no, order.out_trade_no), now);
      }
      const after = await findRefund(app.db, refund.id);
      if (after && (after.status === 'succeeded' || after.status === 'failed')) settled += 1;
    } catch (error) {
      app.log.warn({ refundId: refund.id, code: error instanceof PlatformPayError ? error.code : undefined }, 'refund check failed; tried again later');
    }
  }
  return { checked, settled };
}
