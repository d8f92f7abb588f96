import type { Kysely } from 'kysely';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const COLUMNS = [
  'bank_account_name',
  'bank_name',
  'bank_account_number',
  'payment_instructions',
  'contact_name',
  'contact_phone',
  'contact_email',
] as const;

/**
 * How a sponsor pays an NGO and whom they ask: the NGO's bank-transfer account (for NGOs without
 * in-app payment), its own words on paying (what to write in the memo…), and a contact person.
 * Each is null until the NGO admin fills it in; `payment_details_updated_at` says when that last happened.
 */
export async function up(db: AnyDb): Promise<void> {
  for (const column of [...COLUMNS, 'payment_details_updated_at']) {
    await db.schema.alterTable('ngos').addColumn(column, 'text').execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('Migration 013 cannot be reverted; restore from a backup instead.');
}
