import type { BillLine } from '../../platforms/payments/gateway';
import { compareBill, type Recorded } from './compare';

const at = '2026-11-29T04:00:00.000Z';
const pay = (outTradeNo: string, amountFen: number): BillLine => ({ kind: 'payment', outTradeNo, platformTradeId: `T-${outTradeNo}`, amountFen, at });
const refund = (outTradeNo: string, outRefundNo: string, amountFen: number): BillLine => ({ ...pay(outTradeNo, amountFen), kind: 'refund', outRefundNo });
const recorded = (outTradeNo: string, amountFen: number, more: Partial<Recorded> = {}): Recorded => ({
  orderId: `order-${outTradeNo}`,
  outTradeNo,
  outRefundNo: null,
  platformTradeId: `T-${outTradeNo}`,
  amountFen,
  onBillDay: true,
  ...more,
});

it('matches equal trades and refunds, including a trade the ledger dated the day before', () => {
  const result = compareBill(
    [pay('a', 25000), pay('b', 5000), refund('a', 'ra', 1000)],
    { payments: [recorded('a', 25000), recorded('b', 5000, { onBillDay: false })], refunds: [recorded('a', 1000, { outRefundNo: 'ra' })] },
    new Map(),
  );
  expect(result).toEqual({ matchedCount: 3, differences: [] });
});

it('names each kind of difference, payments and refunds alike', () => {
  const result = compareBill(
    [pay('lost', 25000), pay('short', 25000), refund('a', 'r-unknown', 300), refund('a', 'r-diff', 700)],
    {
      payments: [recorded('short', 20000), recorded('ghost', 25000), recorded('earlier', 100, { onBillDay: false })],
      refunds: [recorded('a', 500, { outRefundNo: 'r-diff' }), recorded('a', 900, { outRefundNo: 'r-ghost' })],
    },
    new Map([['lost', 'order-lost']]),
  );
  expect(result.matchedCount).toBe(0);
  expect(result.differences.map((d) => [d.kind, d.outTradeNo, d.outRefundNo, d.orderId, d.ledgerFen, d.platformFen])).toEqual([
    ['missing_in_ledger', 'lost', null, 'order-lost', null, 25000],
    ['amount_differs', 'short', null, 'order-short', 20000, 25000],
    ['missing_at_platform', 'ghost', null, 'order-ghost', 25000, null],
    ['refund_missing_in_ledger', 'a', 'r-unknown', null, null, 300],
    ['refund_amount_differs', 'a', 'r-diff', 'order-a', 500, 700],
    ['refund_missing_at_platform', 'a', 'r-ghost', 'order-a', 900, null],
  ]);
});
