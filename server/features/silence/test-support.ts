import type { Db } from '../../db/connect';
import type { TestApp } from '../../test/test-app';
import { runSweep } from './sweep';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

/** Runs one sweep at `now` on the test app's database. */
export const sweepAt = (t: TestApp, now: Date) => runSweep(t.app.db, t.app.dialect, now);

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
