import { sql, type Kysely } from 'kysely';
import { inList, widenCheck } from './check-lists';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const OLD_LETTER_STATUSES = ['draft', 'submitted', 'screened', 'held', 'approved', 'returned', 'delivered', 'read', 'replied'];
const LETTER_STATUSES = [...OLD_LETTER_STATUSES, 'withdrawn'];

/**
 * Wellbeing: what a student's words may disclose reaches a caseworker.
 *  - wellbeing_flags: one per assessed text that is urgent or concern (unique per source and its
 *    revision: a letter sent again after editing is assessed again), with the words as assessed, the
 *    SLA deadline the sweep escalates on, acknowledgement, escalation and the closing outcome;
 *  - wellbeing_actions: what the caseworker did (reached the student, contacted the school, called
 *    emergency services), each with a note;
 *  - the NGO's policy: minutes to acknowledge an urgent flag, hours to follow up a concern;
 *  - term_reports.held_for_care: a report whose comment raised an urgent flag is not shown to the
 *    sponsor until a caseworker calls it a false alarm;
 *  - letters may be withdrawn by their writer while held or returned.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('wellbeing_flags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('ngo_id', 'text', (c) => c.notNull().references('ngos.id'))
    .addColumn('level', 'text', (c) => c.notNull().check(inList('level', ['urgent', 'concern'])))
    .addColumn('source_kind', 'text', (c) => c.notNull().check(inList('source_kind', ['letter', 'checkin', 'term_report'])))
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('source_revision', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', ['open', 'acknowledged', 'resolved'])))
    .addColumn('assigned_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text', (c) => c.references('staff.id'))
    .addColumn('escalated_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('staff.id'))
    .addColumn('outcome', 'text', (c) => c.check(inList('outcome', ['handled', 'false_alarm'])))
    .addColumn('outcome_note', 'text')
    .addUniqueConstraint('wellbeing_flags_source_key', ['source_kind', 'source_id', 'source_revision'])
    .execute();
  await db.schema.createIndex('wellbeing_flags_queue_idx').on('wellbeing_flags').columns(['ngo_id', 'status', 'level', 'due_at']).execute();
  await db.schema.createIndex('wellbeing_flags_due_idx').on('wellbeing_flags').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('wellbeing_flags_student_idx').on('wellbeing_flags').columns(['student_id', 'opened_at']).execute();

  await db.schema
    .createTable('wellbeing_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('flag_id', 'text', (c) => c.notNull().references('wellbeing_flags.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', ['reached_student', 'contacted_school', 'emergency_services'])))
    .addColumn('note', 'text')
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('acted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wellbeing_actions_flag_idx').on('wellbeing_actions').columns(['flag_id', 'acted_at']).execute();

  await db.schema
    .alterTable('ngo_policies')
    .addColumn('urgent_ack_minutes', 'integer', (c) => c.notNull().defaultTo(15).check(sql`urgent_ack_minutes between 5 and 240`))
    .execute();
  await db.schema
    .alterTable('ngo_policies')
    .addColumn('concern_due_hours', 'integer', (c) => c.notNull().defaultTo(24).check(sql`concern_due_hours between 1 and 168`))
    .execute();

  await db.schema.alterTable('term_reports').addColumn('held_for_care', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await widenCheck(db, 'letters', 'status', OLD_LETTER_STATUSES, LETTER_STATUSES);
  await widenCheck(db, 'letter_events', 'to_status', OLD_LETTER_STATUSES, LETTER_STATUSES);
}
