import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoDate, IsoDateTime, literals } from './common';

/** Orders paid in the app go to the NGO's own merchant (DESIGN §7); amounts are integer fen. */
export const PayPlatform = literals(['wechat', 'alipay'] as const);
export type PayPlatform = Static<typeof PayPlatform>;

/** `jsapi`: the platform's payment sheet inside the mini-program; `qr`: a code scanned with the phone (h5). */
export const PayChannel = literals(['jsapi', 'qr'] as const);
export type PayChannel = Static<typeof PayChannel>;

export const PaymentOrderStatus = literals(['created', 'paying', 'paid', 'closed', 'failed'] as const);
export type PaymentOrderStatus = Static<typeof PaymentOrderStatus>;

export const RefundStatus = literals(['requested', 'processing', 'succeeded', 'failed'] as const);
export type RefundStatus = Static<typeof RefundStatus>;

/** The most periods one order may pay (20 years of monthly periods). */
export const MAX_PERIODS_PER_ORDER = 240;

export const RefundView = Type.Object({
  id: Id,
  amountFen: Type.Integer(),
  reason: Type.String(),
  status: RefundStatus,
  createdAt: IsoDateTime,
  finishedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type RefundView = Static<typeof RefundView>;

export const PaymentOrderView = Type.Object({
  id: Id,
  sponsorshipId: Id,
  platform: PayPlatform,
  channel: PayChannel,
  amountFen: Type.Integer(),
  periods: Type.Integer(),
  /** The due day of the first period this order pays. */
  firstDueOn: IsoDate,
  /** `paying` and `created` show as "confirming": only a verified notice or a query makes it `paid`. */
  status: PaymentOrderStatus,
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
  paidAt: Type.Union([IsoDateTime, Type.Null()]),
  /** WeChat `transaction_id` / Alipay `trade_no`. */
  platformTradeId: Type.Union([Type.String(), Type.Null()]),
  /** Sum of succeeded refunds. */
  refundedFen: Type.Integer(),
  refunds: Type.Array(RefundView),
});
export type PaymentOrderView = Static<typeof PaymentOrderView>;

/** What the client needs to open the payment: `Taro.requestPayment` (WeChat), `my.tradePay` (Alipay), or a QR code to scan. */
export const ClientPayParams = Type.Union([
  Type.Object({
    kind: Type.Literal('wechat_jsapi'),
    appId: Type.String(),
    timeStamp: Type.String(),
    nonceStr: Type.String(),
    package: Type.String(),
    signType: Type.Literal('RSA'),
    paySign: Type.String(),
  }),
  Type.Object({ kind: Type.Literal('alipay_trade'), tradeNo: Type.String() }),
  /** `qrImage`: a `data:image/png;base64,…` URL of `codeUrl`. */
  Type.Object({ kind: Type.Literal('qr'), codeUrl: Type.String(), qrImage: Type.String() }),
]);
export type ClientPayParams = Static<typeof ClientPayParams>;

export const CreatePaymentOrderBody = Type.Object(
  {
    periods: Type.Integer({ minimum: 1, maximum: MAX_PERIODS_PER_ORDER }),
    platform: PayPlatform,
    channel: PayChannel,
  },
  { additionalProperties: false },
);
export type CreatePaymentOrderBody = Static<typeof CreatePaymentOrderBody>;

export const CreatedPaymentOrder = Type.Object({ order: PaymentOrderView, pay: ClientPayParams });
export type CreatedPaymentOrder = Static<typeof CreatedPaymentOrder>;

/** Newest first. */
export const PaymentOrderList = Type.Object({ items: Type.Array(PaymentOrderView) });
export type PaymentOrderList = Static<typeof PaymentOrderList>;

export const PaymentOrderIdParams = Type.Object({ orderId: Id }, { additionalProperties: false });

/** On the ledger when the NGO takes payments in the app; null means bank transfer as described by `payTo`. */
export const OnlinePayment = Type.Object({
  platforms: Type.Array(PayPlatform),
  /** The due day of the first unpaid period, or null when the pledge is fully paid. */
  nextDueOn: Type.Union([IsoDate, Type.Null()]),
  periodAmountFen: Type.Integer(),
  /** Periods still payable: the pledge minus what is paid and what open orders would pay. */
  maxPeriods: Type.Integer(),
});
export type OnlinePayment = Static<typeof OnlinePayment>;
