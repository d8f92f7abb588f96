import { creditCodeProblem, normalizeCreditCode } from './credit-code';

/**
 * How a sponsor pays an NGO by bank transfer and whom they ask about it, and the NGO's unified social
 * credit code (统一社会信用代码, printed on sponsors' yearly statements). Every field is a string; an
 * empty one is not set. The bank account is all or nothing, and so is the contact (a name with a
 * phone number or an e-mail address, or both).
 */
export interface NgoPaymentDetails {
  bankAccountName: string;
  bankName: string;
  bankAccountNumber: string;
  paymentInstructions: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  creditCode: string;
}

export type PaymentDetailsField = keyof NgoPaymentDetails;

/** Longest value of each field, in characters (the request schema enforces the same). */
export const PAYMENT_DETAILS_MAX_LENGTH: Record<PaymentDetailsField, number> = {
  bankAccountName: 60,
  bankName: 60,
  bankAccountNumber: 40,
  paymentInstructions: 300,
  contactName: 30,
  contactPhone: 30,
  contactEmail: 100,
  creditCode: 30,
};

export const EMPTY_PAYMENT_DETAILS: NgoPaymentDetails = {
  bankAccountName: '',
  bankName: '',
  bankAccountNumber: '',
  paymentInstructions: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  creditCode: '',
};

export type PaymentDetailsProblemCode =
  | 'required'
  | 'too_long'
  | 'account_number'
  | 'phone'
  | 'email'
  | 'credit_code_length'
  | 'credit_code_character'
  | 'credit_code_check';

export interface PaymentDetailsProblem {
  field: PaymentDetailsField;
  code: PaymentDetailsProblemCode;
}

const BANK_FIELDS = ['bankAccountName', 'bankName', 'bankAccountNumber'] as const;
const CONTACT_FIELDS = ['contactName', 'contactPhone', 'contactEmail'] as const;

/** Bank account numbers in China: 8–32 digits, often written in groups of four. */
const ACCOUNT_NUMBER = /^\d{8,32}$/;
/** A mobile (1xx xxxx xxxx), a landline with its area code (0xx…), or a 400/800 service number, with an optional extension. */
const PHONE = /^(?:1[3-9]\d{9}|0\d{9,11}|[48]00\d{7})(?:(?:转|ext\.?|x)\d{1,6})?$/i;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)*\.[a-z]{2,}$/i;

/** Digits of an account number as it may be typed: spaces and hyphens between groups removed. */
export function accountNumberDigits(value: string): string {
  return value.replace(/[\s-]/g, '');
}

function phoneDigits(value: string): string {
  return value.replace(/[\s\-()（）]/g, '').replace(/^\+?86(?=1|0|[48]00)/, '');
}

/** Values trimmed, the account number without its spaces, the credit code in capitals; what is stored. */
export function normalizePaymentDetails(details: NgoPaymentDetails): NgoPaymentDetails {
  const trimmed = Object.fromEntries(Object.entries(details).map(([key, value]) => [key, value.trim()])) as unknown as NgoPaymentDetails;
  return { ...trimmed, bankAccountNumber: accountNumberDigits(trimmed.bankAccountNumber), creditCode: normalizeCreditCode(trimmed.creditCode) };
}

/** Every problem with the details at once, each at its field; none means they can be saved. */
export function paymentDetailsProblems(input: NgoPaymentDetails): PaymentDetailsProblem[] {
  const details = normalizePaymentDetails(input);
  const problems: PaymentDetailsProblem[] = [];
  for (const field of Object.keys(PAYMENT_DETAILS_MAX_LENGTH) as PaymentDetailsField[]) {
    if (details[field].length > PAYMENT_DETAILS_MAX_LENGTH[field]) problems.push({ field, code: 'too_long' });
  }
  const has = (field: PaymentDetailsField) => details[field] !== '';
  const problemAt = (field: PaymentDetailsField) => problems.some((p) => p.field === field);

  if (BANK_FIELDS.some(has)) {
    for (const field of BANK_FIELDS) if (!has(field)) problems.push({ field, code: 'required' });
  }
  if (has('bankAccountNumber') && !problemAt('bankAccountNumber') && !ACCOUNT_NUMBER.test(details.bankAccountNumber)) {
    problems.push({ field: 'bankAccountNumber', code: 'account_number' });
  }

  if (CONTACT_FIELDS.some(has)) {
    if (!has('contactName')) problems.push({ field: 'contactName', code: 'required' });
    if (!has('contactPhone') && !has('contactEmail')) problems.push({ field: 'contactPhone', code: 'required' });
  }
  if (has('contactPhone') && !problemAt('contactPhone') && !PHONE.test(phoneDigits(details.contactPhone))) {
    problems.push({ field: 'contactPhone', code: 'phone' });
  }
  if (has('contactEmail') && !problemAt('contactEmail') && !EMAIL.test(details.contactEmail)) {
    problems.push({ field: 'contactEmail', code: 'email' });
  }
  const creditCode = has('creditCode') && !problemAt('creditCode') ? creditCodeProblem(details.creditCode) : null;
  if (creditCode) problems.push({ field: 'creditCode', code: `credit_code_${creditCode}` });
  return problems;
}

/**
 * The short reference a sponsor writes in the transfer memo so the NGO can tell whose payment it is:
 * "BX-" and seven characters derived from the sponsorship's id (FNV-1a), the same on every device.
 */
export function sponsorshipReference(sponsorshipId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < sponsorshipId.length; i += 1) {
    hash ^= sponsorshipId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `BX-${hash.toString(36).toUpperCase().padStart(7, '0')}`;
}
