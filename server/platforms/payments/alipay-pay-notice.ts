import { NoticeRejected, type PlatformTrade, type VerifiedNotice } from './gateway';
import { fenFromYuan, instantFromChina } from './alipay-pay-values';

function percentDecodedBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '+') bytes.push(0x20);
    else if (c === '%' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c.charCodeAt(0) < 0x80) bytes.push(c.charCodeAt(0));
    else throw new NoticeRejected('malformed');
  }
  return Buffer.from(bytes);
}

/**
 * The params of a form-encoded notice, decoded in the charset the notice names (`charset`, utf-8 by
 * default). A name given twice is refused: the signature covers one value only.
 */
export function noticeParams(rawBody: Buffer): Record<string, string> {
  const pairs = rawBody
    .toString('latin1')
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals < 0 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
    });
  const charset = pairs.find(([name]) => name === 'charset')?.[1] || 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(percentDecodedBytes(charset).toString('latin1'), { fatal: true });
  } catch {
    throw new NoticeRejected('malformed');
  }
  const params: Record<string, string> = {};
  for (const [rawName, rawValue] of pairs) {
    try {
      const name = decoder.decode(percentDecodedBytes(rawName));
      if (Object.hasOwn(params, name)) throw new NoticeRejected('malformed');
      params[name] = decoder.decode(percentDecodedBytes(rawValue));
    } catch {
      throw new NoticeRejected('malformed');
    }
  }
  return params;
}

const TRADE_STATES: Record<string, PlatformTrade['state']> = {
  WAIT_BUYER_PAY: 'paying',
  TRADE_SUCCESS: 'paid',
  TRADE_FINISHED: 'paid',
  TRADE_CLOSED: 'closed',
};

/**
 * A verified notice's meaning. `merchantId` names the merchant the way the gateway's `merchantId`
 * does: the app id (`app_id`) for an NGO's own app, the seller id (`seller_id`) under authorization.
 * A notice carrying refund fields (`out_biz_no` with `refund_fee`) is about that refund: Alipay sends
 * one only once the refund has succeeded; its `refund_fee` is the trade's refunded total, not this
 * refund's amount, so the amount is left out.
 */
export function noticeMeaning(params: Record<string, string>, merchantBy: 'app_id' | 'seller_id'): VerifiedNotice {
  const outTradeNo = params.out_trade_no;
  if (!outTradeNo || params.notify_type !== 'trade_status_sync') throw new NoticeRejected('malformed');
  if (params.out_biz_no && params.refund_fee) {
    return { kind: 'refund', outTradeNo, refund: { outRefundNo: params.out_biz_no, state: 'succeeded' } };
  }
  const state = TRADE_STATES[params.trade_status];
  const amountFen = fenFromYuan(params.total_amount);
  if (!state || amountFen === undefined) throw new NoticeRejected('malformed');
  const trade: PlatformTrade = { outTradeNo, state, amountFen };
  if (params.trade_no) trade.platformTradeId = params.trade_no;
  const payer = params.buyer_id || params.buyer_open_id;
  if (payer) trade.payerSubject = payer;
  if (params[merchantBy]) trade.merchantId = params[merchantBy];
  const paidAt = instantFromChina(params.gmt_payment);
  if (paidAt && state === 'paid') trade.paidAt = paidAt;
  return { kind: 'trade', trade };
}
