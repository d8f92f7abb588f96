import { sql, type Kysely } from 'kysely';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Letters in use: photos uploaded before the letter they go with exists, and an explicit order for a
 * letter's events (several steps can share one instant, e.g. screened and delivered).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('width', 'integer', (c) => c.notNull().check(sql`width > 0`))
    .addColumn('height', 'integer', (c) => c.notNull().check(sql`height > 0`))
    .addColumn('bytes', 'integer', (c) => c.notNull().check(sql`bytes > 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('letter_id', 'text', (c) => c.references('letters.id'))
    .addColumn('attached_at', 'text')
    .execute();
  await db.schema.createIndex('uploads_owner_idx').on('uploads').columns(['owner_account_id', 'created_at']).execute();

  await db.schema.alterTable('letter_events').addColumn('seq', 'integer').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('letter_events').dropColumn('seq').execute();
  await db.schema.dropTable('uploads').execute();
}
