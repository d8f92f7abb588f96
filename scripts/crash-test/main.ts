/**
 * Crash test: the real server is killed with SIGKILL at random moments while phones keep retrying
 * their writes with Idempotency-Keys, as the app's outbox does. Afterwards every acknowledged write
 * must be in the database exactly once, no key may stay "in progress" for good, and SQLite must pass
 * its integrity and foreign-key checks.
 *
 *   npm run test:crash                                  1000 writes, 5 kills
 *   npm run test:crash -- --writes 300 --kills 3        (CI)
 *   npm run test:crash -- --keep                        keep the temp folder (database, server log)
 *
 * Exits 1 when anything was lost, duplicated, stuck or failed, or a database check fails.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { deliver, type Delivery, type RetryPolicy } from './retrying-client';
import { freePort, ServerProcess } from './server-process';
import { inspectDatabase, tally, type DatabaseFindings, type Tally } from './verify';
import { pickPersonas, signIn, Workload } from './workload';

const USAGE = `Usage: npm run test:crash -- [--writes N] [--kills N] [--concurrency N] [--lease-seconds N] [--keep]

  --writes N          writes to send (default 1000)
  --kills N           times the server is killed with SIGKILL and restarted (default 5)
  --concurrency N     writes in flight at once (default 24)
  --lease-seconds N   BANXUE_IDEMPOTENCY_LEASE_SECONDS for the server (default 3)
  --stuck-seconds N   how long a key may answer "in progress" after a restart before it counts as stuck
                      (default: 5 × the lease, at least 15)
  --max-seconds N     hard limit on the whole run (default 600)
  --keep              keep the temp folder with the database and the server log`;

const root = path.resolve(__dirname, '../..');
/** Both sides of this many sponsorships write. */
const SPONSORSHIPS = 6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function options() {
  const { values } = parseArgs({
    options: {
      writes: { type: 'string', default: '1000' },
      kills: { type: 'string', default: '5' },
      concurrency: { type: 'string', default: '24' },
      'lease-seconds': { type: 'string', default: '3' },
      'stuck-seconds': { type: 'string' },
      'max-seconds': { type: 'string', default: '600' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const number = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min} (got ${value})\n\n${USAGE}`);
    return n;
  };
  const leaseSeconds = number('lease-seconds', values['lease-seconds'], 1);
  return {
    help: values.help,
    writes: number('writes', values.writes, 1),
    kills: number('kills', values.kills, 0),
    concurrency: number('concurrency', values.concurrency, 1),
    leaseSeconds,
    stuckSeconds: values['stuck-seconds'] ? number('stuck-seconds', values['stuck-seconds'], 1) : Math.max(15, 5 * leaseSeconds),
    maxSeconds: number('max-seconds', values['max-seconds'], 10),
    keep: values.keep,
  };
}

/** Sends every write through `concurrency` workers; `settled` counts the writes with a final outcome. */
function runWrites(server: ServerProcess, workload: Workload, concurrency: number, policy: RetryPolicy) {
  const deliveries: Delivery[] = [];
  const total = workload.kinds.length;
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const index = next;
      next += 1;
      deliveries.push(await deliver(server, await workload.write(index), policy));
    }
  };
  const done = Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return { deliveries, done, settled: () => deliveries.length };
}

/** Kills the server once each of `kills` random fractions of the writes have settled, and starts it again. */
async function killAtRandomMoments(server: ServerProcess, kills: number, total: number, settled: () => number, finished: () => boolean) {
  const thresholds = Array.from({ length: kills }, () => Math.floor(total * (0.05 + Math.random() * 0.8))).sort((a, b) => a - b);
  let done = 0;
  let settledAtRestart = -1;
  for (const threshold of thresholds) {
    // Each kill lands on a server that has answered since its restart, with writes in flight.
    while ((settled() < threshold || settled() <= settledAtRestart) && !finished()) await sleep(20);
    if (finished()) break;
    await sleep(Math.random() * 300);
    await server.kill();
    done += 1;
    console.log(`  kill -9 #${done} after ${settled()} of ${total} writes settled; restarting`);
    await sleep(Math.random() * 1000);
    await server.start();
    settledAtRestart = settled();
  }
  return done;
}

function printReport(t: Tally, findings: DatabaseFindings, kills: number, seconds: number) {
  const rows: [string, number | string][] = [
    ['writes sent', `${t.sent} (${Object.entries(t.byKind).map(([kind, n]) => `${n} ${kind}`).join(', ')})`],
    ['attempts (with retries)', t.attempts],
    ['acknowledged', t.acknowledged],
    ['  of which replayed', t.acknowledgedByReplay],
    ['  of which 409 IDEMPOTENCY_COMMITTED', t.acknowledgedAsCommitted],
    ['lost (acknowledged, not in the database)', t.lost],
    ['duplicated (one key, several rows)', t.duplicated],
    ['stuck keys (409 in progress after restart)', t.stuck],
    ['  of which saved all the same', t.stuckButSaved],
    ['other failures', t.failed + t.unfinished],
    ['server kills', kills],
    ['idempotency keys left, by state', JSON.stringify(findings.keyStates)],
    ['PRAGMA integrity_check', findings.integrity.join('; ')],
    ['PRAGMA foreign_key_check violations', findings.foreignKeyViolations],
    ['seconds', seconds.toFixed(1)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log('\nCrash test result');
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  for (const failure of t.failures.slice(0, 20)) console.log(`  ! ${failure}`);
  if (t.failures.length > 20) console.log(`  ! … and ${t.failures.length - 20} more`);
}

async function main() {
  const opts = options();
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  const started = Date.now();
  const runId = randomBytes(4).toString('hex');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-crash-'));
  const dbFile = path.join(dir, 'crash.sqlite');
  const server = new ServerProcess({
    root,
    port: await freePort(),
    logFile: path.join(dir, 'server.log'),
    env: {
      BANXUE_MODE: 'local',
      BANXUE_SQLITE_PATH: dbFile,
      BANXUE_FILES_DIR: path.join(dir, 'files'),
      BANXUE_H5_DIR: path.join(dir, 'no-h5-build'),
      BANXUE_DEMO_LOGIN: 'true',
      BANXUE_SEED_ON_START: 'true',
      // The scheduled sweep and message outbox run too, so a kill can land in their transactions as well.
      BANXUE_JOBS: 'true',
      BANXUE_IDEMPOTENCY_LEASE_SECONDS: String(opts.leaseSeconds),
      LOG_LEVEL: 'warn',
    },
  });
  console.log(`Crash test ${runId}: ${opts.writes} writes, ${opts.kills} kills, ${opts.concurrency} in flight, lease ${opts.leaseSeconds} s, in ${dir}`);

  let passed = false;
  try {
    await server.start();
    const personas = await Promise.all(pickPersonas(dbFile, SPONSORSHIPS).map((p) => signIn(server.baseUrl, p)));
    const workload = new Workload(personas, opts.writes, runId, () => server.baseUrl);
    console.log(`  ${personas.length} students and sponsors signed in`);

    const policy: RetryPolicy = {
      baseDelayMs: 100,
      maxDelayMs: 2000,
      requestTimeoutMs: 15_000,
      stuckAfterMs: opts.stuckSeconds * 1000,
      hardDeadline: started + opts.maxSeconds * 1000,
    };
    const run = runWrites(server, workload, opts.concurrency, policy);
    let finished = false;
    void run.done.then(() => (finished = true));
    // A server that dies by itself will not come back: stop retrying rather than wait for the hard limit.
    const watchdog = setInterval(() => {
      if (server.exitedUnexpectedly) policy.hardDeadline = 0;
    }, 200);
    const kills = await killAtRandomMoments(server, opts.kills, opts.writes, run.settled, () => finished);
    await run.done;
    clearInterval(watchdog);
    await server.stop();

    const findings = inspectDatabase(dbFile, runId, run.deliveries);
    const t = tally(run.deliveries, findings);
    printReport(t, findings, kills, (Date.now() - started) / 1000);
    passed =
      t.lost + t.duplicated + t.stuck + t.failed + t.unfinished === 0 &&
      findings.integrity.join() === 'ok' &&
      findings.foreignKeyViolations === 0 &&
      kills === opts.kills &&
      !server.exitedUnexpectedly;
    if (server.exitedUnexpectedly) console.log(`  ! the server exited by itself; see ${path.join(dir, 'server.log')}`);
    if (kills !== opts.kills) console.log(`  ! only ${kills} of ${opts.kills} kills happened before the writes finished`);
  } finally {
    await server.stop();
    if (passed && !opts.keep) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`\nDatabase and server log kept in ${dir}`);
  }
  console.log(passed ? '\nPASS' : '\nFAIL');
  process.exitCode = passed ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  // Writers may still be retrying against a server that is gone: do not wait for them.
  process.exit(1);
});
