import { sql, type Kysely } from 'kysely';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const inList = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * The silence ladder, exam-season outreach, the caseworker workspace and platform messages.
 *  - students.ladder_next_at: when the sweep next has work for this student (next due, then each
 *    following ladder step; null once the ladder is climbed or the student is not active). The
 *    sweep reads only `ladder_next_at <= now` through its index.
 *  - ngo_policies.exam_outreach_days, and exam-calendar entries in the domain's shape
 *    (`resultsOn`, with the province).
 *  - exam_outreach_runs: one row per NGO and exam sitting, so outreach for it happens once.
 *  - handovers between NGOs; message subscriptions; the platform access-token cache.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('students').addColumn('ladder_next_at', 'text').execute();
  await db.schema.createIndex('students_ladder_next_idx').on('students').column('ladder_next_at').execute();
  await db.updateTable('students').set({ ladder_next_at: sql`next_due_at` }).where('program_status', '=', 'active').execute();

  await db.schema
    .alterTable('ngo_policies')
    .addColumn('exam_outreach_days', 'integer', (c) => c.notNull().defaultTo(7).check(sql`exam_outreach_days between 1 and 60`))
    .execute();
  const policies = await db.selectFrom('ngo_policies').innerJoin('ngos', 'ngos.id', 'ngo_policies.ngo_id').select(['ngo_id', 'exam_calendar', 'ngos.province']).execute();
  for (const p of policies as { ngo_id: string; exam_calendar: string; province: string }[]) {
    const entries = JSON.parse(p.exam_calendar) as Record<string, unknown>[];
    const rewritten = entries.map(({ results_on, ...rest }) => ({ ...rest, province: rest.province ?? p.province, resultsOn: rest.resultsOn ?? results_on }));
    await db.updateTable('ngo_policies').set({ exam_calendar: JSON.stringify(rewritten) }).where('ngo_id', '=', p.ngo_id).execute();
  }

  await db.schema
    .createTable('exam_outreach_runs')
    .addColumn('ngo_id', 'text', (c) => c.notNull().references('ngos.id'))
    .addColumn('exam', 'text', (c) => c.notNull().check(inList('exam', ['zhongkao', 'gaokao'])))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .addColumn('task_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('exam_outreach_runs_pk', ['ngo_id', 'exam', 'year'])
    .execute();

  // Alerts: the sponsor-safe kind of a situation change; SLA deadlines read by the sweep.
  await db.schema.alterTable('alerts').addColumn('change_kind', 'text', (c) => c.check(inList('change_kind', ['new_school', 'vocational_track', 'moved_home', 'other']))).execute();
  await db.schema.createIndex('alerts_ack_due_idx').on('alerts').columns(['status', 'ack_due_at']).execute();
  await db.schema.createIndex('alerts_contact_due_idx').on('alerts').columns(['status', 'first_contact_due_at']).execute();
  await db.schema.createIndex('alerts_assignee_idx').on('alerts').columns(['assigned_staff_id', 'status']).execute();

  // Tasks: who closed them, how, and (exam season) which sitting.
  await db.schema.alterTable('caseworker_tasks').addColumn('done_by', 'text').execute();
  await db.schema.alterTable('caseworker_tasks').addColumn('note', 'text').execute();
  await db.schema.alterTable('caseworker_tasks').addColumn('detail', 'text').execute();

  await db.schema
    .createTable('handovers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('alert_id', 'text', (c) => c.references('alerts.id'))
    .addColumn('from_ngo_id', 'text', (c) => c.notNull().references('ngos.id'))
    .addColumn('to_ngo_id', 'text', (c) => c.notNull().references('ngos.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', ['pending', 'accepted', 'rejected'])))
    .addColumn('guardian_name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('consent_method', 'text', (c) => c.notNull().check(inList('consent_method', ['paper', 'in_person', 'video', 'phone'])))
    .addColumn('consented_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addCheckConstraint('handovers_other_ngo', sql`from_ngo_id <> to_ngo_id`)
    .execute();
  await db.schema.createIndex('handovers_one_pending_per_student').on('handovers').column('student_id').unique().where(sql.ref('status'), '=', 'pending').execute();
  await db.schema.createIndex('handovers_to_ngo_idx').on('handovers').columns(['to_ngo_id', 'status', 'requested_at']).execute();

  // Platform message grants: WeChat subscribe messages are one-time, so each accept adds one send.
  await db.schema
    .createTable('message_subscriptions')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(inList('channel', ['wechat_subscribe', 'alipay_template'])))
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('remaining', 'integer', (c) => c.notNull().check(sql`remaining >= 0`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_subscriptions_pk', ['account_id', 'channel', 'template_id'])
    .execute();

  // The outbox row remembers its event; refusals are final and kept apart from failures.
  await db.schema.alterTable('outbox_messages').addColumn('event', 'text').execute();
  await db.schema.alterTable('outbox_messages').addColumn('final_reason', 'text').execute();

  // A platform access token shared by every instance; the one holding the lease refreshes it.
  await db.schema
    .createTable('platform_tokens')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
