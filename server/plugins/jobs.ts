import { Cron } from 'croner';
import fp from 'fastify-plugin';
import { runSweep } from '../features/silence/sweep';
import { sendDueMessages } from '../features/messaging/sender';
import { anonymiseExpiredStudents } from '../features/student-rights/retention';
import { runRefundQueries } from '../features/payment-admin/refunds';
import { runPaymentQueries } from '../features/payments/settle';
import { runReconciliation } from '../features/reconciliation/run';
import { runPaymentReminders } from '../features/payment-reminders/reminders';

/** Daily at 03:15 in China: students whose NGO's retention period ran out are anonymised. */
export const ANONYMISATION_SCHEDULE = '0 15 3 * * *';
/** Every minute: payment orders whose outcome is still unknown are queried, and closed at their expiry. */
export const PAYMENT_QUERY_SCHEDULE = '40 * * * * *';
/** Every minute: refunds whose outcome is unknown are sent again (same out_refund_no) or queried. */
export const REFUND_QUERY_SCHEDULE = '20 * * * * *';
/** Daily at 10:30 in China, once WeChat Pay and Alipay have published yesterday's bills: each merchant's bill against the ledger. */
export const RECONCILIATION_SCHEDULE = '0 30 10 * * *';
/** Daily at 09:00 in China: sponsors are told of a period falling due within three days. */
export const PAYMENT_REMINDER_SCHEDULE = '0 0 9 * * *';

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
    const paymentReminders = new Cron(PAYMENT_REMINDER_SCHEDULE, { protect: true, unref: true, name: 'payment-reminders', timezone: 'Asia/Shanghai' }, tracked(async () => {
      try {
        const report = await runPaymentReminders(app, app.clock.now());
        if (report.remindersSent > 0) app.log.info({ paymentReminders: report }, 'payment reminders');
      } catch (error) {
        app.log.error({ err: error }, 'payment reminders failed');
      }
    }));
    const paymentQueries = new Cron(PAYMENT_QUERY_SCHEDULE, { protect: true, unref: true, name: 'payment-queries' }, tracked(async () => {
      try {
        const report = await runPaymentQueries(app, app.clock.now());
        if (report.queried + report.failed > 0) app.log.info({ paymentQueries: report }, 'payment queries');
      } catch (error) {
        app.log.error({ err: error }, 'payment queries failed');
      }
    }));
    const refundQueries = new Cron(REFUND_QUERY_SCHEDULE, { protect: true, unref: true, name: 'refund-queries' }, tracked(async () => {
      try {
        const report = await runRefundQueries(app, app.clock.now());
        if (report.checked > 0) app.log.info({ refundQueries: report }, 'refund queries');
      } catch (error) {
        app.log.error({ err: error }, 'refund queries failed');
      }
    }));
    const reconciliation = new Cron(RECONCILIATION_SCHEDULE, { protect: true, unref: true, name: 'reconciliation', timezone: 'Asia/Shanghai' }, tracked(async () => {
      try {
        app.log.info({ reconciliation: await runReconciliation(app, app.clock.now()) }, 'reconciliation');
      } catch (error) {
        app.log.error({ err: error }, 'reconciliation failed');
      }
    }));
    app.addHook('onClose', async () => {
      paymentQueries.stop();
      refundQueries.stop();
      reconciliation.stop();
      sweep.stop();
      outbox.stop();
      anonymisation.stop();
      paymentReminders.stop();
      await Promise.all(running);
    });
  },
  { name: 'jobs', dependencies: ['database'] },
);
