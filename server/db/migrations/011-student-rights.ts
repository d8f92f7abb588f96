import { sql, type Kysely } from 'kysely';
import { inList } from './check-lists';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A student's personal-data rights, exercised by their guardian through NGO staff, and anonymisation
 * when the NGO's retention period ends:
 *  - guardian_requests: access, correction or deletion requests, from receipt to completion or refusal;
 *  - students.anonymised_at: when the student's personal data was erased (set once, compare-and-set,
 *    so a deletion or the daily job erases a student exactly once);
 *  - ngo_policies.student_retention_months: how long after the student's time in the program ends
 *    their personal data is kept (36 months unless the NGO sets 12–120).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('guardian_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ngo_id', 'text', (c) => c.notNull().references('ngos.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', ['access', 'correct', 'delete'])))
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', ['received', 'in_progress', 'completed', 'refused'])))
    .addColumn('guardian_name', 'text', (c) => c.notNull())
    .addColumn('guardian_relation', 'text', (c) => c.notNull())
    .addColumn('received_via', 'text', (c) => c.notNull().check(inList('received_via', ['paper', 'in_person', 'video', 'phone'])))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('acted_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('staff.id'))
    .addColumn('closing_note', 'text')
    .addCheckConstraint('guardian_requests_refusal_reason', sql`status <> 'refused' or closing_note is not null`)
    .execute();
  await db.schema.createIndex('guardian_requests_student_idx').on('guardian_requests').columns(['student_id', 'recorded_at']).execute();
  await db.schema.createIndex('guardian_requests_open_idx').on('guardian_requests').columns(['ngo_id', 'status']).execute();

  await db.schema.alterTable('students').addColumn('anonymised_at', 'text').execute();
  await db.schema
    .alterTable('ngo_policies')
    .addColumn('student_retention_months', 'integer', (c) => c.notNull().defaultTo(36).check(sql`student_retention_months between 12 and 120`))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migration 011 cannot be reverted; restore from a backup instead.');
}
