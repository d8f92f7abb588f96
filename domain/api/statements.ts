import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoDate, IsoDateTime, literals, Page } from './common';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** The most self-reported gifts one calendar year may hold. */
export const MAX_GIFTS_PER_YEAR = 100;
/** Self-reported gift amounts: 0.01 to 100,000 yuan. */
export const MAX_GIFT_FEN = 10_000_000;

export const StatementYearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false });
export type StatementYearParams = Static<typeof StatementYearParams>;

/** Calendar years (China dates) with a payment, a refund or a self-reported gift, newest first. */
export const StatementYears = Type.Object({ years: Type.Array(Type.Integer()) });
export type StatementYears = Static<typeof StatementYears>;

/** One payment or refund recorded in Banxue. Refunds carry a negative amount. */
export const StatementLine = Type.Object({
  id: Id,
  kind: literals(['payment', 'refund'] as const),
  occurredOn: IsoDate,
  amountFen: Type.Integer(),
  ngoName: Type.String(),
  /** 统一社会信用代码; null when the NGO has not recorded it. */
  ngoCreditCode: Nullable(Type.String()),
  /** Paid in the app: the platform's transaction id. Null for a bank transfer the NGO recorded. */
  platform: Nullable(literals(['wechat', 'alipay'] as const)),
  transactionId: Nullable(Type.String()),
  /** The NGO's donation receipt (捐赠票据) number, once it recorded one. */
  receiptNumber: Nullable(Type.String()),
  /** The student's display name (never the legal name); null once their guardian withdrew consent. */
  studentDisplayName: Nullable(Type.String()),
});
export type StatementLine = Static<typeof StatementLine>;

/** A gift the sponsor made outside Banxue, as they reported it. */
export const SelfReportedGift = Type.Object({
  id: Id,
  givenOn: IsoDate,
  amountFen: Type.Integer(),
  recipient: Type.String(),
  note: Nullable(Type.String()),
  createdAt: IsoDateTime,
});
export type SelfReportedGift = Static<typeof SelfReportedGift>;

/**
 * A sponsor's giving in one calendar year. `totalFen` is what Banxue recorded (payments less refunds);
 * self-reported gifts have their own subtotal and are never part of it. Not a donation receipt.
 */
export const Statement = Type.Object({
  year: Type.Integer(),
  lines: Type.Array(StatementLine),
  totalFen: Type.Integer(),
  selfReported: Type.Array(SelfReportedGift),
  selfReportedTotalFen: Type.Integer(),
  /** More lines than one statement lists (thousands in a year); the totals still count them all. */
  truncated: Type.Boolean(),
});
export type Statement = Static<typeof Statement>;

/** Links that download the statement without a session, valid for 15 minutes. */
export const StatementLinks = Type.Object({ pdfUrl: Type.String(), csvUrl: Type.String(), expiresAt: IsoDateTime });
export type StatementLinks = Static<typeof StatementLinks>;

export const StatementTokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 400 }) }, { additionalProperties: false });
export type StatementTokenParams = Static<typeof StatementTokenParams>;

export const NewGiftBody = Type.Object(
  {
    /** A real date, not after today (China date). */
    givenOn: IsoDate,
    amountFen: Type.Integer({ minimum: 1, maximum: MAX_GIFT_FEN }),
    recipient: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' }),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type NewGiftBody = Static<typeof NewGiftBody>;

export const GiftIdParams = Type.Object({ id: Id }, { additionalProperties: false });
export type GiftIdParams = Static<typeof GiftIdParams>;

export const GiftPage = Page(SelfReportedGift);
export type GiftPage = Static<typeof GiftPage>;
