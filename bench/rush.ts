/**
 * Giving Day rush: many sponsors arriving together after a campaign post, each browsing the pool,
 * reserving a student (another one when told STUDENT_TAKEN) and confirming, against real server
 * processes; then the invariants, checked in SQL.
 *
 *   DATABASE_URL=postgres://… npm run bench:rush                       both targets, 1,000 sponsors, 100 students, 10 s
 *   npm run bench:rush -- --sponsors 200 --students 30 --seconds 3    the same checks, quicker (CI)
 *   npm run bench:rush -- --target sqlite                              one target only (postgres | sqlite)
 *   npm run bench:rush -- --keep-logs                                  keep the instances' logs, with each request's time (LOG_LEVEL=info)
 *
 * Target A: PostgreSQL (a database of its own next to DATABASE_URL's, dropped afterwards), three
 * instances. Target B: SQLite (a temporary file), one instance. Both keep files in one S3 bucket served
 * by s3rver. Each student's photo is uploaded through instance i mod n; sponsors read photos from
 * another instance than the one that stored them. Exits 1 on any invariant violation, failed photo
 * read or unexpected answer.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { Cluster } from '../scripts/instances-test/instances';
import { connectDatabase, type Db } from '../server/db/connect';
import { migrateToLatest } from '../server/db/migrate';
import { percentile, RoundRobinClient, type CallKind } from './rush/client';
import { checkInvariants } from './rush/invariants';
import { uploadStudentPhotos } from './rush/photos';
import { populate } from './rush/population';
import { startLocalS3Process } from './rush/s3-process';
import { runRush, warmUp, type RushTally } from './rush/sponsors';

const GOAL_P99_MS = 200;
const ROOT = path.resolve(__dirname, '..');

const { values: args } = parseArgs({
  options: {
    sponsors: { type: 'string', default: '1000' },
    students: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    target: { type: 'string' },
    'keep-logs': { type: 'boolean', default: false },
  },
});
const SPONSORS = Number(args.sponsors);
const STUDENTS = Number(args.students);
const SECONDS = Number(args.seconds);

// Read once and taken out of the environment: the instances of the SQLite target must not see it.
const adminUrl = process.env.DATABASE_URL;
delete process.env.DATABASE_URL;

interface Target {
  name: string;
  instances: number;
  /** The database for this run, and how the instances reach it; `drop` removes it. */
  open(dir: string): Promise<{ db: Db; env: Record<string, string>; drop(): Promise<void> }>;
}

async function postgresDatabase(dir: string) {
  const name = `rush_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  const { db } = connectDatabase({ databaseUrl: url.toString(), sqlitePath: path.join(dir, 'unused') });
  return {
    db,
    env: { DATABASE_URL: url.toString() },
    async drop() {
      await db.destroy();
      // A closed pool ends its connections without waiting for them: dropping before they are gone
      // would terminate a client still closing, an error nobody listens to.
      const connected = async () => (await admin.query('select 1 from pg_stat_activity where datname = $1', [name])).rowCount ?? 0;
      for (let waited = 0; waited < 10_000 && (await connected()) > 0; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

async function sqliteDatabase(dir: string) {
  const file = path.join(dir, 'rush.sqlite');
  const { db } = connectDatabase({ sqlitePath: file });
  return { db, env: { BANXUE_SQLITE_PATH: file }, drop: () => db.destroy() };
}

const TARGETS: Record<string, Target> = {
  postgres: { name: 'A — PostgreSQL, 3 instances', instances: 3, open: postgresDatabase },
  sqlite: { name: 'B — SQLite, 1 instance', instances: 1, open: sqliteDatabase },
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (n: number, ms: number) => (ms > 0 ? (n / (ms / 1000)).toFixed(0) : '–');

function printLatencies(client: RoundRobinClient) {
  console.log('  call            count   p50 ms   p99 ms   max ms');
  for (const kind of ['pool', 'pool student', 'reserve', 'confirm', 'photo'] as CallKind[]) {
    const samples = client.latencies.get(kind) ?? [];
    const f = (v: number) => v.toFixed(1).padStart(8);
    console.log(`  ${kind.padEnd(14)} ${String(samples.length).padStart(6)} ${f(percentile(samples, 0.5))} ${f(percentile(samples, 0.99))} ${f(Math.max(...samples))}`);
  }
}

/** Prints what the rush did; returns the problems that fail the run. */
function report(client: RoundRobinClient, tally: RushTally, instances: number): string[] {
  const problems: string[] = [];
  const reserveCalls = client.latencies.get('reserve')?.length ?? 0;
  const lastReserved = Math.max(0, ...tally.reservedAt);
  const lastConfirmed = Math.max(0, ...tally.confirmedAt);
  console.log(
    `  rush: ${SPONSORS} sponsors arriving over ${SECONDS} s; the last finished at ${seconds(tally.finishedAt)}; ` +
      `the bench's own event loop ran late by ${tally.clientLoopDelayP99.toFixed(0)} ms at p99`,
  );
  console.log(`  reservations: ${tally.reservedAt.length} by ${seconds(lastReserved)} → ${perSecond(tally.reservedAt.length, lastReserved)}/s (reserve calls: ${reserveCalls})`);
  console.log(`  confirmations: ${tally.confirmedAt.length} by ${seconds(lastConfirmed)} → ${perSecond(tally.confirmedAt.length, lastConfirmed)}/s`);
  printLatencies(client);
  const expected = Math.min(STUDENTS, SPONSORS);
  console.log(
    `  sponsors with a student: ${tally.got} (expected ${expected}); left an empty pool: ${tally.leftEmpty}; gave up after retries: ${tally.gaveUp}; ` +
      `STUDENT_TAKEN answers: ${tally.studentTaken}; cards already taken: ${tally.cardTaken}`,
  );
  if (tally.got !== expected) problems.push(`${tally.got} sponsors got a student, expected ${expected}`);
  const unexpected = [...client.failures].filter(([label]) => label !== 'reserve 409 STUDENT_TAKEN');
  console.log(`  other non-2xx: ${unexpected.length ? unexpected.map(([label, n]) => `${label} ×${n}`).join(', ') : '0'}`);
  if (unexpected.length || tally.broken) problems.push(`unexpected answers: ${unexpected.map(([l, n]) => `${l} ×${n}`).join(', ')}`);
  const where = instances > 1 ? `${tally.photosCrossInstance} from another instance than the one that stored them` : 'one instance: all from the one that stored them';
  console.log(`  photo reads: ${tally.photosOk} ok, ${tally.photosFailed} failed (${where})`);
  if (tally.photosFailed > 0) problems.push(`${tally.photosFailed} photo reads failed`);
  if (instances > 1 && tally.photosCrossInstance === 0) problems.push('no photo was read across instances');
  return problems;
}

async function runTarget(key: string, target: Target): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `banxue-rush-${key}-`));
  console.log(`\nTarget ${target.name}, files in one S3 bucket (s3rver)${args['keep-logs'] ? `; logs in ${dir}` : ''}`);
  const s3 = await startLocalS3Process();
  const database = await target.open(dir);
  let cluster: Cluster | undefined;
  try {
    let started = performance.now();
    await migrateToLatest(database.db);
    const population = await populate(database.db, { students: STUDENTS, sponsors: SPONSORS, now: new Date() });
    console.log(`  population: ${STUDENTS} students waiting, ${SPONSORS} signed-in sponsors, seeded in ${seconds(performance.now() - started)}`);

    cluster = new Cluster({
      root: ROOT,
      size: target.instances,
      logDir: dir,
      env: {
        ...database.env,
        ...s3.env,
        BANXUE_MODE: 'local',
        BANXUE_SEED_ON_START: 'false',
        BANXUE_DEMO_LOGIN: 'false',
        BANXUE_H5_DIR: path.join(dir, 'no-h5-build'),
        BANXUE_FILES_DIR: path.join(dir, 'files'),
        BANXUE_FILE_URL_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: args['keep-logs'] ? 'info' : 'warn',
      },
      // One instance keeps the scheduled jobs, as a deployment would.
      envOf: (index) => ({ BANXUE_JOBS: index === 0 ? 'true' : 'false' }),
    });
    await cluster.startAll();
    const origins = cluster.instances.map((i) => `http://127.0.0.1:${i.port}`);

    started = performance.now();
    const setup = new RoundRobinClient(origins);
    const photos = await uploadStudentPhotos(setup, database.db, population.adminToken, population.studentIds);
    console.log(`  photos: ${photos.size} uploaded through the instances in turn in ${seconds(performance.now() - started)}`);

    await warmUp(setup, population.observerToken, population.studentIds);
    await setup.close();

    const client = new RoundRobinClient(origins);
    const tally = await runRush(client, population.sponsorTokens, photos, SECONDS);
    const problems = report(client, tally, target.instances);

    const check = new RoundRobinClient(origins);
    const invariants = await checkInvariants(database.db, check, population.observerToken, tally.got);
    await Promise.all([client.close(), check.close()]);
    console.log('  invariants (after the rush):');
    for (const inv of invariants) {
      console.log(`    ${inv.violations === 0 ? 'ok  ' : 'FAIL'} ${inv.name}: ${inv.violations}${inv.examples.length ? ` (${inv.examples.join(', ')})` : ''}`);
      if (inv.violations > 0) problems.push(`${inv.name}: ${inv.violations}`);
    }
    if (cluster.jobErrors.length) problems.push(`errors logged by the instances: ${cluster.jobErrors.map((e) => `#${e.instance} ${e.message}`).join('; ')}`);
    for (const kind of ['reserve', 'confirm'] as CallKind[]) {
      const p99 = percentile(client.latencies.get(kind) ?? [], 0.99);
      console.log(`  goal: ${kind} p99 ${p99.toFixed(1)} ms ${p99 < GOAL_P99_MS ? '<' : '≥'} ${GOAL_P99_MS} ms${p99 < GOAL_P99_MS ? '' : '  (over the goal)'}`);
    }
    return problems;
  } finally {
    await cluster?.stopAll();
    await database.drop();
    await s3.close();
    if (!args['keep-logs']) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const keys = args.target ? [args.target] : Object.keys(TARGETS);
  if (keys.some((k) => !TARGETS[k])) throw new Error(`--target must be one of ${Object.keys(TARGETS).join(', ')}`);
  const load = os.loadavg().map((n) => n.toFixed(2)).join(' ');
  console.log(`Giving Day rush: ${SPONSORS} sponsors, ${STUDENTS} students, ${SECONDS} s; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${load}, ${new Date().toISOString()}`);
  const problems: string[] = [];
  for (const key of keys) {
    if (key === 'postgres' && !adminUrl?.startsWith('postgres')) {
      console.log(`\nTarget ${TARGETS.postgres.name}: skipped (set DATABASE_URL to a PostgreSQL server to run it)`);
      continue;
    }
    problems.push(...(await runTarget(key, TARGETS[key])).map((p) => `${key}: ${p}`));
  }
  if (problems.length) {
    console.log(`\nFAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log('\nNo violations.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
