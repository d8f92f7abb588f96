/**
 * `npm run db:seed [-- --reset] [-- --now 2026-11-29T03:00:00Z]`
 *
 * Migrates the database (DATABASE_URL for PostgreSQL, else BANXUE_SQLITE_PATH, default
 * data/banxue.sqlite) and fills it with the demo data set when it is empty. `--reset` starts from
 * scratch: it deletes the SQLite file, or drops and recreates the PostgreSQL schema in use.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import { connectDatabase, type Db } from '../db/connect';
import { currentPgSchema, migrateToLatest } from '../db/migrate';
import { DEMO_STAFF_PASSWORD, isDatabaseEmpty, seedDemoData, type SeedSummary } from '../db/seed';
import { databaseFromEnv, isNowArg, readNow, runCli, UsageError } from './cli';

const USAGE = `Usage: npm run db:seed -- [--reset] [--now <ISO-8601 time>]

  Migrates the database and fills it with demo data when it is empty.
  --reset        start from scratch: delete the SQLite file, or drop and recreate the PostgreSQL schema
  --now <time>   the moment the demo data is built around (default: now)

  Database: DATABASE_URL (PostgreSQL) when set, else BANXUE_SQLITE_PATH (default data/banxue.sqlite).`;

interface Args {
  reset: boolean;
  now: Date;
}

function parseArgs(argv: string[]): Args | 'help' {
  const args: Args = { reset: false, now: new Date() };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--reset') args.reset = true;
    else if (isNowArg(arg)) ({ now: args.now, last: i } = readNow(argv, i, '2026-11-29T03:00:00Z'));
    else throw new UsageError(`unknown argument: ${arg}`);
  }
  return args;
}

function removeSqliteFiles(file: string) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

async function resetPostgres(db: Db, schema: string): Promise<void> {
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
  await sql`create schema ${sql.id(schema)}`.execute(db);
  // A fresh `public` gets the usage grant a new database's has.
  if (schema === 'public') await sql`grant usage on schema public to public`.execute(db);
}

function printSummary(summary: SeedSummary) {
  const width = Math.max(...Object.keys(summary.counts).map((t) => t.length));
  console.log(`Seeded demo data around ${summary.now}:`);
  for (const [table, count] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(width)}  ${count}`);
  const h = summary.highlights;
  console.log('\nWorth a look:');
  console.log(`  ${h.sponsorWithTwoStudents}  a sponsor with two students (one has gone quiet; the NGO is on it)`);
  console.log(`  ${h.renewingSponsor}  a sponsor who renewed for high school after a completed term`);
  console.log(`  ${h.silentStudentWithAcknowledgedAlert}  a quiet student whose lost-contact alert a caseworker acknowledged`);
  console.log(`  ${h.silentStudentWithOpenAlert}  a quiet student with an open lost-contact alert`);
  console.log(`  ${h.longestWaitingStudent}  the student waiting longest in the pool`);
  console.log(`  ${h.studentAwaitingConsent}  a new student still waiting for guardian consent`);
}

async function main() {
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed === 'help') {
    console.log(USAGE);
    return;
  }
  if (process.env.BANXUE_MODE === 'production' || process.env.NODE_ENV === 'production') {
    throw new Error('Refusing to seed demo data (with a published staff password) in production mode.');
  }
  const { databaseUrl, sqlitePath } = databaseFromEnv();
  if (parsed.reset && !databaseUrl) removeSqliteFiles(sqlitePath);

  const { db, dialect } = connectDatabase({ databaseUrl, sqlitePath });
  try {
    const where = dialect === 'sqlite' ? `SQLite at ${sqlitePath}` : 'PostgreSQL';
    if (dialect === 'postgres') {
      const schema = await currentPgSchema(db);
      if (parsed.reset) {
        await resetPostgres(db, schema);
        console.log(`Dropped and recreated schema ${schema}.`);
      }
    } else if (parsed.reset) console.log(`Removed ${sqlitePath}.`);
    await migrateToLatest(db);
    if (!parsed.reset && !(await isDatabaseEmpty(db))) {
      console.log(`${where} already has data; left it as it is (use --reset to rebuild it).`);
      return;
    }
    const started = Date.now();
    const summary = await seedDemoData(db, { now: parsed.now });
    console.log(`${where}: done in ${Date.now() - started} ms.\n`);
    printSummary(summary);
    console.log(`\nStaff sign-in, password ${DEMO_STAFF_PASSWORD}: ${summary.staffUsernames.join(', ')}`);
  } finally {
    await db.destroy();
  }
}

runCli(main, USAGE);
