import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { connectDatabase, type Db } from '../../db/connect';
import { currentPgSchema } from '../../db/migrate';
import { usingPostgres, type TestApp } from '../../test/test-app';
import { runSweep, type SweepReport } from './sweep';

const repoRoot = path.resolve(__dirname, '../../..');

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

/** Runs one sweep at `now` on the test app's database. */
export const sweepAt = (t: TestApp, now: Date) => runSweep(t.app.db, t.app.dialect, now);

/** Two sweeps at once: on PostgreSQL two pools (two connections) in this process; on SQLite two processes on the same file. */
export async function twoSweepsAtOnce(t: TestApp, now: Date): Promise<SweepReport[]> {
  if (usingPostgres) {
    const other = connectDatabase({ databaseUrl: process.env.DATABASE_URL, pgSchema: await currentPgSchema(t.app.db), sqlitePath: '' });
    try {
      return await Promise.all([runSweep(t.app.db, 'postgres', now), runSweep(other.db, 'postgres', now)]);
    } finally {
      await other.db.destroy();
    }
  }
  // better-sqlite3 waits for a lock synchronously, so a second sweep needs its own process, as in production.
  const sweepProcess = () =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/sweep.ts', '--now', now.toISOString()], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: '', BANXUE_SQLITE_PATH: path.join(t.dir, 'test.sqlite') },
    });
  const outputs = await Promise.all([sweepProcess(), sweepProcess()]);
  return outputs.map((o) => JSON.parse(o.stdout) as SweepReport);
}

/** Puts a student on the ladder: next due (and so the sweep's next look) at `dueAt`. */
export async function dueAt(db: Db, studentId: string, due: Date | null): Promise<void> {
  const iso = due ? due.toISOString() : null;
  await db.updateTable('students').set({ next_due_at: iso, ladder_next_at: iso }).where('id', '=', studentId).execute();
}

/** The notices each account received, as `account kind` lines, sorted. */
export async function noticeLines(db: Db, kinds?: readonly string[]): Promise<string[]> {
  let query = db.selectFrom('notifications').select(['account_id', 'kind']);
  if (kinds) query = query.where('kind', 'in', kinds);
  return (await query.execute()).map((n) => `${n.account_id} ${n.kind}`).sort();
}

/** The ladder steps recorded for a student, oldest episode first, as `step` names in the order performed. */
export async function stepsOf(db: Db, studentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('silence_steps')
    .innerJoin('silence_episodes', 'silence_episodes.id', 'silence_steps.episode_id')
    .select(['silence_steps.step', 'silence_episodes.opened_at', 'silence_steps.performed_at'])
    .where('silence_episodes.student_id', '=', studentId)
    .execute();
  const order = ['nudge_1', 'nudge_2', 'watch', 'alert'];
  return rows
    .sort((a, b) => a.opened_at.localeCompare(b.opened_at) || a.performed_at.localeCompare(b.performed_at) || order.indexOf(a.step) - order.indexOf(b.step))
    .map((r) => r.step);
}

/**
 * Adds `count` active students of ngo-a (caseworker staff-cw-a), each with an account, whose next
 * due is `dueOf(i)`; multi-row inserts of 500. Ids are `bulk-<i>`.
 */
export async function insertStudents(db: Db, count: number, dueOf: (i: number) => Date): Promise<void> {
  const created = '2026-01-01T00:00:00.000Z';
  for (let from = 0; from < count; from += 500) {
    const ids = Array.from({ length: Math.min(500, count - from) }, (_, k) => from + k);
    await db
      .insertInto('accounts')
      .values(ids.map((i) => ({ id: `acc-bulk-${i}`, role: 'student' as const, locale: 'zh-CN', created_at: created, disabled_at: null })))
      .execute();
    await db
      .insertInto('students')
      .values(
        ids.map((i) => {
          const due = dueOf(i).toISOString();
          return {
            id: `bulk-${i}`,
            ngo_id: 'ngo-a',
            account_id: `acc-bulk-${i}`,
            caseworker_id: 'staff-cw-a',
            legal_name: `学生${i}`,
            display_name: `同学${i}`,
            gender: 'unspecified' as const,
            date_of_birth: '2010-05-01',
            school_name: '昭觉县民族中学',
            school_stage: 'middle' as const,
            grade: 8,
            expected_graduation: '2028-07-01',
            province: '四川',
            city: '凉山',
            village: null,
            story: null,
            story_approved_at: null,
            photo_key: null,
            yearly_need_fen: 300000,
            program_status: 'active' as const,
            pool_since: null,
            last_heard_at: created,
            next_due_at: due,
            ladder_next_at: due,
            created_at: created,
            updated_at: created,
          };
        }),
      )
      .execute();
  }
}
