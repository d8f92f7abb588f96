import type { FastifyInstance } from 'fastify';
import type { Ledger } from '../../../domain/api/sponsorship';
import type { Principal } from '../../access/principal';
import { recordAudit } from '../../audit/record';
import { AppError } from '../../lib/errors';
import type { Locale } from '../../lib/messages';
import { findNgoPaymentRow, toPayTo } from '../ngo-payment/repository';
import { onlinePaymentFor } from '../payments/online-payment';
import { findLedgerSponsorship, ledgerEntries, ledgerTotals } from './repository';
import { paymentInstructions } from './labels';
import { protectedValuesOf, toLedger } from './views';

/** The ledger of one sponsorship the caller may see (404 otherwise); staff reads are audited. */
export async function sponsorshipLedger(app: FastifyInstance, principal: Principal, id: string, locale: Locale): Promise<Ledger> {
  const s = await findLedgerSponsorship(app.db, principal, id);
  if (!s) throw new AppError('NOT_FOUND');
  const [payments, disbursements, totals, ngo] = await Promise.all([
    ledgerEntries(app.db, s.id, 'payment'),
    ledgerEntries(app.db, s.id, 'disbursement'),
    ledgerTotals(app.db, [s.id]),
    findNgoPaymentRow(app.db, s.ngo_id),
  ]);
  if (!ngo) throw new AppError('NOT_FOUND');
  const audience = principal.role === 'sponsor' ? 'sponsor' : 'staff';
  if (audience === 'staff') {
    await recordAudit(app.db, principal, app.clock.now(), { action: 'ledger.read', entityType: 'sponsorship', entityId: s.id, studentId: s.student_id });
  }
  const ledger = toLedger(s, payments, disbursements, totals.get(s.id)!, toPayTo(ngo, s.id), {
    audience,
    locale,
    protectedValues: protectedValuesOf(s),
    signedUrl: (key) => app.signedFileUrl(key),
  });
  // Only an active sponsorship takes payments (a reservation is still in its review period).
  const payable = audience === 'sponsor' && s.status === 'active';
  const onlinePayment = payable ? await onlinePaymentFor(app.db, s, ledger.schedule, ledger.totals.paidFen) : null;
  return { ...ledger, onlinePayment, paymentInstructions: paymentInstructions(locale, onlinePayment !== null) };
}
