import { sql, type Kysely } from 'kysely';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const PAYEE_KINDS = ['school', 'guardian', 'student', 'vendor'] as const;

/**
 * Timeline and ledger: the kind of payee of a disbursement (sponsors see a label made from it, never
 * the payee's name), NGO notices for a student or the whole NGO, and indexes for the timeline's
 * newest-first reads of disbursements and term reports.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('ledger_entries')
    .addColumn('payee_kind', 'text', (c) => c.check(sql.raw(`payee_kind is null or payee_kind in (${PAYEE_KINDS.map((k) => `'${k}'`).join(', ')})`)))
    .execute();
  await db.schema.createIndex('ledger_entries_kind_created_idx').on('ledger_entries').columns(['sponsorship_id', 'kind', 'created_at']).execute();
  await db.schema.createIndex('term_reports_student_created_idx').on('term_reports').columns(['student_id', 'created_at']).execute();

  await db.schema
    .createTable('ngo_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ngo_id', 'text', (c) => c.notNull().references('ngos.id'))
    .addColumn('student_id', 'text', (c) => c.references('students.id'))
    .addColumn('text', 'text', (c) => c.notNull().check(sql`length(text) between 1 and 1000`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ngo_notices_ngo_idx').on('ngo_notices').columns(['ngo_id', 'created_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('ngo_notices').execute();
  await db.schema.dropIndex('term_reports_student_created_idx').execute();
  await db.schema.dropIndex('ledger_entries_kind_created_idx').execute();
  await db.schema.alterTable('ledger_entries').dropColumn('payee_kind').execute();
}
