/**
 * `npm run sweep [-- --now 2026-12-01T00:00:00Z]`
 *
 * Migrates the database (DATABASE_URL for PostgreSQL, else BANXUE_SQLITE_PATH, default
 * data/banxue.sqlite), runs the silence sweep once at `--now` (default: now), prints its report as
 * JSON and exits. Safe next to a running server: every effect of the sweep happens once.
 */
import { connectDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { runSweep } from '../features/silence/sweep';
import { databaseFromEnv, isNowArg, readNow, runCli, UsageError } from './cli';

const USAGE = `Usage: npm run sweep -- [--now <ISO-8601 time>]

  Runs the silence sweep once and prints what it did as JSON.
  --now <time>   the moment the sweep runs at (default: now)

  Database: DATABASE_URL (PostgreSQL) when set, else BANXUE_SQLITE_PATH (default data/banxue.sqlite).`;

function parseNow(argv: string[]): Date | 'help' {
  let now = new Date();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (!isNowArg(arg)) throw new UsageError(`unknown argument: ${arg}`);
    ({ now, last: i } = readNow(argv, i, '2026-12-01T00:00:00Z'));
  }
  return now;
}

async function main() {
  const now = parseNow(process.argv.slice(2));
  if (now === 'help') {
    console.log(USAGE);
    return;
  }
  const { db, dialect } = connectDatabase(databaseFromEnv());
  try {
    await migrateToLatest(db);
    const report = await runSweep(db, dialect, now);
    console.log(JSON.stringify({ now: now.toISOString(), ...report }, null, 2));
  } finally {
    await db.destroy();
  }
}

runCli(main, USAGE);
