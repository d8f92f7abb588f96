import { sql, type Kysely, type CreateTableBuilder, PostgresAdapter } from 'kysely';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

function withCreatedAt<T extends string>(table: CreateTableBuilder<T>) {
  return table.addColumn('created_at', 'text', (c) => c.notNull());
}

export async function up(db: AnyDb): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await withCreatedAt(
    db.schema
      .createTable('ngos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('province', 'text', (c) => c.notNull())
      .addColumn('city', 'text', (c) => c.notNull()),
  ).execute();

  await db.schema
    .createTable('ngo_policies')
    .addColumn('ngo_id', 'text', (c) => c.primaryKey().references('ngos.id'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('checkin_cadence_days', 'integer', (c) => c.notNull().check(sql`checkin_cadence_days between 7 and 180`))
    .addColumn('ladder', 'text', (c) => c.notNull())
    .addColumn('sla_ack_hours', 'integer', (c) => c.notNull().check(sql`sla_ack_hours > 0`))
    .addColumn('sla_first_contact_hours', 'integer', (c) => c.notNull().check(sql`sla_first_contact_hours > 0`))
    .addColumn('quiet_periods', 'text', (c) => c.notNull())
    .addColumn('exam_calendar', 'text', (c) => c.notNull())
    .addColumn('consent_required_under_age', 'integer', (c) => c.notNull().check(sql`consent_required_under_age between 14 and 18`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await withCreatedAt(
    db.schema
      .createTable('accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('role', 'text', (c) => c.notNull().check(inList('role', ['sponsor', 'student', 'caseworker', 'ngo_admin'])))
      .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
      .addColumn('disabled_at', 'text'),
  ).execute();

  await withCreatedAt(
    db.schema
      .createTable('platform_identities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('platform', 'text', (c) => c.notNull().check(inList('platform', ['wechat', 'alipay'])))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('union_id', 'text')
      .addUniqueConstraint('platform_identities_platform_subject_key', ['platform', 'subject']),
  ).execute();
  await db.schema.createIndex('platform_identities_account_idx').on('platform_identities').column('account_id').execute();

  await withCreatedAt(
    db.schema
      .createTable('staff')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().unique().references('accounts.id'))
      .addColumn('ngo_id', 'text', (c) => c.notNull().references('ngos.id'))
      .addColumn('role', 'text', (c) => c.notNull().check(inList('role', ['caseworker', 'ngo_admin'])))
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('username', 'text', (c) => c.unique())
      .addColumn('password_hash', 'text'),
  ).execute();
  await db.schema.createIndex('staff_ngo_idx').on('staff').column('ngo_id').execute();

  await withCreatedAt(
    db.schema
      .createTable('sponsors')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().unique().references('accounts.id'))
      .addColumn('display_name', 'text', (c) => c.notNull()),
  ).execute();

  await withCreatedAt(
    db.schema
      .createTable('students')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ngo_id', 'text', (c) => c.notNull().references('ngos.id'))
      .addColumn('account_id', 'text', (c) => c.unique().references('accounts.id'))
      .addColumn('caseworker_id', 'text', (c) => c.references('staff.id'))
      .addColumn('legal_name', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('gender', 'text', (c) => c.notNull().check(inList('gender', ['female', 'male', 'unspecified'])))
      .addColumn('date_of_birth', 'text', (c) => c.notNull())
      .addColumn('school_name', 'text', (c) => c.notNull())
      .addColumn('school_stage', 'text', (c) => c.notNull().check(inList('school_stage', ['primary', 'middle', 'high', 'vocational'])))
      .addColumn('grade', 'integer', (c) => c.notNull().check(sql`grade between 1 and 12`))
      .addColumn('expected_graduation', 'text', (c) => c.notNull())
      .addColumn('province', 'text', (c) => c.notNull())
      .addColumn('city', 'text', (c) => c.notNull())
      .addColumn('village', 'text')
      .addColumn('story', 'text')
      .addColumn('story_approved_at', 'text')
      .addColumn('photo_key', 'text')
      .addColumn('yearly_need_fen', 'integer', (c) => c.notNull().check(sql`yearly_need_fen >= 0`))
      .addColumn('program_status', 'text', (c) =>
        c.notNull().check(inList('program_status', ['active', 'paused', 'left', 'handed_over'])),
      )
      .addColumn('pool_since', 'text')
      .addColumn('last_heard_at', 'text')
      .addColumn('next_due_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('students_ngo_idx').on('students').columns(['ngo_id', 'id']).execute();
  await db.schema.createIndex('students_caseworker_idx').on('students').column('caseworker_id').execute();
  // The silence sweep reads only students whose next-due time has passed.
  await db.schema.createIndex('students_next_due_idx').on('students').column('next_due_at').execute();
  await db.schema.createIndex('students_pool_idx').on('students').columns(['pool_since', 'id']).execute();

  await withCreatedAt(
    db.schema
      .createTable('student_contacts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', ['guardian', 'school'])))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('relation', 'text')
      .addColumn('phone', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('student_contacts_student_idx').on('student_contacts').column('student_id').execute();

  await withCreatedAt(
    db.schema
      .createTable('guardian_consents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
      .addColumn('guardian_name', 'text', (c) => c.notNull())
      .addColumn('relation', 'text', (c) => c.notNull())
      .addColumn('consented_on', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull().check(inList('method', ['paper', 'in_person', 'video', 'phone'])))
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('retain_until', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull().references('staff.id'))
      .addColumn('withdrawn_at', 'text')
      .addColumn('withdrawn_reason', 'text'),
  ).execute();
  await db.schema.createIndex('guardian_consents_student_idx').on('guardian_consents').column('student_id').execute();

  await withCreatedAt(
    db.schema
      .createTable('student_invites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull().references('staff.id')),
  ).execute();

  await withCreatedAt(
    db.schema
      .createTable('sponsorships')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sponsor_id', 'text', (c) => c.notNull().references('sponsors.id'))
      .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
      .addColumn('status', 'text', (c) =>
        c.notNull().check(inList('status', ['reserved', 'active', 'paused', 'completed', 'ended'])),
      )
      .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen > 0`))
      .addColumn('cadence', 'text', (c) => c.notNull().check(inList('cadence', ['monthly', 'quarterly', 'yearly'])))
      .addColumn('term_years', 'integer', (c) => c.notNull().check(sql`term_years between 1 and 12`))
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text', (c) => c.notNull())
      .addColumn('reserved_until', 'text')
      .addColumn('confirmed_at', 'text')
      .addColumn('ended_at', 'text')
      .addColumn('end_reason', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  ).execute();
  // At most one sponsorship holding a student (reserved, active or paused): enforced here, not only in code.
  await db.schema
    .createIndex('sponsorships_one_holder_per_student')
    .on('sponsorships')
    .column('student_id')
    .unique()
    .where(sql.ref('status'), 'in', ['reserved', 'active', 'paused'])
    .execute();
  await db.schema.createIndex('sponsorships_sponsor_idx').on('sponsorships').columns(['sponsor_id', 'start_date']).execute();
  await db.schema.createIndex('sponsorships_student_idx').on('sponsorships').column('student_id').execute();

  await withCreatedAt(
    db.schema
      .createTable('checkins')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', ['doing_well', 'busy_exams', 'talk_to_caseworker'])))
      .addColumn('mood', 'integer', (c) => c.check(sql`mood between 1 and 5`))
      .addColumn('note', 'text')
      .addColumn('recorded_by', 'text', (c) => c.notNull().references('accounts.id')),
  ).execute();
  await db.schema.createIndex('checkins_student_idx').on('checkins').columns(['student_id', 'created_at']).execute();

  await withCreatedAt(
    db.schema
      .createTable('term_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('grade', 'integer', (c) => c.notNull())
      .addColumn('overall_result', 'text', (c) => c.notNull())
      .addColumn('photo_key', 'text')
      .addColumn('authored_by', 'text', (c) => c.notNull().check(inList('authored_by', ['student', 'caseworker'])))
      .addColumn('author_account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addUniqueConstraint('term_reports_student_term_key', ['student_id', 'term']),
  ).execute();

  const letterStatuses = ['draft', 'submitted', 'screened', 'held', 'approved', 'returned', 'delivered', 'read', 'replied'];
  await withCreatedAt(
    db.schema
      .createTable('letters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sponsorship_id', 'text', (c) => c.notNull().references('sponsorships.id'))
      .addColumn('direction', 'text', (c) => c.notNull().check(inList('direction', ['to_student', 'to_sponsor'])))
      .addColumn('author_account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('in_reply_to', 'text', (c) => c.references('letters.id'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(inList('status', letterStatuses)))
      .addColumn('status_changed_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('letters_sponsorship_idx').on('letters').columns(['sponsorship_id', 'created_at']).execute();
  await db.schema.createIndex('letters_status_idx').on('letters').columns(['status', 'status_changed_at']).execute();

  await withCreatedAt(
    db.schema
      .createTable('letter_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('letter_id', 'text', (c) => c.notNull().references('letters.id'))
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text', (c) => c.notNull().check(inList('to_status', letterStatuses)))
      .addColumn('actor_account_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('reason', 'text')
      .addColumn('detail', 'text'),
  ).execute();
  await db.schema.createIndex('letter_events_letter_idx').on('letter_events').columns(['letter_id', 'created_at']).execute();

  await withCreatedAt(
    db.schema
      .createTable('letter_photos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('letter_id', 'text', (c) => c.notNull().references('letters.id'))
      .addColumn('storage_key', 'text', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('letter_photos_letter_idx').on('letter_photos').column('letter_id').execute();

  await withCreatedAt(
    db.schema
      .createTable('ledger_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sponsorship_id', 'text', (c) => c.notNull().references('sponsorships.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', ['pledge', 'payment', 'disbursement'])))
      .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen > 0`))
      .addColumn('occurred_on', 'text', (c) => c.notNull())
      .addColumn('category', 'text')
      .addColumn('payee', 'text')
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('receipt_key', 'text')
      .addColumn('recorded_by', 'text', (c) => c.references('accounts.id')),
  ).execute();
  await db.schema.createIndex('ledger_entries_sponsorship_idx').on('ledger_entries').columns(['sponsorship_id', 'occurred_on']).execute();

  await db.schema
    .createTable('silence_episodes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('close_reason', 'text')
    .addUniqueConstraint('silence_episodes_student_due_key', ['student_id', 'due_at'])
    .execute();
  await db.schema
    .createIndex('silence_episodes_one_open_per_student')
    .on('silence_episodes')
    .column('student_id')
    .unique()
    .where(sql.ref('closed_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('silence_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('episode_id', 'text', (c) => c.notNull().references('silence_episodes.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('performed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('silence_steps_episode_step_key', ['episode_id', 'step'])
    .execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('ngo_id', 'text', (c) => c.notNull().references('ngos.id'))
    .addColumn('episode_id', 'text', (c) => c.unique().references('silence_episodes.id'))
    .addColumn('assigned_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', ['open', 'acknowledged', 'escalated', 'resolved'])))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('ack_due_at', 'text', (c) => c.notNull())
    .addColumn('first_contact_due_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('first_contact_at', 'text')
    .addColumn('escalated_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('outcome', 'text', (c) =>
      c.check(sql`outcome is null or ${inList('outcome', ['reached', 'situation_changed', 'paused', 'handed_over', 'left_program'])}`),
    )
    .addColumn('outcome_note', 'text')
    .addColumn('resume_on', 'text')
    .execute();
  await db.schema.createIndex('alerts_ngo_status_idx').on('alerts').columns(['ngo_id', 'status', 'opened_at']).execute();
  await db.schema.createIndex('alerts_student_idx').on('alerts').column('student_id').execute();

  await withCreatedAt(
    db.schema
      .createTable('contact_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('alert_id', 'text', (c) => c.references('alerts.id'))
      .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
      .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
      .addColumn('method', 'text', (c) => c.notNull().check(inList('method', ['call', 'message', 'home_visit', 'school', 'guardian'])))
      .addColumn('result', 'text', (c) =>
        c.notNull().check(inList('result', ['reached', 'no_answer', 'left_message', 'wrong_number', 'other'])),
      )
      .addColumn('note', 'text')
      .addColumn('attempted_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('contact_attempts_student_idx').on('contact_attempts').columns(['student_id', 'attempted_at']).execute();

  await withCreatedAt(
    db.schema
      .createTable('caseworker_tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ngo_id', 'text', (c) => c.notNull().references('ngos.id'))
      .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', ['talk_request', 'exam_season', 'watch'])))
      .addColumn('status', 'text', (c) => c.notNull().check(inList('status', ['open', 'done'])))
      .addColumn('dedupe_key', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text')
      .addColumn('done_at', 'text')
      .addUniqueConstraint('caseworker_tasks_dedupe_key', ['ngo_id', 'dedupe_key']),
  ).execute();
  await db.schema.createIndex('caseworker_tasks_ngo_status_idx').on('caseworker_tasks').columns(['ngo_id', 'status']).execute();

  await withCreatedAt(
    db.schema
      .createTable('notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('read_at', 'text'),
  ).execute();
  await db.schema.createIndex('notifications_account_idx').on('notifications').columns(['account_id', 'created_at']).execute();

  await withCreatedAt(
    db.schema
      .createTable('outbox_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel', 'text', (c) => c.notNull().check(inList('channel', ['wechat_subscribe', 'alipay_template'])))
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('template', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull().check(inList('status', ['pending', 'sent', 'failed'])))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('sent_at', 'text'),
  ).execute();
  await db.schema.createIndex('outbox_messages_due_idx').on('outbox_messages').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', isPostgres ? 'bigserial' : 'integer', (c) => (isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_account_id', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('audit_log_student_idx').on('audit_log').columns(['student_id', 'at']).execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_type', 'entity_id']).execute();
  // The audit log is append-only: the database itself refuses updates and deletes.
  if (isPostgres) {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end; $$`.execute(db);
    await sql`create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }

  await withCreatedAt(
    db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('method', 'text', (c) => c.notNull().check(inList('method', ['wechat', 'alipay', 'password', 'demo'])))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text'),
  ).execute();
  await db.schema.createIndex('sessions_account_idx').on('sessions').column('account_id').execute();

  await withCreatedAt(
    db.schema
      .createTable('idempotency_keys')
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(inList('state', ['in_progress', 'done'])))
      .addColumn('response_status', 'integer')
      .addColumn('response_body', 'text')
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_keys_pkey', ['account_id', 'key']),
  ).execute();
  await db.schema.createIndex('idempotency_keys_expiry_idx').on('idempotency_keys').column('expires_at').execute();
}

export async function down(): Promise<void> {
  throw new Error('The initial migration cannot be reverted; restore from a backup instead.');
}
