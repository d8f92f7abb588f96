import { Cron } from 'croner';
import fp from 'fastify-plugin';
import { runSweep } from '../features/silence/sweep';
import { sendDueMessages } from '../features/messaging/sender';

/** Every minute: the silence sweep, then the platform-message outbox. */
export const SWEEP_SCHEDULE = '0 * * * * *';
export const OUTBOX_SCHEDULE = '30 * * * * *';

/**
 * Runs the scheduled jobs inside the server when `config.jobs` is on. Each job skips a tick while its
 * previous run is still going (croner's `protect`); several instances may run them at once, since
 * every effect is exactly-once in the database.
 */
export default fp(
  async (app) => {
    if (!app.config.jobs) return;
    const sweep = new Cron(SWEEP_SCHEDULE, { protect: true, unref: true, name: 'silence-sweep' }, async () => {
      try {
        const report = await runSweep(app.db, app.dialect, app.clock.now());
        if (report.stepsPerformed + report.escalations + report.examTasks + report.studentsResumed > 0) app.log.info({ sweep: report }, 'silence sweep');
      } catch (error) {
        app.log.error({ err: error }, 'silence sweep failed');
      }
    });
    const outbox = new Cron(OUTBOX_SCHEDULE, { protect: true, unref: true, name: 'message-outbox' }, async () => {
      try {
        const report = await sendDueMessages(app, app.clock.now());
        if (report.sent + report.retried + report.refused + report.failed > 0) app.log.info({ outbox: report }, 'message outbox');
      } catch (error) {
        app.log.error({ err: error }, 'message outbox failed');
      }
    });
    app.addHook('onClose', async () => {
      sweep.stop();
      outbox.stop();
    });
  },
  { name: 'jobs', dependencies: ['database'] },
);
