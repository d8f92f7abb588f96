import type { FastifyInstance } from 'fastify';
import type { LedgerEntryView } from '../../../domain/api/sponsorship';
import type { PrincipalOf } from '../../access/principal';
import { visibleSponsorships } from '../../access/scopes';
import { recordAudit } from '../../audit/record';
import { AppError } from '../../lib/errors';
import type { Locale } from '../../lib/messages';
import { toEntryView } from '../ledger/views';

/**
 * Records (or clears, with null) the donation receipt number the NGO issued for a payment in one of
 * its sponsorships' ledgers; audited with the number before and after.
 */
export async function setReceiptNumber(
  app: FastifyInstance,
  principal: PrincipalOf<'caseworker' | 'ngo_admin'>,
  entryId: string,
  receiptNumber: string | null,
  locale: Locale,
): Promise<LedgerEntryView> {
  const now = app.clock.now();
  const entry = await app.db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('id', '=', entryId)
    .where('sponsorship_id', 'in', visibleSponsorships(app.db, principal).select('sponsorships.id'))
    .executeTakeFirst();
  if (!entry) throw new AppError('NOT_FOUND');
  if (entry.kind !== 'payment') throw new AppError('LEDGER_ENTRY_NOT_PAYMENT');
  const studentId = (await app.db.selectFrom('sponsorships').select('student_id').where('id', '=', entry.sponsorship_id).executeTakeFirstOrThrow()).student_id;
  await app.db.transaction().execute(async (trx) => {
    await trx.updateTable('ledger_entries').set({ receipt_number: receiptNumber }).where('id', '=', entry.id).execute();
    await recordAudit(trx, principal, now, {
      action: 'ledger.receipt_number.set',
      entityType: 'ledger_entry',
      entityId: entry.id,
      studentId,
      detail: { sponsorshipId: entry.sponsorship_id, before: entry.receipt_number, after: receiptNumber },
    });
  });
  return toEntryView(
    { ...entry, receipt_number: receiptNumber },
    'payment',
    { audience: 'staff', locale, protectedValues: [], signedUrl: (key) => app.signedFileUrl(key) },
  );
}
