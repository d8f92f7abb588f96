import type { RecordDisbursementBody, RecordPaymentBody } from '../../../domain/api/sponsorship';
import { visibleSponsorships } from '../../access/scopes';
import type { PrincipalOf } from '../../access/principal';
import type { Db } from '../../db/connect';
import { decodeCursor, toPage } from '../../lib/cursor';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';

export type Staff = PrincipalOf<'caseworker' | 'ngo_admin'>;

/** The NGO's sponsorships, newest start first. */
export async function listNgoSponsorships(db: Db, principal: Staff, page: { limit: number; cursor?: string }) {
  const after = decodeCursor(page.cursor, ['text', 'text']);
  let query = visibleSponsorships(db, principal)
    .innerJoin('students', 'students.id', 'sponsorships.student_id')
    .innerJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
    .select([
      'sponsorships.id',
      'sponsorships.status',
      'sponsorships.amount_fen',
      'sponsorships.cadence',
      'sponsorships.start_date',
      'sponsorships.end_date',
      'students.id as student_id',
      'students.legal_name',
      'sponsors.display_name as sponsor_name',
    ])
    .orderBy('sponsorships.start_date', 'desc')
    .orderBy('sponsorships.id', 'desc')
    .limit(page.limit + 1);
  if (after) {
    const [startDate, id] = after;
    query = query.where((eb) =>
      eb.or([eb('sponsorships.start_date', '<', startDate), eb.and([eb('sponsorships.start_date', '=', startDate), eb('sponsorships.id', '<', id)])]),
    );
  }
  return toPage(await query.execute(), page.limit, (r) => [r.start_date, r.id]);
}

/** One of the NGO's sponsorships with who to tell about a disbursement. */
export async function findNgoSponsorship(db: Db, principal: Staff, id: string) {
  return visibleSponsorships(db, principal)
    .innerJoin('students', 'students.id', 'sponsorships.student_id')
    .innerJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
    .innerJoin('accounts', 'accounts.id', 'sponsors.account_id')
    .select([
      'sponsorships.id',
      'sponsorships.status',
      'students.id as student_id',
      'students.display_name as student_name',
      'sponsors.account_id as sponsor_account_id',
      'accounts.locale as sponsor_locale',
    ])
    .where('sponsorships.id', '=', id)
    .executeTakeFirst();
}

export async function insertPayment(db: Db, principal: Staff, sponsorshipId: string, body: RecordPaymentBody, now: Date) {
  const row = {
    id: newId(),
    sponsorship_id: sponsorshipId,
    kind: 'payment' as const,
    amount_fen: body.amountFen,
    occurred_on: body.receivedOn,
    category: null,
    payee: null,
    payee_kind: null,
    description: body.note?.trim() || '收到资助款（银行转账）',
    receipt_key: null,
    receipt_number: body.receiptNumber ?? null,
    recorded_by: principal.accountId,
    created_at: now.toISOString(),
  };
  await db.insertInto('ledger_entries').values(row).execute();
  return row;
}

/**
 * Claims the caller's own unused upload as a receipt (once: a second claim finds it taken) and
 * returns its storage key.
 */
export async function claimReceipt(db: Db, principal: Staff, uploadId: string, now: Date): Promise<string> {
  const upload = await db
    .selectFrom('uploads')
    .select(['storage_key'])
    .where('id', '=', uploadId)
    .where('owner_account_id', '=', principal.accountId)
    .where('attached_at', 'is', null)
    .where('letter_id', 'is', null)
    .executeTakeFirst();
  if (!upload) throw new AppError('RECEIPT_UNAVAILABLE');
  const claimed = await db
    .updateTable('uploads')
    .set({ attached_at: now.toISOString() })
    .where('id', '=', uploadId)
    .where('attached_at', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('RECEIPT_UNAVAILABLE');
  return upload.storage_key;
}

export async function insertDisbursement(db: Db, principal: Staff, sponsorshipId: string, body: RecordDisbursementBody, receiptKey: string | null, now: Date) {
  const row = {
    id: newId(),
    sponsorship_id: sponsorshipId,
    kind: 'disbursement' as const,
    amount_fen: body.amountFen,
    occurred_on: body.occurredOn,
    category: body.category,
    payee: body.payee.trim(),
    payee_kind: body.payeeKind,
    description: body.description.trim(),
    receipt_key: receiptKey,
    receipt_number: null,
    recorded_by: principal.accountId,
    created_at: now.toISOString(),
  };
  await db.insertInto('ledger_entries').values(row).execute();
  return row;
}
