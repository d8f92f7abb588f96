/**
 * `npm run sweep [-- --now 2026-12-01T00:00:00Z]`
 *
 * Migrates the database (DATABASE_URL for PostgreSQL, else BANXUE_SQLITE_PATH, default
 * data/banxue.sqlite), runs the silence sweep once at `--now` (default: now), prints its report as
 * JSON and exits. Safe next to a running server: every effect of the sweep happens once.
 */
import path from 'node:path';
import { connectDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { runSweep } from '../features/silence/sweep';

const repoRoot = path.resolve(__dirname, '../..');

const USAGE = `Usage: npm run sweep -- [--now <ISO-8601 time>]

  Runs the silence sweep once and prints what it did as JSON.
  --now <time>   the moment the sweep runs at (default: now)

  Database: DATABASE_URL (PostgreSQL) when set, else BANXUE_SQLITE_PATH (default data/banxue.sqlite).`;

class UsageError extends Error {}

function parseNow(argv: string[]): Date | 'help' {
  let now = new Date();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg !== '--now' && !arg.startsWith('--now=')) throw new UsageError(`unknown argument: ${arg}`);
    const value = arg === '--now' ? argv[++i] : arg.slice('--now='.length);
    now = new Date(value ?? '');
    if (!value || Number.isNaN(now.getTime())) throw new UsageError(`--now needs an ISO-8601 time, like 2026-12-01T00:00:00Z (got ${value ?? 'nothing'})`);
  }
  return now;
}

async function main() {
  const now = parseNow(process.argv.slice(2));
  if (now === 'help') {
    console.log(USAGE);
    return;
  }
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const sqlitePath = path.resolve(repoRoot, process.env.BANXUE_SQLITE_PATH || 'data/banxue.sqlite');
  const { db, dialect } = connectDatabase({ databaseUrl, sqlitePath });
  try {
    await migrateToLatest(db);
    const report = await runSweep(db, dialect, now);
    console.log(JSON.stringify({ now: now.toISOString(), ...report }, null, 2));
  } finally {
    await db.destroy();
  }
}

main().catch((error) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(64);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
