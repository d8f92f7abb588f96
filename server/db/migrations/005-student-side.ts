import type { Kysely } from 'kysely';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The student's side: invites can be revoked when staff issue a new one (only the newest unused code
 * works), and the open tasks of a caseworker are read by student.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('student_invites').addColumn('revoked_at', 'text').execute();
  await db.schema.createIndex('student_invites_student_idx').on('student_invites').columns(['student_id', 'created_at']).execute();
  await db.schema.createIndex('caseworker_tasks_student_idx').on('caseworker_tasks').columns(['student_id', 'status']).execute();
}
