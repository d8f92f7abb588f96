/**
 * The life of a payment order (DESIGN §7): `created → paying → paid | closed | failed`, each step
 * once. Only a verified platform notice or an order query moves an order to `paid`; this module says
 * what such an answer means for the order, without I/O.
 */
export type OrderStatus = 'created' | 'paying' | 'paid' | 'closed' | 'failed';

const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  created: ['paying', 'closed', 'failed'],
  paying: ['paid', 'closed', 'failed'],
  paid: [],
  closed: [],
  failed: [],
};

/** Orders whose outcome is not known yet: at most one per sponsorship. */
export const OPEN_STATUSES: readonly OrderStatus[] = ['created', 'paying'];

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}

/** The statuses an order may be in to move to `to` (the `where status in (…)` of a compare-and-set). */
export function statusesBefore(to: OrderStatus): OrderStatus[] {
  return (Object.keys(NEXT) as OrderStatus[]).filter((from) => canMove(from, to));
}

export interface OrderFacts {
  status: OrderStatus;
  amountFen: number;
  merchantId: string;
  /** Set at creation for an in-app (jsapi) payment; learnt from the platform for a QR payment. */
  payerSubject: string | null;
}

/** What the platform said about a trade (a notice or a query answer). */
export interface TradeFacts {
  state: 'paying' | 'paid' | 'closed' | 'failed' | 'refunded' | 'not_found';
  amountFen?: number;
  merchantId?: string;
  payerSubject?: string;
}

export type MismatchKind = 'amount_mismatch' | 'merchant_mismatch' | 'payer_mismatch';

export type TradeOutcome =
  /** Record the payment (payer learnt from the platform when the order had none). */
  | { kind: 'paid'; payerSubject: string | null }
  /** Paid, but not as ordered: an alert for the NGO, never a payment. */
  | { kind: 'mismatch'; mismatch: MismatchKind; expected: string | number | null; received: string | number | null }
  | { kind: 'still_paying' }
  /** Not paid and the platform will not take payment any more. */
  | { kind: 'closed' }
  /** The order is already settled (a duplicate notice or a late answer): nothing to write. */
  | { kind: 'settled' }
  /** Money taken for an order already closed (e.g. a QR code scanned after we gave up on it): the NGO must look, never silence. */
  | { kind: 'paid_after_close' };

/**
 * What a platform answer means for an order. `expired`: the order's expiry has passed, so a trade
 * the platform does not know, or one still unpaid, is closed.
 */
export function judgeTrade(order: OrderFacts, trade: TradeFacts, expired: boolean): TradeOutcome {
  // A refunded trade was paid first: the payment is real even if we never heard of it.
  const moneyTaken = trade.state === 'paid' || trade.state === 'refunded';
  if (order.status === 'closed' && moneyTaken) return { kind: 'paid_after_close' };
  if (!OPEN_STATUSES.includes(order.status)) return { kind: 'settled' };
  if (moneyTaken) {
    if (trade.merchantId !== order.merchantId) {
      return { kind: 'mismatch', mismatch: 'merchant_mismatch', expected: order.merchantId, received: trade.merchantId ?? null };
    }
    if (trade.amountFen !== order.amountFen) {
      return { kind: 'mismatch', mismatch: 'amount_mismatch', expected: order.amountFen, received: trade.amountFen ?? null };
    }
    if (order.payerSubject !== null && trade.payerSubject !== order.payerSubject) {
      return { kind: 'mismatch', mismatch: 'payer_mismatch', expected: order.payerSubject, received: trade.payerSubject ?? null };
    }
    return { kind: 'paid', payerSubject: order.payerSubject ?? trade.payerSubject ?? null };
  }
  if (trade.state === 'closed' || trade.state === 'failed') return { kind: 'closed' };
  return expired ? { kind: 'closed' } : { kind: 'still_paying' };
}

/** Minutes to wait before asking the platform again, by the number of queries already made. */
const QUERY_BACKOFF_MINUTES = [1, 2, 5, 10, 30] as const;

export function nextQueryDelayMinutes(attempts: number): number {
  return QUERY_BACKOFF_MINUTES[Math.min(Math.max(attempts, 0), QUERY_BACKOFF_MINUTES.length - 1)];
}
