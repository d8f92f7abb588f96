import type { Kysely } from 'kysely';
import { widenCheck } from './check-lists';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * What crashes and several instances need:
 *  - idempotency_keys: an in-progress claim holds a short lease (a crashed request's key is free
 *    again in seconds), and a key is `committed` in the same transaction as the write it guards, so
 *    a retry after a crash can tell "never happened" from "happened, answer lost";
 *  - outbox_messages.send_started_at: set before a platform send and cleared when it ends, so a
 *    send cut short by a crash is never repeated;
 *  - silence_steps.skipped_reason: a step recorded but deliberately not acted on (an earlier nudge
 *    that fell due in the same sweep as a later one);
 *  - rate_limit_counters: request counters shared by every instance.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('idempotency_keys').addColumn('lease_until', 'text').execute();
  await widenCheck(db, 'idempotency_keys', 'state', ['in_progress', 'done'], ['in_progress', 'committed', 'done']);
  await db.schema.alterTable('outbox_messages').addColumn('send_started_at', 'text').execute();
  await db.schema.alterTable('silence_steps').addColumn('skipped_reason', 'text').execute();
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_counters_window_idx').on('rate_limit_counters').column('window_ends_at').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migration 009 cannot be reverted; restore from a backup instead.');
}
