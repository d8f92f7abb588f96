/**
 * What the payment features ask of a platform, whichever it is (WeChat Pay v3 or Alipay) and whatever
 * the NGO's merchant mode. One gateway serves one NGO merchant; `merchantId` is the id a trade of that
 * merchant must name (WeChat `mchid`/`sub_mchid`, Alipay app id or seller id). Amounts are integer fen.
 */
import type { PlatformKey } from '../../payments-config';

export type PayPlatform = 'wechat' | 'alipay';
/** `jsapi`: the platform's sheet inside the mini-program; `qr`: a code the payer scans with their phone (h5). */
export type PayChannel = 'jsapi' | 'qr';

export interface CreateOrderInput {
  outTradeNo: string;
  amountFen: number;
  /** Shown on the payer's bill (WeChat `description` ≤ 127 bytes, Alipay `subject`). */
  description: string;
  channel: PayChannel;
  /** openid (WeChat) / user id (Alipay) of the payer; required for `jsapi`. */
  payerSubject?: string;
  /** ISO-8601 instant after which the platform refuses payment. */
  expiresAt: string;
  notifyUrl: string;
}

/** What the client needs to open the payment. */
export type ClientPayParams =
  | { kind: 'wechat_jsapi'; appId: string; timeStamp: string; nonceStr: string; package: string; signType: 'RSA'; paySign: string }
  | { kind: 'alipay_trade'; tradeNo: string }
  | { kind: 'qr'; codeUrl: string };

/** A trade as the platform reports it (query or notice). */
export interface PlatformTrade {
  outTradeNo: string;
  /** `paying`: not paid yet (WeChat NOTPAY/USERPAYING, Alipay WAIT_BUYER_PAY); `not_found`: the platform has no such order. */
  state: 'paying' | 'paid' | 'closed' | 'failed' | 'refunded' | 'not_found';
  platformTradeId?: string;
  amountFen?: number;
  payerSubject?: string;
  /** The merchant the platform says was paid (mchid / sub_mchid / Alipay app or seller id). */
  merchantId?: string;
  paidAt?: string;
}

export interface RefundInput {
  outTradeNo: string;
  outRefundNo: string;
  refundFen: number;
  totalFen: number;
  reason: string;
  notifyUrl: string;
}

export interface PlatformRefund {
  outRefundNo: string;
  state: 'processing' | 'succeeded' | 'failed';
  platformRefundId?: string;
  amountFen?: number;
}

export type VerifiedNotice = { kind: 'trade'; trade: PlatformTrade } | { kind: 'refund'; refund: PlatformRefund; outTradeNo: string };

/** One line of a merchant's daily trade bill. */
export interface BillLine {
  kind: 'payment' | 'refund';
  outTradeNo: string;
  platformTradeId: string;
  amountFen: number;
  outRefundNo?: string;
  /** ISO-8601 instant. */
  at: string;
}

/** Why a notice was refused (never answered as a success). */
export class NoticeRejected extends Error {
  constructor(public readonly reason: 'bad_signature' | 'signtest_probe' | 'stale_timestamp' | 'unknown_key' | 'undecryptable' | 'malformed') {
    super(`payment notice refused: ${reason}`);
    this.name = 'NoticeRejected';
  }
}

/** A platform call that failed (network, timeout, or the platform's error answer). */
export class PlatformPayError extends Error {
  constructor(
    message: string,
    /** The platform's code (e.g. WeChat `ORDERPAID`, Alipay `ACQ.TRADE_NOT_EXIST`), when it answered. */
    public readonly code?: string,
    public readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'PlatformPayError';
  }
}

export interface NoticeAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface PaymentGateway {
  readonly platform: PayPlatform;
  readonly merchantId: string;
  createOrder(input: CreateOrderInput): Promise<ClientPayParams>;
  queryOrder(outTradeNo: string): Promise<PlatformTrade>;
  closeOrder(outTradeNo: string): Promise<void>;
  refund(input: RefundInput): Promise<PlatformRefund>;
  queryRefund(outRefundNo: string, outTradeNo: string): Promise<PlatformRefund>;
  /** The merchant's trade bill of one China calendar day (`YYYY-MM-DD`). */
  tradeBill(day: string): Promise<BillLine[]>;
  /** Verifies the raw bytes before parsing them; throws NoticeRejected. `now` checks the timestamp. */
  verifyNotice(headers: Record<string, string | string[] | undefined>, rawBody: Buffer, now: Date): VerifiedNotice;
  readonly noticeAccepted: NoticeAnswer;
  readonly noticeRefused: NoticeAnswer;
}

/** The decrypted settings of an NGO's WeChat Pay merchant. */
export type WechatMerchant =
  | { mode: 'direct'; mchId: string; serialNo: string; privateKey: string; apiV3Key: string; platformKeys: PlatformKey[] }
  /** Under the server's service provider, which signs and holds the keys. */
  | { mode: 'sub_merchant'; subMchId: string };

/** The decrypted settings of an NGO's Alipay merchant. */
export type AlipayMerchant =
  | { mode: 'direct'; appId: string; privateKey: string; alipayPublicKey: string }
  /** The server's own Alipay app (`ALIPAY_APP_ID`) acting with the NGO's `app_auth_token`; `sellerId` is the NGO's 2088… id. */
  | { mode: 'authorized'; appAuthToken: string; sellerId: string };
