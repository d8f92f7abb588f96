/**
 * WeChat Pay v3 wire shapes (direct merchant and service-provider partner APIs) and their mapping
 * to the gateway's platform-neutral trade and refund.
 */
import type { PlatformRefund, PlatformTrade } from './gateway';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** RFC 3339 in China time, as WeChat Pay writes and expects it: `2026-11-29T12:00:00+08:00`. */
export function chinaRfc3339(instant: Date | string): string {
  const at = new Date(instant);
  return `${new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** A transaction as a query answers it or a TRANSACTION.* notice carries it (direct or partner fields). */
export interface WireTransaction {
  mchid?: string;
  sp_mchid?: string;
  sub_mchid?: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_state: string;
  success_time?: string;
  payer?: { openid?: string; sp_openid?: string; sub_openid?: string };
  amount?: { total?: number; payer_total?: number; currency?: string };
}

/** A refund as the refund APIs answer it or a REFUND.* notice carries it. */
export interface WireRefund {
  out_refund_no: string;
  out_trade_no?: string;
  refund_id?: string;
  /** Refund APIs say `status`; refund notices say `refund_status`. */
  status?: string;
  refund_status?: string;
  amount?: { refund?: number; total?: number };
}

const tradeStates: Record<string, PlatformTrade['state']> = {
  SUCCESS: 'paid',
  NOTPAY: 'paying',
  USERPAYING: 'paying',
  CLOSED: 'closed',
  REVOKED: 'closed',
  PAYERROR: 'failed',
  REFUND: 'refunded',
};

const refundStates: Record<string, PlatformRefund['state']> = {
  SUCCESS: 'succeeded',
  PROCESSING: 'processing',
  CLOSED: 'failed',
  ABNORMAL: 'failed',
};

export function toPlatformTrade(wire: WireTransaction, partner: boolean): PlatformTrade {
  const state = tradeStates[wire.trade_state];
  if (!state) throw new Error(`unknown WeChat Pay trade_state ${wire.trade_state}`);
  return {
    outTradeNo: wire.out_trade_no,
    state,
    platformTradeId: wire.transaction_id || undefined,
    amountFen: wire.amount?.total,
    payerSubject: (partner ? wire.payer?.sp_openid : wire.payer?.openid) || undefined,
    merchantId: (partner ? wire.sub_mchid : wire.mchid) || undefined,
    paidAt: wire.success_time ? new Date(wire.success_time).toISOString() : undefined,
  };
}

export function toPlatformRefund(wire: WireRefund): PlatformRefund {
  const status = wire.status ?? wire.refund_status ?? '';
  const state = refundStates[status];
  if (!state) throw new Error(`unknown WeChat Pay refund status ${status}`);
  return { outRefundNo: wire.out_refund_no, state, platformRefundId: wire.refund_id || undefined, amountFen: wire.amount?.refund };
}
