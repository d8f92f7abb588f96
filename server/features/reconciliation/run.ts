import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
import type { ReconciliationDifference, ReconciliationReportView } from '../../../domain/api/payment-admin';
import type { Db } from '../../db/connect';
import type { ReconciliationReportTable as ReportTable } from '../../db/schema';

type ReconciliationReportTable = Selectable<ReportTable>;
import { newId } from '../../lib/ids';
import { shanghaiToday } from '../../lib/local-date';
import { PlatformPayError, type BillLine } from '../../platforms/payments/gateway';
import { merchantGateway } from '../merchants/gateways';
import type { StoredMerchant } from '../merchants/store';
import { raisePaymentAlert } from '../payments/alerts';
import { compareBill, type Recorded } from './compare';

const CHUNK = 500;
const MERCHANT_BATCH = 200;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

export const toReportView = (r: ReconciliationReportTable): ReconciliationReportView => ({
  id: r.id,
  platform: r.platform,
  billDate: r.bill_date,
  status: r.status,
  matchedCount: r.matched_count,
  differences: JSON.parse(r.differences) as ReconciliationDifference[],
  error: r.error,
  createdAt: r.created_at,
});

/** The merchant's payments and refunds in the ledger: those dated `day`, and those the bill names that are dated otherwise. */
async function recordedFor(db: Db, merchant: StoredMerchant, day: string, bill: readonly BillLine[]) {
  const payments = () =>
    db
      .selectFrom('ledger_entries')
      .innerJoin('payment_orders', 'payment_orders.id', 'ledger_entries.payment_order_id')
      .select(['payment_orders.id as order_id', 'payment_orders.out_trade_no', 'payment_orders.platform_trade_id', 'ledger_entries.amount_fen', 'ledger_entries.occurred_on'])
      .where('ledger_entries.kind', '=', 'payment')
      .where('payment_orders.ngo_id', '=', merchant.ngoId)
      .where('payment_orders.platform', '=', merchant.platform)
      .where('payment_orders.merchant_id', '=', merchant.merchantId);
  const refunds = () =>
    db
      .selectFrom('ledger_entries')
      .innerJoin('payment_refunds', 'payment_refunds.id', 'ledger_entries.refund_id')
      .innerJoin('payment_orders', 'payment_orders.id', 'payment_refunds.order_id')
      .select(['payment_orders.id as order_id', 'payment_orders.out_trade_no', 'payment_refunds.out_refund_no', 'payment_orders.platform_trade_id', 'ledger_entries.amount_fen', 'ledger_entries.occurred_on'])
      .where('ledger_entries.kind', '=', 'refund')
      .where('payment_orders.ngo_id', '=', merchant.ngoId)
      .where('payment_orders.platform', '=', merchant.platform)
      .where('payment_orders.merchant_id', '=', merchant.merchantId);

  const paymentRows = await payments().where('ledger_entries.occurred_on', '=', day).execute();
  const refundRows = await refunds().where('ledger_entries.occurred_on', '=', day).execute();
  const seenTrades = new Set(paymentRows.map((r) => r.out_trade_no));
  const seenRefunds = new Set(refundRows.map((r) => r.out_refund_no));
  const otherTrades = [...new Set(bill.filter((l) => l.kind === 'payment' && !seenTrades.has(l.outTradeNo)).map((l) => l.outTradeNo))];
  const otherRefunds = [...new Set(bill.filter((l) => l.kind === 'refund' && l.outRefundNo && !seenRefunds.has(l.outRefundNo)).map((l) => l.outRefundNo!))];
  for (const part of chunks(otherTrades)) paymentRows.push(...(await payments().where('payment_orders.out_trade_no', 'in', part).execute()));
  for (const part of chunks(otherRefunds)) refundRows.push(...(await refunds().where('payment_refunds.out_refund_no', 'in', part).execute()));

  const knownOrders = new Map<string, string>();
  for (const part of chunks(otherTrades)) {
    const rows = await db.selectFrom('payment_orders').select(['id', 'out_trade_no']).where('ngo_id', '=', merchant.ngoId).where('out_trade_no', 'in', part).execute();
    for (const r of rows) knownOrders.set(r.out_trade_no, r.id);
  }
  const toRecorded = (r: (typeof paymentRows)[number] & { out_refund_no?: string }): Recorded => ({
    orderId: r.order_id,
    outTradeNo: r.out_trade_no,
    outRefundNo: r.out_refund_no ?? null,
    platformTradeId: r.platform_trade_id,
    amountFen: r.amount_fen,
    onBillDay: r.occurred_on === day,
  });
  return { recorded: { payments: paymentRows.map(toRecorded), refunds: refundRows.map(toRecorded) }, knownOrders };
}

/** Stores the day's report, replacing an earlier run's; differences raise one alert per report for the NGO's admins. */
async function storeReport(
  app: FastifyInstance,
  merchant: StoredMerchant,
  day: string,
  outcome: Pick<ReconciliationReportTable, 'status' | 'matched_count' | 'differences' | 'error'>,
  now: Date,
): Promise<ReconciliationReportTable> {
  return app.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('reconciliation_reports')
      .values({ id: newId(), ngo_id: merchant.ngoId, platform: merchant.platform, bill_date: day, created_at: now.toISOString(), ...outcome })
      .onConflict((oc) => oc.columns(['ngo_id', 'platform', 'bill_date']).doUpdateSet({ ...outcome, created_at: now.toISOString() }))
      .execute();
    const report = await trx
      .selectFrom('reconciliation_reports')
      .selectAll()
      .where('ngo_id', '=', merchant.ngoId)
      .where('platform', '=', merchant.platform)
      .where('bill_date', '=', day)
      .executeTakeFirstOrThrow();
    if (report.status === 'differences') {
      const count = (JSON.parse(report.differences) as unknown[]).length;
      await raisePaymentAlert(
        trx,
        {
          ngoId: merchant.ngoId,
          orderId: null,
          platform: merchant.platform,
          kind: 'reconciliation',
          detail: { reportId: report.id, billDate: day, differenceCount: count },
          dedupeKey: `reconciliation:${report.id}`,
        },
        now,
      );
    }
    return report;
  });
}

/** A bill that could not be fetched: the platform's code and words, never more (a merchant secret never reaches an error). */
function billError(error: unknown): string {
  if (error instanceof PlatformPayError) return [error.code, error.message].filter(Boolean).join(': ').slice(0, 300);
  return 'bill download failed';
}

/** Reconciles one merchant's bill of one China day (`YYYY-MM-DD`) with the ledger and stores the report. */
export async function reconcileDay(app: FastifyInstance, where: { id: string } | { ngoId: string; platform: 'wechat' | 'alipay' }, day: string, now: Date): Promise<ReconciliationReportTable | null> {
  const found = await merchantGateway(app, where, { includeDisabled: true });
  if (!found) return null;
  let bill: BillLine[];
  try {
    bill = await found.gateway.tradeBill(day);
  } catch (error) {
    app.log.warn({ merchantRowId: found.merchant.id, billDate: day, code: error instanceof PlatformPayError ? error.code : undefined }, 'trade bill download failed');
    return storeReport(app, found.merchant, day, { status: 'failed', matched_count: 0, differences: '[]', error: billError(error) }, now);
  }
  const { recorded, knownOrders } = await recordedFor(app.db, found.merchant, day, bill);
  const { matchedCount, differences } = compareBill(bill, recorded, knownOrders);
  return storeReport(
    app,
    found.merchant,
    day,
    { status: differences.length > 0 ? 'differences' : 'matched', matched_count: matchedCount, differences: JSON.stringify(differences), error: null },
    now,
  );
}

/** The daily job: yesterday's bill (China date) of every enabled merchant. */
export async function runReconciliation(app: FastifyInstance, now: Date): Promise<{ reports: number; withDifferences: number; failed: number }> {
  const day = shanghaiToday(new Date(now.getTime() - 24 * 3600_000));
  const tally = { reports: 0, withDifferences: 0, failed: 0 };
  let after = '';
  for (;;) {
    const merchants = await app.db.selectFrom('ngo_merchants').select('id').where('enabled', '=', 1).where('id', '>', after).orderBy('id').limit(MERCHANT_BATCH).execute();
    for (const { id } of merchants) {
      try {
        const report = await reconcileDay(app, { id }, day, now);
        if (!report) continue;
        tally.reports += 1;
        if (report.status === 'differences') tally.withDifferences += 1;
        if (report.status === 'failed') tally.failed += 1;
      } catch (error) {
        tally.failed += 1;
        app.log.error({ err: error, merchantRowId: id }, 'reconciliation failed');
      }
    }
    if (merchants.length < MERCHANT_BATCH) return tally;
    after = merchants[merchants.length - 1].id;
  }
}
