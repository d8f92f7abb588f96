/**
 * The silence sweep at scale (DESIGN.md §5): 1,000,000 and 100,000 students with the same 10,000
 * overdue, on SQLite (a file in a temp folder) and, with DATABASE_URL, on PostgreSQL (a schema of
 * its own, dropped afterwards).
 *
 *   npm run bench:sweep
 *   DATABASE_URL=postgres://… npm run bench:sweep          also PostgreSQL at 100,000
 *   BENCH_PG_MILLION=1 DATABASE_URL=postgres://… npm run bench:sweep   and at 1,000,000
 *   BENCH_SIZES=100000 npm run bench:sweep                 other SQLite sizes
 *
 * Two mixes of the overdue students: `just due` (each gets the first nudge: what a sweep running
 * every minute meets), and `ladder` (a quarter each just due, 8 days over, 15 days over and 31 days
 * over: 25,000 steps, 17,500 reminders, 5,000 watch tasks and 2,500 alerts with their notices, as
 * after a long outage). The other students are due over the next 30 days.
 * Measured: (a) finding the due students through the ladder_next_at index, (b) the first sweep,
 * (c) a second sweep right after, with nothing due.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { Client } from 'pg';
import { DEFAULT_CARE_POLICY } from '../domain/care/policy';
import { connectDatabase, type Db, type Dialect } from '../server/db/connect';
import { migrateToLatest } from '../server/db/migrate';
import { runSweep } from '../server/features/silence/sweep';

const NOW = new Date('2026-12-20T00:00:00.000Z');
const OVERDUE = 10_000;
const DAY = 86_400_000;
const CREATED = '2026-01-01T00:00:00.000Z';
const iso = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

/** SQL choosing one of `values` by `i % values.length`. */
const pick = (values: string[]) => sql.raw(`case i % ${values.length} ${values.map((v, k) => `when ${k} then '${v}'`).join(' ')} end`);

/** The numbers 0…n-1 as rows of a one-column table `seq(i)`. */
function series(dialect: Dialect, n: number) {
  return dialect === 'postgres'
    ? sql.raw(`generate_series(0, ${n - 1}) as seq(i)`)
    : sql.raw(`(with recursive s(i) as (select 0 union all select i + 1 from s where i < ${n - 1}) select i from s) as seq`);
}

type Mix = 'just due' | 'ladder';
const MIXES: Record<Mix, number[]> = { 'just due': [-3_600_000], ladder: [-3_600_000, -8 * DAY, -15 * DAY, -31 * DAY] };

async function fill(db: Db, dialect: Dialect, total: number, mix: Mix): Promise<void> {
  await db.insertInto('ngos').values({ id: 'ngo-1', name: '凉山助学会', province: '四川', city: '凉山', created_at: CREATED }).execute();
  await db
    .insertInto('ngo_policies')
    .values({
      ngo_id: 'ngo-1',
      version: 1,
      checkin_cadence_days: DEFAULT_CARE_POLICY.checkinCadenceDays,
      ladder: JSON.stringify(DEFAULT_CARE_POLICY.ladder),
      sla_ack_hours: DEFAULT_CARE_POLICY.slaAckHours,
      sla_first_contact_hours: DEFAULT_CARE_POLICY.slaFirstContactHours,
      quiet_periods: '[]',
      exam_calendar: '[]',
      consent_required_under_age: 18,
      updated_at: CREATED,
      updated_by: null,
    })
    .execute();
  await db.insertInto('accounts').values({ id: 'acc-cw', role: 'caseworker', locale: 'zh-CN', created_at: CREATED, disabled_at: null }).execute();
  await db
    .insertInto('staff')
    .values({ id: 'staff-cw', account_id: 'acc-cw', ngo_id: 'ngo-1', role: 'caseworker', full_name: '张社工', username: null, password_hash: null, created_at: CREATED })
    .execute();

  const overdue = pick(MIXES[mix].map(iso));
  const upcoming = pick(Array.from({ length: 30 }, (_, d) => iso((d + 1) * DAY - 3_600_000)));
  const due = sql`case when i < ${sql.raw(String(OVERDUE))} then ${overdue} else ${upcoming} end`;
  await sql`insert into accounts (id, role, locale, created_at, disabled_at)
    select 'acc-' || i, 'student', 'zh-CN', ${CREATED}, null from ${series(dialect, total)}`.execute(db);
  await sql`insert into students (id, ngo_id, account_id, caseworker_id, legal_name, display_name, gender, date_of_birth, school_name,
      school_stage, grade, expected_graduation, province, city, village, story, story_approved_at, photo_key, yearly_need_fen,
      program_status, pool_since, last_heard_at, next_due_at, ladder_next_at, created_at, updated_at)
    select 's-' || i, 'ngo-1', 'acc-' || i, 'staff-cw', '学生' || i, '同学' || i, 'unspecified', '2010-05-01', '昭觉县民族中学',
      'middle', 8, '2028-07-01', '四川', '凉山', null, null, null, null, 300000,
      'active', null, ${CREATED}, ${due}, ${due}, ${CREATED}, ${CREATED}
    from ${series(dialect, total)}`.execute(db);
  await sql`analyze`.execute(db);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}

/** The sweep's candidate query for all the overdue students: five runs, the median. */
async function findDue(db: Db): Promise<{ ms: number; found: number }> {
  const runs: { ms: number; found: number }[] = [];
  for (let k = 0; k < 5; k++) {
    const { ms, result } = await timed(() =>
      db.selectFrom('students').select('id').where('ladder_next_at', '<=', NOW.toISOString()).orderBy('ladder_next_at').limit(OVERDUE + 1).execute(),
    );
    runs.push({ ms, found: result.length });
  }
  return runs.sort((a, b) => a.ms - b.ms)[2];
}

interface Row {
  database: string;
  students: number;
  mix: Mix;
  setupS: number;
  findMs: number;
  found: number;
  firstMs: number;
  steps: number;
  secondMs: number;
}

async function measure(database: string, dialect: Dialect, db: Db, total: number, mix: Mix): Promise<Row> {
  await migrateToLatest(db);
  const setup = await timed(() => fill(db, dialect, total, mix));
  const find = await findDue(db);
  const first = await timed(() => runSweep(db, dialect, NOW));
  const second = await timed(() => runSweep(db, dialect, new Date(NOW.getTime() + 60_000)));
  if (first.result.studentsSeen !== OVERDUE || second.result.studentsSeen !== 0) throw new Error(`unexpected sweep reports: ${JSON.stringify([first.result, second.result])}`);
  return { database, students: total, mix, setupS: setup.ms / 1000, findMs: find.ms, found: find.found, firstMs: first.ms, steps: first.result.stepsPerformed, secondMs: second.ms };
}

async function onSqlite(total: number, mix: Mix): Promise<Row> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-bench-sweep-'));
  const { db } = connectDatabase({ sqlitePath: path.join(dir, 'bench.sqlite') });
  try {
    return await measure('SQLite', 'sqlite', db, total, mix);
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(url: string, total: number, mix: Mix): Promise<Row> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const { db } = connectDatabase({ databaseUrl: url, pgSchema: schema, sqlitePath: '' });
  try {
    return await measure('PostgreSQL', 'postgres', db, total, mix);
  } finally {
    await db.destroy();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

function print(rows: Row[]) {
  const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });
  console.log('\n| database | students | overdue (mix) | (a) find them | (b) first sweep (steps) | (c) second sweep | set-up |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(`| ${r.database} | ${n(r.students)} | ${n(r.found)} (${r.mix}) | ${n(r.findMs)} ms | ${n(r.firstMs)} ms (${n(r.steps)}) | ${n(r.secondMs)} ms | ${n(r.setupS)} s |`);
  }
}

async function main() {
  const rows: Row[] = [];
  const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [1_000_000, 100_000];
  const mixes = Object.keys(MIXES) as Mix[];
  for (const total of sizes) {
    for (const mix of mixes) {
      rows.push(await onSqlite(total, mix));
      console.error(`done: SQLite, ${total} students, ${mix}`);
    }
  }
  const url = process.env.DATABASE_URL;
  if (url) {
    for (const total of process.env.BENCH_PG_MILLION ? [100_000, 1_000_000] : [100_000]) {
      for (const mix of mixes) {
        rows.push(await onPostgres(url, total, mix));
        console.error(`done: PostgreSQL, ${total} students, ${mix}`);
      }
    }
  }
  print(rows);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
