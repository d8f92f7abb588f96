import type { FastifyInstance } from 'fastify';
import type { LedgerEntryView, RecordDisbursementBody, RecordPaymentBody, StaffSponsorshipPage } from '../../../domain/api/sponsorship';
import { recordAudit } from '../../audit/record';
import { AppError } from '../../lib/errors';
import { localeFrom, type Locale } from '../../lib/messages';
import { payeeLabel } from '../ledger/labels';
import { ledgerTotals } from '../ledger/repository';
import { ledgerFigures } from '../ledger/schedule';
import { toEntryView, type EntryContext } from '../ledger/views';
import { notify } from '../notifications/repository';
import { claimReceipt, findNgoSponsorship, insertDisbursement, insertPayment, listNgoSponsorships, type Staff } from './repository';

/** The NGO's sponsorships with what was paid and disbursed, and how far the payments reach. */
export async function staffSponsorships(app: FastifyInstance, principal: Staff, page: { limit: number; cursor?: string }): Promise<StaffSponsorshipPage> {
  const { items, nextCursor } = await listNgoSponsorships(app.db, principal, page);
  const totals = await ledgerTotals(app.db, items.map((s) => s.id));
  await recordAudit(app.db, principal, app.clock.now(), {
    action: 'sponsorships.list',
    entityType: 'ngo',
    entityId: principal.ngoId,
    detail: { sponsorshipIds: items.map((s) => s.id) },
  });
  return {
    items: items.map((s) => {
      const t = totals.get(s.id)!;
      const figures = ledgerFigures({ startDate: s.start_date, endDate: s.end_date, cadence: s.cadence, amountFen: s.amount_fen }, t.paidFen);
      return {
        id: s.id,
        status: s.status,
        studentId: s.student_id,
        studentName: s.legal_name,
        sponsorName: s.sponsor_name,
        amountFen: s.amount_fen,
        cadence: s.cadence,
        paidFen: t.paidFen,
        disbursedFen: t.disbursedFen,
        fundedThrough: figures.fundedThrough,
      };
    }),
    nextCursor,
  };
}

async function recordable(app: FastifyInstance, principal: Staff, id: string) {
  const s = await findNgoSponsorship(app.db, principal, id);
  if (!s) throw new AppError('NOT_FOUND');
  if (s.status === 'reserved') throw new AppError('SPONSORSHIP_NOT_CONFIRMED');
  return s;
}

const staffView = (app: FastifyInstance, locale: Locale): EntryContext => ({ audience: 'staff', locale, protectedValues: [], signedUrl: (key) => app.signedFileUrl(key) });

/** An NGO admin records a payment received for one of the NGO's sponsorships (audited). */
export async function recordPayment(app: FastifyInstance, principal: Staff, id: string, body: RecordPaymentBody, locale: Locale): Promise<LedgerEntryView> {
  const s = await recordable(app, principal, id);
  const now = app.clock.now();
  const row = await app.db.transaction().execute(async (trx) => {
    const entry = await insertPayment(trx, principal, s.id, body, now);
    await recordAudit(trx, principal, now, {
      action: 'ledger.payment.record',
      entityType: 'ledger_entry',
      entityId: entry.id,
      studentId: s.student_id,
      detail: { sponsorshipId: s.id, amountFen: entry.amount_fen, receivedOn: entry.occurred_on, receiptNumber: entry.receipt_number },
    });
    return entry;
  });
  return toEntryView(row, 'payment', staffView(app, locale));
}

/**
 * An NGO admin records a disbursement (with an optional receipt photo they uploaded). The sponsor is
 * told once — the notification's dedupe key is the entry's id — with a label safe for them to see.
 */
export async function recordDisbursement(app: FastifyInstance, principal: Staff, id: string, body: RecordDisbursementBody, locale: Locale): Promise<LedgerEntryView> {
  const s = await recordable(app, principal, id);
  const now = app.clock.now();
  const row = await app.db.transaction().execute(async (trx) => {
    const receiptKey = body.receiptUploadId ? await claimReceipt(trx, principal, body.receiptUploadId, now) : null;
    const entry = await insertDisbursement(trx, principal, s.id, body, receiptKey, now);
    await recordAudit(trx, principal, now, {
      action: 'ledger.disbursement.record',
      entityType: 'ledger_entry',
      entityId: entry.id,
      studentId: s.student_id,
      detail: { sponsorshipId: s.id, amountFen: entry.amount_fen, category: entry.category, payeeKind: entry.payee_kind, receipt: receiptKey !== null },
    });
    await notify(
      trx,
      {
        accountId: s.sponsor_account_id,
        kind: 'disbursement_recorded',
        payload: {
          sponsorshipId: s.id,
          studentId: s.student_id,
          studentDisplayName: s.student_name,
          entryId: entry.id,
          amountFen: entry.amount_fen,
          category: entry.category,
          payeeLabel: payeeLabel(entry.payee_kind, entry.category, localeFrom(s.sponsor_locale)),
        },
        dedupeKey: `disbursement_recorded:${entry.id}`,
      },
      now,
    );
    return entry;
  });
  return toEntryView(row, 'disbursement', staffView(app, locale));
}
