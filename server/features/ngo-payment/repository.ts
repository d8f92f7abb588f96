import type { PaymentDetailsView, PayTo, UpdatePaymentDetailsBody } from '../../../domain/api/ngo';
import { normalizePaymentDetails, paymentDetailsProblems, sponsorshipReference, type NgoPaymentDetails } from '../../../domain/ngo/payment-details';
import type { PrincipalOf } from '../../access/principal';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import { AppError } from '../../lib/errors';

type Staff = PrincipalOf<'caseworker' | 'ngo_admin'>;

const COLUMNS = [
  'name',
  'bank_account_name',
  'bank_name',
  'bank_account_number',
  'payment_instructions',
  'contact_name',
  'contact_phone',
  'contact_email',
  'credit_code',
  'payment_details_updated_at',
] as const;

export async function findNgoPaymentRow(db: Db, ngoId: string) {
  return db.selectFrom('ngos').select(COLUMNS).where('id', '=', ngoId).executeTakeFirst();
}
export type NgoPaymentRow = NonNullable<Awaited<ReturnType<typeof findNgoPaymentRow>>>;

function detailsOf(row: NgoPaymentRow): NgoPaymentDetails {
  return {
    bankAccountName: row.bank_account_name ?? '',
    bankName: row.bank_name ?? '',
    bankAccountNumber: row.bank_account_number ?? '',
    paymentInstructions: row.payment_instructions ?? '',
    contactName: row.contact_name ?? '',
    contactPhone: row.contact_phone ?? '',
    contactEmail: row.contact_email ?? '',
    creditCode: row.credit_code ?? '',
  };
}

/** The account number as people read it: groups of four digits. */
const grouped = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ');

/** What a sponsor of one of the NGO's students needs to pay it: only what the NGO has filled in. */
export function toPayTo(row: NgoPaymentRow, sponsorshipId: string): PayTo {
  const bank = row.bank_account_name && row.bank_name && row.bank_account_number;
  return {
    ngoName: row.name,
    reference: sponsorshipReference(sponsorshipId),
    bankTransfer: bank ? { accountName: row.bank_account_name!, bankName: row.bank_name!, accountNumber: grouped(row.bank_account_number!) } : null,
    instructions: row.payment_instructions || null,
    contact: row.contact_name ? { name: row.contact_name, officePhone: row.contact_phone || null, email: row.contact_email || null } : null,
  };
}

export async function paymentDetailsView(db: Db, principal: Staff): Promise<PaymentDetailsView> {
  const row = await findNgoPaymentRow(db, principal.ngoId);
  if (!row) throw new AppError('NOT_FOUND');
  return { ...detailsOf(row), ngoName: row.name, updatedAt: row.payment_details_updated_at, editable: principal.role === 'ngo_admin' };
}

/**
 * The NGO admin saves the whole set (a credit code left out is kept). Every problem is answered at
 * once, at its field; the audit log keeps the previous and the new details (sponsors transfer money by them).
 */
export async function updatePaymentDetails(db: Db, principal: Staff, body: UpdatePaymentDetailsBody, now: Date): Promise<PaymentDetailsView> {
  const problems = paymentDetailsProblems({ ...body, creditCode: body.creditCode ?? '' });
  if (problems.length > 0) {
    throw new AppError('PAYMENT_DETAILS_INVALID', { details: problems.map((p) => ({ field: `body.${p.field}`, message: `payment:${p.code}` })) });
  }
  const orNull = (value: string) => (value === '' ? null : value);
  await db.transaction().execute(async (trx) => {
    const previous = await findNgoPaymentRow(trx, principal.ngoId);
    if (!previous) throw new AppError('NOT_FOUND');
    const next = normalizePaymentDetails({ ...body, creditCode: body.creditCode ?? previous.credit_code ?? '' });
    await trx
      .updateTable('ngos')
      .set({
        bank_account_name: orNull(next.bankAccountName),
        bank_name: orNull(next.bankName),
        bank_account_number: orNull(next.bankAccountNumber),
        payment_instructions: orNull(next.paymentInstructions),
        contact_name: orNull(next.contactName),
        contact_phone: orNull(next.contactPhone),
        contact_email: orNull(next.contactEmail),
        credit_code: orNull(next.creditCode),
        payment_details_updated_at: now.toISOString(),
      })
      .where('id', '=', principal.ngoId)
      .execute();
    await recordAudit(trx, principal, now, {
      action: 'ngos.payment_details.update',
      entityType: 'ngo',
      entityId: principal.ngoId,
      detail: { previous: detailsOf(previous), next },
    });
  });
  return paymentDetailsView(db, principal);
}
