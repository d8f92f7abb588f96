import { Writable } from 'node:stream';
import { sql, type RawBuilder } from 'kysely';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { Db } from '../../server/db/connect';
import { sendDueMessages } from '../../server/features/messaging/sender';
import { runSweep } from '../../server/features/silence/sweep';
import { fixedClock } from '../../server/lib/clock';
import type { ClockFile, Cluster } from './instances';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The reference: one process, no kills, nothing scheduled. At each clock step one sweep, then the
 * outbox until it has nothing left to send — what the instances must also have done, no more, no less.
 */
export async function referenceRun(env: Record<string, string>, points: readonly Date[]): Promise<void> {
  const clock = fixedClock(points[0]);
  const app = await buildApp({ config: loadConfig({ ...env, BANXUE_JOBS: 'false' }), clock, logStream: new Writable({ write: (_chunk, _encoding, done) => done() }) });
  try {
    for (const now of points) {
      clock.set(now);
      await runSweep(app.db, app.dialect, now);
      for (;;) {
        const sent = await sendDueMessages(app, now);
        if (sent.sent + sent.retried + sent.refused + sent.failed === 0) break;
      }
    }
  } finally {
    await app.close();
  }
}

const count = async (db: Db, query: RawBuilder<{ n: string | number }>) => Number((await query.execute(db)).rows[0].n);

/** Students the ladder has work for at `now`: none once some sweep at `now` has committed all of it. */
const ladderDue = (db: Db, now: Date) => count(db, sql`select count(*) as n from students where ladder_next_at <= ${now.toISOString()}`);
/** The platform messages due at `now` and not sent or given up yet, with their claims: empty once the outbox has caught up. */
async function outboxBacklog(db: Db, now: Date): Promise<string> {
  const { rows } = await sql<{ id: string; locked_until: string | null }>`
    select id, locked_until from outbox_messages where status = 'pending' and next_attempt_at <= ${now.toISOString()} order by id`.execute(db);
  return rows.map((r) => `${r.id}@${r.locked_until ?? '-'}`).join(' ');
}

/**
 * How long an outbox backlog may stand still before it counts as stranded: claimed by a process that
 * was killed (free again 5 minutes of clock time later, so at the next step), or waiting for the
 * WeChat token lease a killed process held. A live instance settles a message every fraction of a second.
 */
const STRANDED_AFTER_MS = 3000;

/** What each connection to the database is doing, for a step that never settles. */
export async function connectionsNow(db: Db): Promise<string[]> {
  const { rows } = await sql<{ pid: number; state: string | null; wait: string | null; blocked_by: number[]; seconds: string | null; query: string | null }>`
    select pid, state, wait_event_type || ':' || wait_event as wait, pg_blocking_pids(pid) as blocked_by,
      extract(epoch from now() - xact_start)::int as seconds, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query
    from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() order by xact_start nulls last`.execute(db);
  return rows.map((r) => `pid ${r.pid} ${r.state ?? '?'} wait=${r.wait ?? '-'} blocked_by=[${r.blocked_by.join(',')}] in transaction ${r.seconds ?? '-'} s: ${r.query ?? ''}`);
}

export interface InstancesRunResult {
  stepsDone: number;
  stalledAt: Date | null;
  /** The database's connections when the run stalled. */
  stalledConnections: string[];
  /** Steps left with platform messages a killed instance had claimed (sent at a later step). */
  strandedSteps: number;
  /** Platform messages received when each kill happened, so a message sent twice can be placed among the kills. */
  killLog: { instance: number; messagesReceived: number }[];
  drained: boolean;
}

/**
 * The instances' run: the clock moves to each point once every part of a sweep at that point is done
 * (a sweep at that `now` finished on some instance, and no student's ladder work is left: a sweep
 * killed mid-batch rolls back, and the rows it had claimed are due again), while one instance after
 * another is killed with SIGKILL and restarted. The last point is the settling one: kills stop, and
 * the outbox must empty.
 */
export async function instancesRun(options: {
  cluster: Cluster;
  clock: ClockFile;
  db: Db;
  points: readonly Date[];
  killEverySeconds: number;
  stepTimeoutSeconds: number;
  messagesReceived: () => number;
  onStep?: (index: number) => void;
}): Promise<InstancesRunResult> {
  const { cluster, clock, db, points } = options;
  const result: InstancesRunResult = { stepsDone: 0, stalledAt: null, stalledConnections: [], strandedSteps: 0, killLog: [], drained: false };
  /**
   * Done at `now`: the sweep's work, and the outbox's too — the clock never jumps past a live batch's
   * 5-minute claim, which no real clock does either. Only on the last step must even stranded messages go.
   */
  const settled = async (now: Date, last: boolean) => {
    const deadline = Date.now() + options.stepTimeoutSeconds * 1000;
    let backlog = '';
    let unchangedSince = Date.now();
    while (Date.now() < deadline) {
      if (cluster.sweptUpTo >= now.getTime() && (await ladderDue(db, now)) === 0) {
        const current = await outboxBacklog(db, now);
        if (current === '') return true;
        if (current !== backlog) [backlog, unchangedSince] = [current, Date.now()];
        else if (!last && Date.now() - unchangedSince >= STRANDED_AFTER_MS) {
          result.strandedSteps += 1;
          return true;
        }
      }
      await sleep(50);
    }
    return false;
  };

  clock.set(points[0]);
  await cluster.startAll();
  let killing = options.killEverySeconds > 0 && cluster.instances.length > 0;
  const killer = (async () => {
    while (killing) {
      await sleep(options.killEverySeconds * 1000 * (0.5 + Math.random()));
      if (!killing) break;
      const messagesReceived = options.messagesReceived();
      const instance = await cluster.killOneAndRestart();
      if (instance !== null) result.killLog.push({ instance, messagesReceived });
    }
  })();
  try {
    for (const [index, now] of points.slice(0, -1).entries()) {
      clock.set(now);
      if (!(await settled(now, false))) {
        result.stalledAt = now;
        result.stalledConnections = await connectionsNow(db);
        return result;
      }
      result.stepsDone += 1;
      options.onStep?.(index);
    }
  } finally {
    killing = false;
    await killer;
  }
  await cluster.allReady();
  const last = points[points.length - 1];
  clock.set(last);
  result.drained = await settled(last, true);
  if (result.drained) result.stepsDone += 1;
  else {
    result.stalledAt = last;
    result.stalledConnections = await connectionsNow(db);
  }
  return result;
}
