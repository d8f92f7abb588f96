import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { dueSteps } from '../../../domain/care/ladder';
import { DEFAULT_CARE_POLICY, type LadderStepName } from '../../../domain/care/policy';
import { connectDatabase, type Db } from '../connect';
import { migrateToLatest } from '../migrate';
import { hashPassword, verifyPassword } from '../../features/auth/password';
import { runSweep } from '../../features/silence/sweep';
import { buildDataset } from './dataset';
import { DEMO_STAFF_PASSWORD, isDatabaseEmpty, resetDatabase, seedDemoData, type SeedSummary } from './index';
import {
  allProblems,
  countProblems,
  heardProblems,
  ladderProblems,
  letterProblems,
  moneyProblems,
  peopleProblems,
  policyProblems,
  silenceProblems,
  timeProblems,
  wellbeingProblems,
  type Snapshot,
} from './invariants';
import { SEEDED_TABLES } from './model';

jest.setTimeout(60_000);

const NOW = new Date('2026-11-29T03:04:05.000Z');
const DATABASE_URL = process.env.DATABASE_URL;
const repoRoot = path.resolve(__dirname, '../../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-seed-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function pg(sqlText: string) {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return await client.query(sqlText);
  } finally {
    await client.end();
  }
}

interface Opened {
  db: Db;
  close(): Promise<void>;
}

/** A fresh, migrated database: a SQLite file in a temp folder, or a new schema in PostgreSQL. */
const targets: { name: string; open(): Promise<Opened> }[] = [
  {
    name: 'SQLite',
    async open() {
      const { db } = connectDatabase({ sqlitePath: path.join(tmp, `${randomBytes(4).toString('hex')}.sqlite`) });
      await migrateToLatest(db);
      return { db, close: () => db.destroy() };
    },
  },
  ...(DATABASE_URL
    ? [
        {
          name: 'PostgreSQL',
          async open() {
            const schema = `seed_test_${randomBytes(5).toString('hex')}`;
            await pg(`create schema ${schema}`);
            const { db } = connectDatabase({ databaseUrl: DATABASE_URL, pgSchema: schema, sqlitePath: '' });
            await migrateToLatest(db);
            return {
              db,
              async close() {
                await db.destroy();
                await pg(`drop schema ${schema} cascade`);
              },
            };
          },
        },
      ]
    : []),
];

const byKey = (row: Record<string, unknown>) => String(row.id ?? row.ngo_id);

/** Every seeded table, rows in a stable order (the audit log separately, without its serial id). */
async function snapshot(db: Db): Promise<{ data: Snapshot; audit: unknown[] }> {
  const data = {} as Record<string, Record<string, unknown>[]>;
  for (const table of SEEDED_TABLES) {
    if (table === 'audit_log') continue;
    const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    data[table] = rows.sort((a, b) => byKey(a).localeCompare(byKey(b)));
  }
  const audit = (await db.selectFrom('audit_log').selectAll().orderBy('id').execute()).map(({ id: _id, ...rest }) => rest);
  return { data: data as unknown as Snapshot, audit };
}

/** What must be identical between two runs: everything but the salted password hashes. */
function comparable(s: { data: Snapshot; audit: unknown[] }) {
  return { ...s.data, staff: s.data.staff.map((row) => ({ ...row, password_hash: row.password_hash ? 'hash' : null })), audit_log: s.audit };
}

describe.each(targets)('demo data on $name', (target) => {
  let first: Opened;
  let second: Opened;
  let summary: SeedSummary;
  let data: Snapshot;

  beforeAll(async () => {
    first = await target.open();
    second = await target.open();
    expect(await isDatabaseEmpty(first.db)).toBe(true);
    const started = Date.now();
    summary = await seedDemoData(first.db, { now: NOW });
    expect(Date.now() - started).toBeLessThan(3000);
    await seedDemoData(second.db, { now: NOW, staffPasswordHash: await hashPassword(DEMO_STAFF_PASSWORD) });
    data = (await snapshot(first.db)).data;
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('fills an empty database once and refuses to seed over data', async () => {
    expect(await isDatabaseEmpty(first.db)).toBe(false);
    await expect(seedDemoData(first.db, { now: NOW })).rejects.toThrow(/already has data/);
  });

  it('gives identical rows for the same now', async () => {
    expect(comparable(await snapshot(second.db))).toEqual(comparable(await snapshot(first.db)));
  });

  it('reports what it inserted', async () => {
    for (const table of SEEDED_TABLES) {
      const { count } = await first.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
      expect([table, Number(count)]).toEqual([table, summary.counts[table]]);
    }
    expect(summary.staffUsernames).toEqual(['gs-admin', 'gs-caseworker-1', 'gs-caseworker-2', 'sc-admin', 'sc-caseworker-1', 'sc-caseworker-2', 'sc-caseworker-3']);
  });

  it('has the requested size and shape', () => {
    expect(countProblems(data)).toEqual([]);
    expect(data.students).toHaveLength(60);
    expect(data.sponsors.length).toBeGreaterThanOrEqual(40);
  });

  it('never holds a student twice, pools only consented students, and keeps surnames out of display names', () => {
    expect(peopleProblems(data, NOW)).toEqual([]);
  });

  it('keeps last heard, next due (30 days on, past quiet periods) and the sweep\'s next look in step with the activity', () => {
    expect(heardProblems(data)).toEqual([]);
    expect(policyProblems(data)).toEqual([]);
    expect(ladderProblems(data)).toEqual([]);
    // Only the newly onboarded students, still waiting for consent, have not been heard from yet.
    const unheard = data.students.filter((s) => s.last_heard_at === null);
    expect(unheard.length).toBeGreaterThanOrEqual(1);
    for (const s of unheard) {
      expect([s.id, s.next_due_at, s.pool_since, data.guardian_consents.some((c) => c.student_id === s.id)]).toEqual([s.id, null, null, false]);
    }
  });

  it('writes clean letters with every status step recorded', () => {
    expect(letterProblems(data)).toEqual([]);
    expect(data.letters.some((l) => /\d/.test(l.body))).toBe(false);
    expect(data.letters.filter((l) => l.status === 'held')).toHaveLength(3);
  });

  it('holds one urgent and one concern case, and no other student words that would raise a flag', () => {
    expect(wellbeingProblems(data)).toEqual([]);
  });

  it('keeps every ledger consistent: one pledge, payments by cadence, disbursements covered by payments', () => {
    expect(moneyProblems(data)).toEqual([]);
  });

  it('follows the policy for silences, ladders and alerts', () => {
    expect(silenceProblems(data, NOW)).toEqual([]);
    const alert = data.alerts.find((a) => a.status === 'acknowledged')!;
    expect(data.contact_attempts.filter((c) => c.alert_id === alert.id)).toHaveLength(1);
  });

  it('leaves the first sweep exactly the ladder steps due and not yet recorded, and nothing for a second', async () => {
    const later = new Date(NOW.getTime() + 10 * 86_400_000);
    const ladder = DEFAULT_CARE_POLICY.ladder;
    const expected = data.students
      .filter((s) => s.program_status === 'active' && s.next_due_at)
      .reduce((sum, s) => {
        const episode = data.silence_episodes.find((e) => e.student_id === s.id && e.closed_at === null);
        const performed = new Set(data.silence_steps.filter((st) => st.episode_id === episode?.id).map((st) => st.step as LadderStepName));
        return sum + dueSteps(new Date(episode?.due_at ?? s.next_due_at!), ladder, performed, later).length;
      }, 0);
    expect(expected).toBeGreaterThan(0);
    const sweepDb = await target.open();
    try {
      await seedDemoData(sweepDb.db, { now: NOW, staffPasswordHash: 'hash' });
      const dialect = target.name === 'SQLite' ? 'sqlite' : 'postgres';
      expect((await runSweep(sweepDb.db, dialect, later)).stepsPerformed).toBe(expected);
      expect(await runSweep(sweepDb.db, dialect, new Date(later.getTime() + 60_000))).toMatchObject({ stepsPerformed: 0, escalations: 0, examTasks: 0 });
    } finally {
      await sweepDb.close();
    }
  });

  it('records nothing after now', () => {
    expect(timeProblems(data, NOW)).toEqual([]);
  });

  it('lets every staff member sign in with the demo password', async () => {
    const rows = await first.db.selectFrom('staff').select(['username', 'password_hash']).execute();
    for (const row of rows) expect([row.username, await verifyPassword(DEMO_STAFF_PASSWORD, row.password_hash!)]).toEqual([row.username, true]);
    expect(await verifyPassword('wrong-password', rows[0].password_hash!)).toBe(false);
  });

  it('resets everything but the append-only audit log', async () => {
    const auditBefore = await second.db.selectFrom('audit_log').select('id').execute();
    await resetDatabase(second.db);
    expect(await isDatabaseEmpty(second.db)).toBe(true);
    for (const table of SEEDED_TABLES.filter((t) => t !== 'audit_log')) {
      expect([table, await second.db.selectFrom(table).selectAll().execute()]).toEqual([table, []]);
    }
    expect(await second.db.selectFrom('audit_log').select('id').execute()).toHaveLength(auditBefore.length);
    await seedDemoData(second.db, { now: NOW });
    expect((await snapshot(second.db)).data.letters).toEqual(data.letters);
  });
});

(targets.length > 1 ? it : it.skip)('gives the same rows on SQLite and PostgreSQL', async () => {
  const opened = await Promise.all(targets.map((t) => t.open()));
  try {
    const snapshots = [];
    for (const { db } of opened) {
      await seedDemoData(db, { now: NOW, staffPasswordHash: 'hash' });
      snapshots.push(comparable(await snapshot(db)));
    }
    expect(snapshots[1]).toEqual(snapshots[0]);
  } finally {
    await Promise.all(opened.map((o) => o.close()));
  }
});

describe('the generator', () => {
  it.each([
    ['late autumn', '2026-11-29T03:04:05.000Z'],
    ['the first hour of July in Shanghai (a new school year)', '2027-06-30T16:00:00.000Z'],
    ['Spring Festival of a leap year', '2028-02-10T12:00:00.000Z'],
    ['the first day of a term', '2026-09-01T01:30:00.000Z'],
    ['exam season', '2029-06-08T09:00:00.000Z'],
    ['a time with milliseconds', '2031-03-15T08:00:00.123Z'],
  ])('holds every property in %s (%s)', (_label, iso) => {
    const now = new Date(iso);
    expect(allProblems(buildDataset(now, 'hash').rows as unknown as Snapshot, now)).toEqual([]);
  });

  it('is a pure function of now', () => {
    const a = buildDataset(NOW, 'hash');
    expect(buildDataset(new Date(NOW), 'hash')).toEqual(a);
    const later = buildDataset(new Date(NOW.getTime() + 90 * 86_400_000), 'hash');
    expect(later.rows.checkins).not.toEqual(a.rows.checkins);
    expect(later.rows.students.map((s) => s.id)).toEqual(a.rows.students.map((s) => s.id));
  });
});

describe('npm run db:seed', () => {
  const run = (args: string[], env: Record<string, string>) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/seed.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: '', PGOPTIONS: '', BANXUE_MODE: '', NODE_ENV: 'development', ...env },
    });

  it('builds, keeps, and rebuilds a SQLite database, printing only the demo staff password', async () => {
    const file = path.join(tmp, 'cli.sqlite');
    const built = await run(['--reset', '--now', NOW.toISOString()], { BANXUE_SQLITE_PATH: file });
    expect(built.stdout).toContain('students           60');
    expect(built.stdout).toContain(`Staff sign-in, password ${DEMO_STAFF_PASSWORD}: gs-admin, gs-caseworker-1`);
    expect(built.stdout.split(DEMO_STAFF_PASSWORD)).toHaveLength(2);
    expect(built.stdout).not.toMatch(/scrypt\$/);

    const kept = await run([], { BANXUE_SQLITE_PATH: file });
    expect(kept.stdout).toContain('already has data');

    const rebuilt = await run(['--reset', `--now=${NOW.toISOString()}`], { BANXUE_SQLITE_PATH: file });
    expect(rebuilt.stdout).toContain(`audit_log          ${built.stdout.match(/audit_log\s+(\d+)/)![1]}`);
    const { db } = connectDatabase({ sqlitePath: file });
    const audit = await db.selectFrom('audit_log').select('id').execute();
    await db.destroy();
    expect(rebuilt.stdout).toContain(`audit_log          ${audit.length}`);
  });

  it('explains a bad --now', async () => {
    await expect(run(['--now', 'yesterday'], { BANXUE_SQLITE_PATH: path.join(tmp, 'never.sqlite') })).rejects.toMatchObject({ code: 64 });
    expect(fs.existsSync(path.join(tmp, 'never.sqlite'))).toBe(false);
  });

  it('refuses to put demo data into a production database', async () => {
    await expect(run([], { BANXUE_SQLITE_PATH: path.join(tmp, 'prod.sqlite'), BANXUE_MODE: 'production' })).rejects.toMatchObject({ code: 1 });
  });

  (DATABASE_URL ? it : it.skip)('drops and recreates the PostgreSQL schema in use with --reset', async () => {
    const schema = `seed_test_${randomBytes(5).toString('hex')}`;
    await pg(`create schema ${schema}`);
    try {
      const env = { DATABASE_URL: DATABASE_URL!, PGOPTIONS: `-c search_path=${schema}` };
      const built = await run(['--reset', '--now', NOW.toISOString()], env);
      expect(built.stdout).toContain(`Dropped and recreated schema ${schema}.`);
      const rebuilt = await run(['--reset', '--now', NOW.toISOString()], env);
      const { rows } = await pg(`select count(*)::int as n from ${schema}.audit_log`);
      expect(rebuilt.stdout).toContain(`audit_log          ${rows[0].n}`);
    } finally {
      await pg(`drop schema if exists ${schema} cascade`);
    }
  });
});
