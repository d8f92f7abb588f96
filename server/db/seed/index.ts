/**
 * Demo data: two partner NGOs with their staff, about sixty students, forty sponsors, and two to
 * three years of check-ins, letters, ledger entries and term reports, all relative to `now`.
 */
import type { Insertable } from 'kysely';
import type { Db } from '../connect';
import type { Database } from '../schema';
import { hashPassword } from '../../features/auth/password';
import { buildDataset, type Highlights } from './dataset';
import { SEEDED_TABLES, type SeededTable } from './model';

/** The one password every demo staff account shares (usernames like `sc-admin`, `gs-caseworker-1`). */
export const DEMO_STAFF_PASSWORD = 'banxue-demo-2026';

export type { SeededTable } from './model';
export type { Highlights } from './dataset';

export interface SeedSummary {
  now: string;
  /** Rows inserted, per table. */
  counts: Record<SeededTable, number>;
  /** Staff usernames (they all use DEMO_STAFF_PASSWORD). */
  staffUsernames: string[];
  /** Ids of a few records worth opening in a demo. */
  highlights: Highlights;
}

export interface SeedOptions {
  now: Date;
  /** A precomputed hash of DEMO_STAFF_PASSWORD (hashing takes ~0.1 s); hashed here when absent. */
  staffPasswordHash?: string;
}

// SQLite allows 32,766 bound variables per statement; 200 rows of at most 20 columns stay far below it.
const CHUNK = 200;

type Executor = Pick<Db, 'insertInto' | 'deleteFrom'>;

async function insertRows<T extends SeededTable>(db: Executor, table: T, rows: Insertable<Database[T]>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Kysely cannot relate a generic table name to its row type; the rows were built for this table.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('ngos').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Inserts the demo data set in one transaction. Refuses a database that already has NGOs. */
export async function seedDemoData(db: Db, options: SeedOptions): Promise<SeedSummary> {
  if (Number.isNaN(options.now.getTime())) throw new Error('seedDemoData: `now` is not a valid date');
  const hash = options.staffPasswordHash ?? (await hashPassword(DEMO_STAFF_PASSWORD));
  const { rows, highlights } = buildDataset(options.now, hash);
  await db.transaction().execute(async (trx) => {
    if (!(await isDatabaseEmpty(trx))) throw new Error('seedDemoData: the database already has data; reset it first');
    for (const table of SEEDED_TABLES) await insertRows(trx, table, rows[table]);
  });
  return {
    now: options.now.toISOString(),
    counts: Object.fromEntries(SEEDED_TABLES.map((t) => [t, rows[t].length])) as Record<SeededTable, number>,
    staffUsernames: rows.staff.map((s) => s.username!).sort(),
    highlights,
  };
}

/** Tables the app writes, children before parents, so deleting in this order never breaks a reference. */
const DELETE_ORDER: readonly (keyof Database)[] = [
  'idempotency_keys',
  'sessions',
  'outbox_messages',
  'notifications',
  'wellbeing_actions',
  'wellbeing_flags',
  'caseworker_tasks',
  'contact_attempts',
  'alerts',
  'silence_steps',
  'silence_episodes',
  'ledger_entries',
  'ngo_notices',
  'uploads',
  'letter_photos',
  'letter_events',
  'letters',
  'term_reports',
  'checkins',
  'sponsorships',
  'student_invites',
  'guardian_consents',
  'student_contacts',
  'students',
  'sponsors',
  'ngo_policies',
  'staff',
  'platform_identities',
  'accounts',
  'ngos',
];

/**
 * Deletes every row except the audit log's, which the database keeps append-only. (To start truly
 * from scratch, remove the SQLite file or drop the PostgreSQL schema: `npm run db:seed -- --reset`.)
 */
export async function resetDatabase(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of DELETE_ORDER) await trx.deleteFrom(table).execute();
  });
}
