/**
 * Several server instances on one PostgreSQL database, killed at random, while their clock runs over
 * 40 days. Three real server processes (`node --import tsx server/main.ts`) run the silence sweep and
 * the platform-message outbox every second, read the time from a file this script moves forward in
 * steps, and send to a local fake WeChat/Alipay that records every message. Every few seconds one of
 * them gets `kill -9` and is started again. The same population then goes through the same clock
 * steps in one process with no kills (the reference), and the two runs must agree on every ladder
 * step, alert, escalation, task, notice, outbox row and platform message — none missed, none twice.
 * The one allowed difference: a push whose send a kill cut short is given up (sent at most once), so
 * it may never reach the platform; those are listed, not counted as missed.
 *
 *   DATABASE_URL=postgres://… npm run test:instances
 *   DATABASE_URL=postgres://… npm run test:instances -- --days 10 --students 120      (CI)
 *
 * Each run works in two databases of its own, created next to DATABASE_URL's and dropped afterwards.
 * Exits 1 on any missed or duplicated effect, a step that never settles, or messages left unsent.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { connectDatabase, type Db } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { DEMO_STAFF_PASSWORD } from '../../server/db/seed';
import { hashPassword } from '../../server/features/auth/password';
import { startFakePlatforms } from '../../server/test/fake-platforms';
import { beyond, collectFacts, compareRuns, duplicatesWithin, type Facts, type KindComparison, type RunRecord } from './facts';
import { ClockFile, Cluster } from './instances';
import { populate, templateEnv } from './population';
import { instancesRun, referenceRun, type InstancesRunResult } from './runs';

const USAGE = `Usage: DATABASE_URL=postgres://… npm run test:instances -- [options]

  --instances N        server processes (default 3)
  --days N             days the clock runs over (default 40)
  --step-hours N       hours per clock step (default 6)
  --students N         students in the test's own cohort, besides the ~60 of the demo data (default 400)
  --kill-every S       mean seconds between kills, each of a random instance (default 3; 0: no kills)
  --start ISO          the first clock step (default 2026-06-01T16:00:00Z: midnight in Shanghai, before gaokao results)
  --seed N             the population's random seed (default 1)
  --step-timeout S     seconds a step may take to settle before the run counts as stalled (default 90)
  --keep               keep the two databases and the instances' logs`;

const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Past the outbox's 5-minute claim and the WeChat token's 30-second lease: whatever a killed process held is free again. */
const SETTLING_MS = 6 * 60_000;
const root = path.resolve(__dirname, '../..');

function options() {
  const { values } = parseArgs({
    options: {
      instances: { type: 'string', default: '3' },
      days: { type: 'string', default: '40' },
      'step-hours': { type: 'string', default: '6' },
      students: { type: 'string', default: '400' },
      'kill-every': { type: 'string', default: '3' },
      start: { type: 'string', default: '2026-06-01T16:00:00.000Z' },
      seed: { type: 'string', default: '1' },
      'step-timeout': { type: 'string', default: '90' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const number = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min} (got ${value})\n\n${USAGE}`);
    return n;
  };
  const start = new Date(values.start);
  if (Number.isNaN(start.getTime())) throw new Error(`--start must be an ISO-8601 time (got ${values.start})\n\n${USAGE}`);
  return {
    help: values.help,
    instances: number('instances', values.instances, 1),
    days: number('days', values.days, 1),
    stepHours: number('step-hours', values['step-hours'], 0.5),
    students: number('students', values.students, 0),
    killEverySeconds: number('kill-every', values['kill-every'], 0),
    start,
    seed: number('seed', values.seed, 0),
    stepTimeoutSeconds: number('step-timeout', values['step-timeout'], 5),
    keep: values.keep,
  };
}

/** Two databases next to DATABASE_URL's, made and dropped with one admin connection. */
async function databases(adminUrl: string, names: string[]) {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of names) await admin.query(`create database "${name}"`);
  /** The database's URL, naming who connects (pg_stat_activity's application_name). */
  const urlOf = (name: string, who: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    url.searchParams.set('application_name', who);
    return url.toString();
  };
  return {
    urlOf,
    async drop() {
      // A closed pool ends its connections without waiting for them: let them go before dropping, or
      // the drop's termination reaches a client still closing, as an error nobody listens to.
      const connected = async () =>
        (await admin.query<{ who: string; datname: string }>('select application_name as who, datname from pg_stat_activity where datname = any($1)', [names])).rows;
      for (let waited = 0; waited < 10_000 && (await connected()).length > 0; waited += 100) await sleep(100);
      const left = await connected();
      if (left.length) console.log(`  ! still connected at the end: ${left.map((r) => `${r.who} to ${r.datname}`).join(', ')}`);
      for (const name of names) await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
    end: () => admin.end(),
  };
}

function serverEnv(dir: string, databaseUrl: string, platforms: Awaited<ReturnType<typeof startFakePlatforms>>): Record<string, string> {
  return {
    BANXUE_MODE: 'local',
    DATABASE_URL: databaseUrl,
    BANXUE_SEED_ON_START: 'false',
    BANXUE_DEMO_LOGIN: 'false',
    BANXUE_H5_DIR: path.join(dir, 'no-h5-build'),
    BANXUE_FILES_DIR: path.join(dir, 'files'),
    BANXUE_FILE_URL_SECRET: randomBytes(32).toString('hex'),
    ...platforms.env,
    // Long enough that a busy machine never turns a message the fake took into a retry.
    PLATFORM_TIMEOUT_MS: '15000',
    WECHAT_SUBSCRIBE_TEMPLATES: templateEnv('wechat_subscribe'),
    ALIPAY_TEMPLATES: templateEnv('alipay_template'),
  };
}

function printTable(rows: (string | number)[][]) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const row of rows) console.log(`  ${row.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ')}`);
}

function printSome(title: string, lines: string[], limit = 8) {
  if (lines.length === 0) return;
  console.log(`\n  ${title} (${lines.length}):`);
  const cut = (text: string) => (text.length > 240 ? `${text.slice(0, 240)}…` : text);
  for (const line of lines.slice(0, limit)) console.log(`    ${line.split('\n').map(cut).join('\n')}`);
  if (lines.length > limit) console.log(`    … and ${lines.length - limit} more`);
}

/** A notice sent twice at one instant; for a check-in reminder, the ladder steps of that student performed at that instant. */
function stepsBehind(notice: string, facts: Facts): string {
  if (!notice.includes(' checkin_reminder ')) return notice;
  const at = /at=(\S+)/.exec(notice)?.[1];
  const student = /"studentId":"([^"]+)"/.exec(notice)?.[1];
  const steps = facts['ladder steps'].filter((l) => l.startsWith(`${student} `) && l.includes(` at=${at}`)).map((l) => l.split(' ')[1]);
  return `${student}: a check-in reminder for each of ${steps.join(' and ')}, performed in one sweep at ${at}`;
}

/** Where the first copy of a message the instances sent twice came, among the kills. */
function placeAmongKills(message: string, received: string[], run: InstancesRunResult): string {
  const first = received.indexOf(message);
  const kill = run.killLog.findIndex((k) => k.messagesReceived > first);
  const where = kill < 0 ? 'after the last kill' : `kill #${kill + 1} (instance ${run.killLog[kill].instance}) came when ${run.killLog[kill].messagesReceived} messages had arrived`;
  return `first copy was message #${first + 1}; ${where}`;
}

async function main() {
  const opts = options();
  if (opts.help) return console.log(USAGE);
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl?.startsWith('postgres')) throw new Error(`DATABASE_URL must name a PostgreSQL server to make the test's databases on.\n\n${USAGE}`);

  const stepMs = opts.stepHours * HOUR;
  const stepCount = Math.floor((opts.days * 24 * HOUR) / stepMs);
  const points = Array.from({ length: stepCount + 1 }, (_, k) => new Date(opts.start.getTime() + k * stepMs));
  points.push(new Date(points[points.length - 1].getTime() + SETTLING_MS));

  const killing = opts.instances > 1 && opts.killEverySeconds > 0;
  const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-instances-'));
  const names = { reference: `banxue_instances_${runId}_reference`, instances: `banxue_instances_${runId}_instances` };
  const dbs = await databases(adminUrl, Object.values(names));
  const platforms = { reference: await startFakePlatforms(), instances: await startFakePlatforms() };
  // The platform has taken the message and answers a moment later: a kill in that moment leaves it recorded as unsent.
  platforms.instances.setSendAnswerDelay(() => 20 + Math.random() * 130);
  const connections: Db[] = [];
  let cluster: Cluster | undefined;
  let passed = false;
  const started = Date.now();
  try {
    console.log(
      `Instances test ${runId}: ${opts.instances} instances, ${opts.days} days in ${stepCount} steps of ${opts.stepHours} h, ` +
        `${opts.students} cohort students + the demo data, ${killing ? `a kill every ~${opts.killEverySeconds} s` : 'no kills'}; logs in ${dir}`,
    );
    const staffPasswordHash = await hashPassword(DEMO_STAFF_PASSWORD);
    const seeded: Record<string, Db> = {};
    for (const [run, name] of Object.entries(names)) {
      const { db } = connectDatabase({ databaseUrl: dbs.urlOf(name, `test-${run}`), sqlitePath: '' });
      connections.push(db);
      await migrateToLatest(db);
      const given = await populate(db, { start: opts.start, students: opts.students, seed: opts.seed, staffPasswordHash });
      if (run === 'reference') console.log(`  population: ${given.identities} platform identities, ${given.grants} grants`);
      seeded[run] = db;
    }

    const referenceStarted = Date.now();
    await referenceRun(serverEnv(dir, dbs.urlOf(names.reference, 'reference-app'), platforms.reference), points);
    const referenceSeconds = (Date.now() - referenceStarted) / 1000;
    console.log(`  reference (one process, no kills): ${referenceSeconds.toFixed(1)} s`);

    const clock = new ClockFile(path.join(dir, 'clock'));
    cluster = new Cluster({
      root,
      size: opts.instances,
      logDir: dir,
      env: {
        ...serverEnv(dir, dbs.urlOf(names.instances, 'instance'), platforms.instances),
        BANXUE_JOBS: 'true',
        BANXUE_JOB_INTERVAL_SECONDS: '1',
        BANXUE_CLOCK_FILE: clock.file,
        LOG_LEVEL: 'debug',
      },
    });
    const received = () => platforms.instances.subscribeSends.length + platforms.instances.alipayTemplateSends.length;
    const instancesStarted = Date.now();
    const run = await instancesRun({
      cluster,
      clock,
      db: seeded.instances,
      points,
      killEverySeconds: killing ? opts.killEverySeconds : 0,
      stepTimeoutSeconds: opts.stepTimeoutSeconds,
      messagesReceived: received,
      onStep: (k) => {
        if (k > 0 && k % Math.max(1, Math.round(stepCount / 8)) === 0) console.log(`  day ${((k * stepMs) / (24 * HOUR)).toFixed(1)}: ${cluster!.kills} kills so far`);
      },
    });
    const instancesSeconds = (Date.now() - instancesStarted) / 1000;
    await cluster.stopAll();

    const reference = await collectFacts(seeded.reference, platforms.reference, opts.start);
    const instances = await collectFacts(seeded.instances, platforms.instances, opts.start);
    const dupReference = duplicatesWithin(reference);
    const dupInstances = duplicatesWithin(instances);
    // A send a kill cut short is given up, not repeated (the platform may have it): whether it arrived shows in the platform messages.
    const outcome = (o: RunRecord['outbox'][number]) => `${o.line} → ${o.outcome}`;
    const endedOtherwise = new Set(beyond(instances.outbox.map(outcome), reference.outbox.map(outcome)));
    const interrupted = instances.outbox.filter((o) => o.outcome === 'failed send_interrupted' && endedOtherwise.has(outcome(o)));
    const unexpectedOutcomes = instances.outbox.filter((o) => o.outcome !== 'failed send_interrupted' && endedOtherwise.has(outcome(o))).map(outcome);
    const arrived = new Set(instances.facts['platform messages']);
    const interruptedLost = interrupted.filter((o) => !arrived.has(o.message));
    // Sending at most once across a crash means such a push may never arrive (docs/RELIABILITY.md): reported, not a miss.
    const givenUp = new Set(interruptedLost.map((o) => o.message));
    const comparison = compareRuns(reference.facts, instances.facts).map((c) =>
      c.kind === 'platform messages' ? { ...c, missed: c.missed.filter((message) => !givenUp.has(message)) } : c,
    );

    console.log(`\nResult`);
    printTable([
      ['instances', opts.instances],
      ['kills (kill -9, then restart)', cluster.kills],
      ['server starts', cluster.starts],
      ['seconds to start (mean, max)', `${(cluster.startupMs.reduce((a, b) => a + b, 0) / Math.max(1, cluster.startupMs.length) / 1000).toFixed(1)}, ${(Math.max(0, ...cluster.startupMs) / 1000).toFixed(1)}`],
      ['days', opts.days],
      ['clock steps settled', `${run.stepsDone} of ${points.length} (${stepCount + 1} of ${opts.stepHours} h + 1 settling)`],
      ['seconds: reference run', referenceSeconds.toFixed(1)],
      ['seconds: run with instances', instancesSeconds.toFixed(1)],
      ['steps that left messages a kill stranded', run.strandedSteps],
      ['sends cut short by a kill, given up', `${interrupted.length} (reached the fake anyway: ${interrupted.length - interruptedLost.length}, never: ${interruptedLost.length})`],
      ['job errors logged by instances', cluster.jobErrors.length],
    ]);
    console.log('');
    const dupOf = (d: Record<string, string[]>, kind: string) => (kind in d ? d[kind].length : '');
    printTable([
      ['kind', 'reference', 'instances', 'missed', 'extra', 'twice (ref)', 'twice (inst)'],
      ...comparison.map((c: KindComparison) => [c.kind, c.reference, c.instances, c.missed.length, c.extra.length, dupOf(dupReference, c.kind), dupOf(dupInstances, c.kind)]),
    ]);

    if (run.stalledAt) {
      console.log(`\n  ! the clock step ${run.stalledAt.toISOString()} never settled within ${opts.stepTimeoutSeconds} s (swept up to ${new Date(cluster.sweptUpTo).toISOString()})`);
      printSome('connections to the database then', run.stalledConnections, 40);
    }
    for (const c of comparison) {
      printSome(`${c.kind} missed by the instances`, c.missed);
      printSome(`${c.kind} beyond the reference`, c.extra);
    }
    printSome('in-app notices twice at one instant in the reference run', dupReference['in-app notices'].map((n) => stepsBehind(n, reference.facts)));
    printSome('outbox rows twice at one instant in the reference run', dupReference['outbox rows']);
    printSome('platform messages received twice for one clock step in the reference run', dupReference['platform messages']);
    printSome(
      'platform messages the instances sent once more than the reference (after a kill)',
      beyond(dupInstances['platform messages'], dupReference['platform messages']).map((m) => `${m}\n      ${placeAmongKills(m, instances.facts['platform messages'], run)}`),
    );
    printSome('outbox rows that ended otherwise than in the reference', unexpectedOutcomes);
    printSome(
      'sends cut short by a kill and given up before reaching the platform: a push the recipient never got (the in-app notice stands)',
      interruptedLost.map((o) => `${o.message} (queued at ${o.at})`),
    );
    printSome('job errors', cluster.jobErrors.map((e) => `instance ${e.instance}: ${e.message}`));
    if (killing && cluster.kills === 0) console.log('\n  ! no instance was ever up long enough to be killed');

    const problems =
      unexpectedOutcomes.length +
      comparison.reduce((n, c) => n + c.missed.length + c.extra.length, 0) +
      Object.values(dupReference).reduce((n, d) => n + d.length, 0) +
      Object.values(dupInstances).reduce((n, d) => n + d.length, 0);
    passed = problems === 0 && run.stalledAt === null && run.drained && (!killing || cluster.kills > 0);
  } finally {
    await cluster?.stopAll();
    await Promise.all(connections.map((db) => db.destroy()));
    await platforms.reference.close();
    await platforms.instances.close();
    if (opts.keep) {
      await dbs.end();
      console.log(`\nKept: databases ${Object.values(names).join(', ')}; instance logs in ${dir}`);
    } else {
      await dbs.drop();
      if (passed) fs.rmSync(dir, { recursive: true, force: true });
      else console.log(`\nInstance logs kept in ${dir}`);
    }
  }
  console.log(`\n${passed ? 'PASS' : 'FAIL'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exitCode = passed ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
