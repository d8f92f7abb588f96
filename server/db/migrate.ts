import { Migrator, PostgresAdapter, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connect';
import * as initial from './migrations/001-initial';
import * as letters from './migrations/002-letters';
import * as pool from './migrations/003-pool';
import * as ledgerTimeline from './migrations/004-ledger-timeline';
import * as studentSide from './migrations/005-student-side';
import * as care from './migrations/006-care';
import * as sweep from './migrations/007-sweep';
import * as wellbeing from './migrations/008-wellbeing';
import * as hardening from './migrations/009-hardening';
import * as sponsorRights from './migrations/010-sponsor-rights';
import * as studentRights from './migrations/011-student-rights';
import * as termCodes from './migrations/012-term-codes';
import * as ngoPaymentDetails from './migrations/013-ngo-payment-details';
import * as payments from './migrations/014-payments';
import * as pageVersions from './migrations/015-page-versions';

// Migrations are listed explicitly so they bundle and run the same under tsx, Jest and any runner.
const migrations = {
  '001-initial': initial,
  '002-letters': letters,
  '003-pool': pool,
  '004-ledger-timeline': ledgerTimeline,
  '005-student-side': studentSide,
  '006-care': care,
  '007-sweep': sweep,
  '008-wellbeing': wellbeing,
  '009-hardening': hardening,
  '010-sponsor-rights': sponsorRights,
  '011-student-rights': studentRights,
  '012-term-codes': termCodes,
  '013-ngo-payment-details': ngoPaymentDetails,
  '014-payments': payments,
  '015-page-versions': pageVersions,
} satisfies Record<string, Migration>;

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * The schema a PostgreSQL connection works in. Kysely's migrator looks for its bookkeeping tables in
 * every schema unless told which one, so it must be named when other schemas share the database.
 */
export async function currentPgSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string | null; path: string }>`select current_schema() as schema, current_setting('search_path') as path`.execute(db);
  const named = rows[0].path
    .split(',')
    .map((s) => s.trim().replace(/^"|"$/g, ''))
    .find((s) => s && s !== '$user');
  return rows[0].schema ?? named ?? 'public';
}

/**
 * Applies every pending migration (or those up to and including `target`), on SQLite or in the
 * connection's PostgreSQL schema.
 */
export async function migrateToLatest(db: Db, target?: keyof typeof migrations): Promise<string[]> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const migrationTableSchema = isPostgres ? await currentPgSchema(db) : undefined;
  const migrator = new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
