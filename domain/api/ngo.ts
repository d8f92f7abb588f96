import { Type, type Static } from '@sinclair/typebox';
import { PAYMENT_DETAILS_MAX_LENGTH, type PaymentDetailsField } from '../ngo/payment-details';
import { IsoDateTime } from './common';

const field = (name: PaymentDetailsField) => Type.String({ maxLength: PAYMENT_DETAILS_MAX_LENGTH[name] });

/** An NGO's bank-transfer details and contact, as its admin edits them: an empty string is "not set". */
export const PaymentDetailsFields = Type.Object(
  {
    bankAccountName: field('bankAccountName'),
    bankName: field('bankName'),
    bankAccountNumber: field('bankAccountNumber'),
    paymentInstructions: field('paymentInstructions'),
    contactName: field('contactName'),
    contactPhone: field('contactPhone'),
    contactEmail: field('contactEmail'),
    /** 统一社会信用代码, 18 characters with a check character (`domain/ngo/credit-code.ts`). */
    creditCode: field('creditCode'),
  },
  { additionalProperties: false },
);
export type PaymentDetailsFields = Static<typeof PaymentDetailsFields>;

/** The whole set; `creditCode` left out keeps the stored one. */
export const UpdatePaymentDetailsBody = Type.Object(
  { ...PaymentDetailsFields.properties, creditCode: Type.Optional(field('creditCode')) },
  { additionalProperties: false },
);
export type UpdatePaymentDetailsBody = Static<typeof UpdatePaymentDetailsBody>;

/** The NGO's staff see the details (its admin may change them). */
export const PaymentDetailsView = Type.Composite([
  PaymentDetailsFields,
  Type.Object({
    ngoName: Type.String(),
    updatedAt: Type.Union([IsoDateTime, Type.Null()]),
    editable: Type.Boolean(),
  }),
]);
export type PaymentDetailsView = Static<typeof PaymentDetailsView>;

/** Whom a sponsor pays and asks, on the ledger: what the NGO has filled in, nothing it has not. */
export const PayTo = Type.Object({
  ngoName: Type.String(),
  /** What to write in the transfer memo so the NGO knows whose payment it is. */
  reference: Type.String(),
  bankTransfer: Type.Union([Type.Object({ accountName: Type.String(), bankName: Type.String(), accountNumber: Type.String() }), Type.Null()]),
  instructions: Type.Union([Type.String(), Type.Null()]),
  contact: Type.Union([
    Type.Object({ name: Type.String(), officePhone: Type.Union([Type.String(), Type.Null()]), email: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
});
export type PayTo = Static<typeof PayTo>;
