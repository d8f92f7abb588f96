import type { Db, Dialect } from '../../db/connect';

export interface SweepReport {
  studentsSeen: number;
  episodesOpened: number;
  stepsPerformed: number;
  alertsOpened: number;
  escalations: number;
  examTasks: number;
}

/** One pass of the silence sweep at `now`. Safe to run concurrently and repeatedly: every effect happens once. */
export async function runSweep(_db: Db, _dialect: Dialect, _now: Date): Promise<SweepReport> {
  throw new Error('the silence sweep is not built yet');
}
