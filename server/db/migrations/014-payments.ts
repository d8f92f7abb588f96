import { sql, type Kysely } from 'kysely';
import { inList, widenCheck } from './check-lists';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PLATFORMS = ['wechat', 'alipay'] as const;

/**
 * Paying in the app (DESIGN §7: the NGO is the merchant, Banxue only records what the platform
 * confirms): each NGO's merchant settings (secrets encrypted), payment orders and their refunds,
 * alerts for the NGO admin, daily reconciliation reports, and the gifts a sponsor made elsewhere for
 * the yearly statement. A paid order writes exactly one `payment` ledger row (`payment_order_id` is
 * unique), a succeeded refund one `refund` row.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('ngos').addColumn('credit_code', 'text').execute();

  await widenCheck(db, 'ledger_entries', 'kind', ['pledge', 'payment', 'disbursement'], ['pledge', 'payment', 'disbursement', 'refund']);
  await db.schema.alterTable('ledger_entries').addColumn('payment_order_id', 'text').execute();
  await db.schema.alterTable('ledger_entries').addColumn('refund_id', 'text').execute();
  await db.schema.alterTable('ledger_entries').addColumn('receipt_number', 'text').execute();
  await db.schema.createIndex('ledger_entries_one_per_order').on('ledger_entries').column('payment_order_id').unique().execute();
  await db.schema.createIndex('ledger_entries_one_per_refund').on('ledger_entries').column('refund_id').unique().execute();

  await db.schema
    .createTable('ngo_merchants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ngo_id', 'text', (c) => c.notNull().references('ngos.id'))
    .addColumn('platform', 'text', (c) => c.notNull().check(inList('platform', PLATFORMS)))
    .addColumn('mode', 'text', (c) => c.notNull().check(inList('mode', ['direct', 'sub_merchant', 'authorized'])))
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('public_config', 'text', (c) => c.notNull())
    .addColumn('secret_config', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('accounts.id'))
    .addUniqueConstraint('ngo_merchants_one_per_platform', ['ngo_id', 'platform'])
    .execute();

  await db.schema
    .createTable('payment_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('out_trade_no', 'text', (c) => c.notNull().unique())
    .addColumn('sponsorship_id', 'text', (c) => c.notNull().references('sponsorships.id'))
    .addColumn('sponsor_id', 'text', (c) => c.notNull().references('sponsors.id'))
    .addColumn('ngo_id', 'text', (c) => c.notNull().references('ngos.id'))
    .addColumn('platform', 'text', (c) => c.notNull().check(inList('platform', PLATFORMS)))
    .addColumn('channel', 'text', (c) => c.notNull().check(inList('channel', ['jsapi', 'qr'])))
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('periods', 'integer', (c) => c.notNull().check(sql`periods > 0`))
    .addColumn('first_due_on', 'text', (c) => c.notNull())
    .addColumn('payer_subject', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', ['created', 'paying', 'paid', 'closed', 'failed'])))
    .addColumn('platform_trade_id', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('next_query_at', 'text')
    .addColumn('query_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('payment_orders_due_query_idx').on('payment_orders').columns(['status', 'next_query_at']).execute();
  await db.schema.createIndex('payment_orders_sponsorship_idx').on('payment_orders').columns(['sponsorship_id', 'created_at']).execute();
  await db.schema.createIndex('payment_orders_ngo_idx').on('payment_orders').columns(['ngo_id', 'created_at']).execute();

  await db.schema
    .createTable('payment_refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('payment_orders.id'))
    .addColumn('out_refund_no', 'text', (c) => c.notNull().unique())
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', ['requested', 'processing', 'succeeded', 'failed'])))
    .addColumn('platform_refund_id', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('requested_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('next_query_at', 'text')
    .execute();
  await db.schema.createIndex('payment_refunds_order_idx').on('payment_refunds').column('order_id').execute();
  await db.schema.createIndex('payment_refunds_due_query_idx').on('payment_refunds').columns(['status', 'next_query_at']).execute();

  await db.schema
    .createTable('payment_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ngo_id', 'text', (c) => c.notNull().references('ngos.id'))
    .addColumn('order_id', 'text', (c) => c.references('payment_orders.id'))
    .addColumn('platform', 'text', (c) => c.notNull().check(inList('platform', PLATFORMS)))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(inList('kind', ['amount_mismatch', 'merchant_mismatch', 'payer_mismatch', 'unknown_order', 'reconciliation', 'refund_failed'])),
    )
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('accounts.id'))
    .execute();
  await db.schema.createIndex('payment_alerts_ngo_idx').on('payment_alerts').columns(['ngo_id', 'resolved_at', 'created_at']).execute();

  await db.schema
    .createTable('reconciliation_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ngo_id', 'text', (c) => c.notNull().references('ngos.id'))
    .addColumn('platform', 'text', (c) => c.notNull().check(inList('platform', PLATFORMS)))
    .addColumn('bill_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', ['matched', 'differences', 'failed'])))
    .addColumn('matched_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('differences', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reconciliation_reports_one_per_day', ['ngo_id', 'platform', 'bill_date'])
    .execute();

  await db.schema
    .createTable('self_reported_gifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sponsor_id', 'text', (c) => c.notNull().references('sponsors.id'))
    .addColumn('given_on', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('self_reported_gifts_sponsor_idx').on('self_reported_gifts').columns(['sponsor_id', 'given_on']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migration 014 cannot be reverted; restore from a backup instead.');
}
