import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Id, IsoDate, IsoDateTime, literals, Page, PageQuery } from './common';
import { PaymentOrderStatus, PaymentOrderView, PayPlatform } from './payments';

/** The NGO admin's money operations: payment orders and refunds, payment alerts, daily reconciliation, receipt numbers. */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** One of the NGO's payment orders, with who paid for whom (staff see the student's legal name, as on the staff ledger). */
export const StaffPaymentOrderRow = Type.Composite([
  PaymentOrderView,
  Type.Object({
    studentId: Id,
    studentName: Type.String(),
    sponsorName: Type.String(),
    /** What may still be refunded: the amount less refunds succeeded or under way (0 unless paid). */
    refundableFen: Type.Integer(),
  }),
]);
export type StaffPaymentOrderRow = Static<typeof StaffPaymentOrderRow>;

export const StaffPaymentOrderPage = Page(StaffPaymentOrderRow);
export type StaffPaymentOrderPage = Static<typeof StaffPaymentOrderPage>;

export const StaffPaymentOrderQuery = Type.Object({ ...PageQuery.properties, status: Type.Optional(PaymentOrderStatus) }, { additionalProperties: false });
export type StaffPaymentOrderQuery = Static<typeof StaffPaymentOrderQuery>;

export const RefundBody = Type.Object(
  {
    amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    /** Shown to the sponsor and sent to the platform. */
    reason: Type.String({ minLength: 1, maxLength: 80 }),
  },
  { additionalProperties: false },
);
export type RefundBody = Static<typeof RefundBody>;

export const PaymentAlertKind = literals(['amount_mismatch', 'merchant_mismatch', 'payer_mismatch', 'unknown_order', 'reconciliation', 'refund_failed'] as const);

/**
 * An alert for the NGO admin. `detail` holds what differed (expected and received amounts in fen,
 * merchant ids, the bill date and how many differences, a refund's failure code…): the client words it by `kind`.
 */
export const PaymentAlertView = Type.Object({
  id: Id,
  kind: PaymentAlertKind,
  platform: PayPlatform,
  detail: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
  createdAt: IsoDateTime,
  resolvedAt: Nullable(IsoDateTime),
  resolvedByName: Nullable(Type.String()),
  order: Nullable(
    Type.Object({
      id: Id,
      status: PaymentOrderStatus,
      amountFen: Type.Integer(),
      sponsorName: Type.String(),
      studentName: Type.String(),
      createdAt: IsoDateTime,
    }),
  ),
});
export type PaymentAlertView = Static<typeof PaymentAlertView>;

export const PaymentAlertPage = Page(PaymentAlertView);
export type PaymentAlertPage = Static<typeof PaymentAlertPage>;

export const PaymentAlertQuery = Type.Object(
  { ...PageQuery.properties, state: Type.Optional(literals(['open', 'resolved'] as const)) },
  { additionalProperties: false },
);
export type PaymentAlertQuery = Static<typeof PaymentAlertQuery>;

export const AlertIdParams = Type.Object({ id: Id });

export const ResolveAlertBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export type ResolveAlertBody = Static<typeof ResolveAlertBody>;

export const ReconciliationDifferenceKind = literals([
  'missing_in_ledger',
  'missing_at_platform',
  'amount_differs',
  'refund_missing_in_ledger',
  'refund_missing_at_platform',
  'refund_amount_differs',
] as const);
export type ReconciliationDifferenceKind = Static<typeof ReconciliationDifferenceKind>;

/** One trade or refund on which the platform's bill and the ledger disagree. */
export const ReconciliationDifference = Type.Object({
  kind: ReconciliationDifferenceKind,
  outTradeNo: Type.String(),
  outRefundNo: Nullable(Type.String()),
  platformTradeId: Nullable(Type.String()),
  /** The order it concerns, when Banxue knows it. */
  orderId: Nullable(Id),
  ledgerFen: Nullable(Type.Integer()),
  platformFen: Nullable(Type.Integer()),
});
export type ReconciliationDifference = Static<typeof ReconciliationDifference>;

export const ReconciliationReportView = Type.Object({
  id: Id,
  platform: PayPlatform,
  billDate: IsoDate,
  status: literals(['matched', 'differences', 'failed'] as const),
  matchedCount: Type.Integer(),
  differences: Type.Array(ReconciliationDifference),
  /** Why the bill could not be fetched (status `failed`). */
  error: Nullable(Type.String()),
  createdAt: IsoDateTime,
});
export type ReconciliationReportView = Static<typeof ReconciliationReportView>;

export const ReconciliationReportPage = Page(ReconciliationReportView);
export type ReconciliationReportPage = Static<typeof ReconciliationReportPage>;

export const RunReconciliationBody = Type.Object({ platform: PayPlatform, billDate: IsoDate }, { additionalProperties: false });
export type RunReconciliationBody = Static<typeof RunReconciliationBody>;

export const EntryIdParams = Type.Object({ entryId: Id });

/** The number on the donation receipt (捐赠票据) the NGO issued; null clears it. */
export const ReceiptNumber = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' });
export const ReceiptNumberBody = Type.Object({ receiptNumber: Nullable(ReceiptNumber) }, { additionalProperties: false });
export type ReceiptNumberBody = Static<typeof ReceiptNumberBody>;
