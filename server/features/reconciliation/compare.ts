import type { ReconciliationDifference } from '../../../domain/api/payment-admin';
import type { BillLine } from '../../platforms/payments/gateway';

/** A payment or refund the ledger holds, as the bill would name it. */
export interface Recorded {
  orderId: string;
  outTradeNo: string;
  /** Refunds only. */
  outRefundNo: string | null;
  platformTradeId: string | null;
  amountFen: number;
  /** Its ledger row is dated the bill's day (rows of other days are only there to match the bill's lines). */
  onBillDay: boolean;
}

export interface Comparison {
  matchedCount: number;
  differences: ReconciliationDifference[];
}

/**
 * Compares a merchant's bill of one day with the ledger: every bill line needs a ledger row of the
 * same trade (or refund) and amount, and every ledger row of that day a bill line. `knownOrders` maps
 * an `out_trade_no` to the order Banxue made for it, so a payment the ledger lacks still names its order.
 */
export function compareBill(bill: readonly BillLine[], recorded: { payments: Recorded[]; refunds: Recorded[] }, knownOrders: ReadonlyMap<string, string>): Comparison {
  const differences: ReconciliationDifference[] = [];
  let matchedCount = 0;
  const sides = [
    { kind: 'payment' as const, rows: recorded.payments, key: (x: { outTradeNo: string; outRefundNo?: string | null }) => x.outTradeNo, prefix: '' as const },
    { kind: 'refund' as const, rows: recorded.refunds, key: (x: { outTradeNo: string; outRefundNo?: string | null }) => x.outRefundNo ?? '', prefix: 'refund_' as const },
  ];
  for (const side of sides) {
    const byKey = new Map(side.rows.map((r) => [side.key(r), r]));
    const billed = new Set<string>();
    for (const line of bill.filter((l) => l.kind === side.kind)) {
      const key = side.key(line);
      billed.add(key);
      const row = byKey.get(key);
      const base = { outTradeNo: line.outTradeNo, outRefundNo: line.outRefundNo ?? null, platformTradeId: line.platformTradeId || null, platformFen: line.amountFen };
      if (!row) {
        differences.push({ kind: `${side.prefix}missing_in_ledger` as const, ...base, orderId: knownOrders.get(line.outTradeNo) ?? null, ledgerFen: null });
      } else if (row.amountFen !== line.amountFen) {
        differences.push({ kind: `${side.prefix}amount_differs` as const, ...base, orderId: row.orderId, ledgerFen: row.amountFen });
      } else {
        matchedCount += 1;
      }
    }
    for (const row of side.rows) {
      if (!row.onBillDay || billed.has(side.key(row))) continue;
      differences.push({
        kind: `${side.prefix}missing_at_platform` as const,
        outTradeNo: row.outTradeNo,
        outRefundNo: row.outRefundNo,
        platformTradeId: row.platformTradeId,
        orderId: row.orderId,
        ledgerFen: row.amountFen,
        platformFen: null,
      });
    }
  }
  return { matchedCount, differences };
}
