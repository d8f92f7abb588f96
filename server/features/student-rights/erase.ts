import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { ErasureCounts } from '../../../domain/api/guardian-requests';
import { ANONYMISED } from '../../../domain/privacy/guardian-requests';
import type { Principal } from '../../access/principal';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db/connect';
import type { Database } from '../../db/schema';
import type { FileStorage } from '../../files/storage';
import { notify } from '../notifications/repository';

export type ErasureCause = { kind: 'guardian_request'; requestId: string } | { kind: 'retention'; retentionMonths: number; cutoff: string };

export interface Erasure {
  counts: ErasureCounts;
  /** Stored files the erased rows pointed at: removed by the caller once the transaction commits. */
  fileKeys: string[];
}

type StudentCondition = (eb: ExpressionBuilder<Database, 'students'>) => Expression<SqlBool>;

const OPEN_SPONSORSHIP = ['reserved', 'active', 'paused'] as const;
const n = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) => Number(result.numUpdatedRows ?? result.numDeletedRows ?? 0);

/** LIKE patterns matching a stored JSON text that names one of these ids (ids are `[a-z0-9-]`, no LIKE wildcards). */
const mentions = (ids: string[]) => ids.map((id) => `%${id}%`);

/**
 * Erases a student's personal data, inside the caller's transaction, exactly once: the first statement
 * sets `anonymised_at` only where it is still null (and where `stillDue` holds), so a second run — a
 * retry, another instance — changes nothing and gets null.
 *
 * Replaced: names, school, village, story, date of birth (kept to 1 January of the year), contacts,
 * guardian names, every letter's text both ways (rows, dates and statuses stay, so letter counts do),
 * check-in notes, term-report comments, care notes, the words a wellbeing flag quoted, NGO notices,
 * ledger payees and staff-written ledger descriptions. Removed: photos, receipts and uploads (files
 * too), notifications and platform messages about the student, the student's sign-in (sessions,
 * platform identities). Kept: every amount, date and status in the ledger and sponsorships, grade,
 * school stage, province and city, and the audit log (which never holds these texts). An open
 * sponsorship ends (`student_data_erased`) and its sponsor is told gently, without the reason.
 */
export async function eraseStudentData(
  trx: Db,
  studentId: string,
  now: Date,
  actor: Principal | null,
  cause: ErasureCause,
  stillDue?: StudentCondition,
): Promise<Erasure | null> {
  const at = now.toISOString();
  const student = await trx
    .selectFrom('students')
    .select(['id', 'account_id', 'photo_key', 'date_of_birth', 'program_status'])
    .where('id', '=', studentId)
    .executeTakeFirst();
  if (!student) return null;
  const leaves = student.program_status === 'active' || student.program_status === 'paused';
  let claim = trx
    .updateTable('students')
    .set({
      legal_name: ANONYMISED.legalName,
      display_name: ANONYMISED.displayName,
      gender: 'unspecified',
      date_of_birth: `${student.date_of_birth.slice(0, 4)}-01-01`,
      school_name: ANONYMISED.schoolName,
      village: null,
      story: null,
      story_approved_at: null,
      photo_key: null,
      pool_since: null,
      next_due_at: null,
      ladder_next_at: null,
      ...(leaves ? { program_status: 'left' as const, left_at: at } : {}),
      anonymised_at: at,
      updated_at: at,
    })
    .where('id', '=', studentId)
    .where('anonymised_at', 'is', null);
  if (stillDue) claim = claim.where(stillDue);
  if (n(await claim.executeTakeFirst()) !== 1) return null;

  const fileKeys = new Set<string>(student.photo_key ? [student.photo_key] : []);
  const sponsorships = await trx
    .selectFrom('sponsorships')
    .innerJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
    .select(['sponsorships.id', 'sponsorships.status', 'sponsors.account_id as sponsor_account_id'])
    .where('sponsorships.student_id', '=', studentId)
    .execute();
  const sponsorshipIds = sponsorships.map((s) => s.id);
  const lettersOfStudent = trx.selectFrom('letters').select('letters.id').where('letters.sponsorship_id', 'in', trx.selectFrom('sponsorships').select('id').where('student_id', '=', studentId));

  const contacts = n(await trx.deleteFrom('student_contacts').where('student_id', '=', studentId).executeTakeFirst());
  await trx.updateTable('guardian_consents').set({ guardian_name: ANONYMISED.legalName, withdrawn_reason: null }).where('student_id', '=', studentId).execute();
  await trx.updateTable('guardian_requests').set({ guardian_name: ANONYMISED.legalName, details: '' }).where('student_id', '=', studentId).execute();
  await trx.updateTable('handovers').set({ guardian_name: ANONYMISED.legalName, note: null, decision_note: null }).where('student_id', '=', studentId).execute();
  await trx.updateTable('student_invites').set({ revoked_at: at }).where('student_id', '=', studentId).where('used_at', 'is', null).where('revoked_at', 'is', null).execute();

  // Letters: every letter of the student's sponsorships, both ways, keeps its row and loses its words and photos.
  const letters = n(await trx.updateTable('letters').set({ body: ANONYMISED.letterBody }).where('id', 'in', lettersOfStudent).executeTakeFirst());
  await trx.updateTable('letter_events').set({ reason: null, detail: null }).where('letter_id', 'in', lettersOfStudent).execute();
  const letterPhotos = await trx.selectFrom('letter_photos').select('storage_key').where('letter_id', 'in', lettersOfStudent).execute();
  const uploadsOf = (eb: ExpressionBuilder<Database, 'uploads'>) =>
    eb.or([eb('letter_id', 'in', lettersOfStudent), ...(student.account_id ? [eb('owner_account_id', '=', student.account_id)] : [])]);
  const uploads = await trx.selectFrom('uploads').select('storage_key').where(uploadsOf).execute();
  for (const row of [...letterPhotos, ...uploads]) fileKeys.add(row.storage_key);
  await trx.deleteFrom('letter_photos').where('letter_id', 'in', lettersOfStudent).execute();
  await trx.deleteFrom('uploads').where(uploadsOf).execute();

  const checkinNotes = n(await trx.updateTable('checkins').set({ note: null }).where('student_id', '=', studentId).where('note', 'is not', null).executeTakeFirst());
  const reportPhotos = await trx.selectFrom('term_reports').select('photo_key').where('student_id', '=', studentId).where('photo_key', 'is not', null).execute();
  for (const row of reportPhotos) if (row.photo_key) fileKeys.add(row.photo_key);
  const termReports = n(await trx.updateTable('term_reports').set({ overall_result: ANONYMISED.text, photo_key: null }).where('student_id', '=', studentId).executeTakeFirst());

  // The care record keeps its dates and outcomes; its words go.
  const flagsOfStudent = trx.selectFrom('wellbeing_flags').select('id').where('student_id', '=', studentId);
  const careNotes =
    n(await trx.updateTable('wellbeing_flags').set({ text: ANONYMISED.text, findings: '[]', outcome_note: null }).where('student_id', '=', studentId).executeTakeFirst()) +
    n(await trx.updateTable('wellbeing_actions').set({ note: null }).where('flag_id', 'in', flagsOfStudent).where('note', 'is not', null).executeTakeFirst()) +
    n(await trx.updateTable('alerts').set({ outcome_note: null }).where('student_id', '=', studentId).where('outcome_note', 'is not', null).executeTakeFirst()) +
    n(await trx.updateTable('contact_attempts').set({ note: null }).where('student_id', '=', studentId).where('note', 'is not', null).executeTakeFirst()) +
    n(await trx.updateTable('caseworker_tasks').set({ note: null }).where('student_id', '=', studentId).where('note', 'is not', null).executeTakeFirst());
  await trx.updateTable('caseworker_tasks').set({ status: 'done', done_at: at }).where('student_id', '=', studentId).where('status', '=', 'open').execute();
  await trx.updateTable('silence_episodes').set({ closed_at: at, close_reason: 'anonymised' }).where('student_id', '=', studentId).where('closed_at', 'is', null).execute();
  await trx.updateTable('ngo_notices').set({ text: ANONYMISED.text }).where('student_id', '=', studentId).execute();

  // Money: amounts, dates, kinds and categories stay; who was paid (by name), staff notes and receipts go.
  const ledgerOfStudent = trx.selectFrom('sponsorships').select('id').where('student_id', '=', studentId);
  const receipts = await trx.selectFrom('ledger_entries').select('receipt_key').where('sponsorship_id', 'in', ledgerOfStudent).where('receipt_key', 'is not', null).execute();
  for (const row of receipts) if (row.receipt_key) fileKeys.add(row.receipt_key);
  await trx.updateTable('ledger_entries').set({ payee: null, receipt_key: null }).where('sponsorship_id', 'in', ledgerOfStudent).execute();
  await trx.updateTable('ledger_entries').set({ description: '' }).where('sponsorship_id', 'in', ledgerOfStudent).where('kind', 'in', ['payment', 'disbursement']).execute();

  const mentioned = mentions([studentId, ...sponsorshipIds]);
  const notifications = n(
    await trx
      .deleteFrom('notifications')
      .where((eb) => eb.or([...mentioned.map((p) => eb('payload', 'like', p)), ...(student.account_id ? [eb('account_id', '=', student.account_id)] : [])]))
      .executeTakeFirst(),
  );
  await trx
    .deleteFrom('outbox_messages')
    .where((eb) => eb.or([...mentioned.map((p) => eb('payload', 'like', p)), ...(student.account_id ? [eb('account_id', '=', student.account_id)] : [])]))
    .execute();

  if (student.account_id) {
    const account = student.account_id;
    await trx.updateTable('accounts').set({ disabled_at: at }).where('id', '=', account).where('disabled_at', 'is', null).execute();
    await trx.updateTable('sessions').set({ revoked_at: at }).where('account_id', '=', account).where('revoked_at', 'is', null).execute();
    await trx.deleteFrom('platform_identities').where('account_id', '=', account).execute();
    await trx.deleteFrom('message_subscriptions').where('account_id', '=', account).execute();
    await trx.deleteFrom('idempotency_keys').where('account_id', '=', account).execute();
  }

  const open = sponsorships.filter((s) => (OPEN_SPONSORSHIP as readonly string[]).includes(s.status));
  if (open.length > 0) {
    await trx
      .updateTable('sponsorships')
      .set({ status: 'ended', end_reason: 'student_data_erased', ended_at: at, updated_at: at })
      .where('id', 'in', open.map((s) => s.id))
      .execute();
  }
  // Told after the notices about the student were removed; the reason stays with the NGO.
  for (const s of open.filter((o) => o.status !== 'reserved')) {
    await notify(trx, { accountId: s.sponsor_account_id, kind: 'sponsorship_closed', payload: { sponsorshipId: s.id }, dedupeKey: `sponsorship_closed:${s.id}` }, now);
  }

  const counts: ErasureCounts = {
    contacts,
    letters,
    photos: letterPhotos.length + uploads.length + reportPhotos.length + (student.photo_key ? 1 : 0),
    checkinNotes,
    termReports,
    careNotes,
    notifications,
    receipts: receipts.length,
    sponsorshipsEnded: open.length,
  };
  await recordAudit(trx, actor, now, {
    action: 'students.anonymise',
    entityType: 'student',
    entityId: studentId,
    studentId,
    detail: { ...cause, counts },
  });
  return { counts, fileKeys: [...fileKeys] };
}

/** Removes an erasure's stored files after its transaction committed; a file that fails is logged and left for the operator. */
export async function removeStoredFiles(files: FileStorage, keys: readonly string[], log: FastifyBaseLogger): Promise<number> {
  let failed = 0;
  for (const key of keys) {
    try {
      await files.delete(key);
    } catch (error) {
      failed += 1;
      log.error({ err: error, key }, 'a stored file of an erased student could not be removed');
    }
  }
  return failed;
}
