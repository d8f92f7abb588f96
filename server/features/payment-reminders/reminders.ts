import type { FastifyInstance } from 'fastify';
import { shanghaiDate } from '../../../domain/care/due';
import { deliverMany, type OutgoingMessage } from '../messaging/deliver';
import { ledgerTotals } from '../ledger/repository';
import { ledgerFigures } from '../ledger/schedule';
import { writeTransaction } from '../silence/write-transaction';
import { periodsToRemind } from './window';

/** Sponsorships read and reminded per transaction. */
export const REMINDER_BATCH_SIZE = 200;

export interface ReminderReport {
  sponsorshipsChecked: number;
  remindersSent: number;
}

type ReminderApp = Pick<FastifyInstance, 'db' | 'dialect'>;

/** The event key of one period's reminder: one notice per sponsorship and due day, whoever runs the job. */
export const paymentDueKey = (sponsorshipId: string, dueOn: string) => `payment_due:${sponsorshipId}:${dueOn}`;

/**
 * Tells each sponsor of an active sponsorship, in the app and on WeChat/Alipay when they granted it,
 * that an unpaid period falls due within the next few days (China dates). Charges nothing. Walks the
 * active sponsorships in id order, a bounded batch per transaction; the notice's dedupe key makes a
 * second run, or a run on another instance, send nothing more.
 */
export async function runPaymentReminders(app: ReminderApp, now: Date, batchSize = REMINDER_BATCH_SIZE): Promise<ReminderReport> {
  const today = shanghaiDate(now);
  const report: ReminderReport = { sponsorshipsChecked: 0, remindersSent: 0 };
  let after = '';
  for (;;) {
    const batch = await app.db
      .selectFrom('sponsorships')
      .innerJoin('students', 'students.id', 'sponsorships.student_id')
      .innerJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
      .select([
        'sponsorships.id',
        'sponsorships.student_id',
        'sponsorships.amount_fen',
        'sponsorships.cadence',
        'sponsorships.start_date',
        'sponsorships.end_date',
        'students.display_name',
        'sponsors.account_id',
      ])
      .where('sponsorships.status', '=', 'active')
      .where('sponsorships.end_date', '>', today)
      .where('sponsors.deleted_at', 'is', null)
      .where('sponsorships.id', '>', after)
      .orderBy('sponsorships.id')
      .limit(batchSize)
      .execute();
    if (batch.length === 0) return report;
    after = batch[batch.length - 1].id;
    report.sponsorshipsChecked += batch.length;
    // Totals are read under the write lock, so a payment that lands meanwhile is not reminded.
    report.remindersSent += await writeTransaction(app.db, app.dialect, async (trx) => {
      const totals = await ledgerTotals(trx, batch.map((s) => s.id));
      const messages: OutgoingMessage[] = batch.flatMap((s) => {
        const { schedule } = ledgerFigures({ startDate: s.start_date, endDate: s.end_date, cadence: s.cadence, amountFen: s.amount_fen }, totals.get(s.id)!.paidFen);
        return periodsToRemind(schedule, today).map((period) => ({
          accountId: s.account_id,
          kind: 'payment_due',
          payload: { sponsorshipId: s.id, studentId: s.student_id, studentDisplayName: s.display_name, dueOn: period.dueOn, amountFen: period.amountFen },
          dedupeKey: paymentDueKey(s.id, period.dueOn),
          push: 'payment_due' as const,
        }));
      });
      if (messages.length === 0) return 0;
      return (await deliverMany(trx, messages, now)).size;
    });
    if (batch.length < batchSize) return report;
  }
}
