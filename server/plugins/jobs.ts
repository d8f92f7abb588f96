import { Cron } from 'croner';
import fp from 'fastify-plugin';
import { runSweep } from '../features/silence/sweep';
import { sendDueMessages } from '../features/messaging/sender';
import { anonymiseExpiredStudents } from '../features/student-rights/retention';

/** Daily at 03:15 in China: students whose NGO's retention period ran out are anonymised. */
export const ANONYMISATION_SCHEDULE = '0 15 3 * * *';

/**
 * Croner patterns (with seconds) running each job every `intervalSeconds` (a divisor of 60), the
 * outbox half an interval after the sweep: at second 0 and second 30 of every minute by default.
 */
export function jobSchedules(intervalSeconds: number) {
  return { sweep: `0/${intervalSeconds} * * * * *`, outbox: `${Math.floor(intervalSeconds / 2)}/${intervalSeconds} * * * * *` };
}

/**
 * Runs the scheduled jobs inside the server when `config.jobs` is on. Each job skips a tick while its
 * previous run is still going (croner's `protect`); several instances may run them at once, since
 * every effect is exactly-once in the database.
 */
export default fp(
  async (app) => {
    if (!app.config.jobs) return;
    const schedules = jobSchedules(app.config.jobIntervalSeconds);
    // Runs in flight, so closing waits for them before the database goes (their transactions commit or roll back whole).
    const running = new Set<Promise<void>>();
    const tracked = (run: () => Promise<void>) => async () => {
      const current = run();
      running.add(current);
      try {
        await current;
      } finally {
        running.delete(current);
      }
    };
    const sweep = new Cron(schedules.sweep, { protect: true, unref: true, name: 'silence-sweep' }, tracked(async () => {
      try {
        const now = app.clock.now();
        const report = await runSweep(app.db, app.dialect, now);
        if (report.stepsPerformed + report.escalations + report.examTasks + report.studentsResumed > 0) app.log.info({ sweep: report }, 'silence sweep');
        app.log.debug({ sweptAt: now.toISOString() }, 'silence sweep finished');
      } catch (error) {
        app.log.error({ err: error }, 'silence sweep failed');
      }
    }));
    const outbox = new Cron(schedules.outbox, { protect: true, unref: true, name: 'message-outbox' }, tracked(async () => {
      try {
        const report = await sendDueMessages(app, app.clock.now());
        if (report.sent + report.retried + report.refused + report.failed > 0) app.log.info({ outbox: report }, 'message outbox');
      } catch (error) {
        app.log.error({ err: error }, 'message outbox failed');
      }
    }));
    const anonymisation = new Cron(ANONYMISATION_SCHEDULE, { protect: true, unref: true, name: 'student-anonymisation', timezone: 'Asia/Shanghai' }, tracked(async () => {
      try {
        const report = await anonymiseExpiredStudents({ db: app.db, dialect: app.dialect, files: app.files, log: app.log }, app.clock.now());
        if (report.studentsAnonymised > 0) app.log.info({ anonymisation: report }, 'student anonymisation');
      } catch (error) {
        app.log.error({ err: error }, 'student anonymisation failed');
      }
    }));
    app.addHook('onClose', async () => {
      sweep.stop();
      outbox.stop();
      anonymisation.stop();
      await Promise.all(running);
    });
  },
  { name: 'jobs', dependencies: ['database'] },
);
