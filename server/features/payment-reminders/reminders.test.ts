import { startMessagingWorld } from '../messaging/test-world';
import { newId } from '../../lib/ids';
import { usingPostgres } from '../../test/test-app';
import { runPaymentReminders } from './reminders';

/** 09:00 in China on a date: when the daily job runs. */
const chinaMorning = (ymd: string) => new Date(`${ymd}T01:00:00.000Z`);
/** Every sponsorship of the fixture world is monthly on the 1st, ¥250 a period, and nothing is paid. */
const PERIOD_FEN = 25000;

let world: Awaited<ReturnType<typeof startMessagingWorld>>;

beforeAll(async () => {
  world = await startMessagingWorld();
});
afterAll(async () => {
  await world.close();
});
beforeEach(async () => {
  await world.reset();
  await world.db.deleteFrom('notifications').execute();
  await world.db.deleteFrom('ledger_entries').execute();
  await world.db.updateTable('sponsorships').set({ status: 'active' }).execute();
});

const reminders = () =>
  world.db.selectFrom('notifications').select(['account_id', 'kind', 'payload', 'dedupe_key']).where('kind', '=', 'payment_due').orderBy('dedupe_key').execute();
const run = (ymd: string, batchSize?: number) => runPaymentReminders(world.t.app, chinaMorning(ymd), batchSize);

/**
 * The job on this server and on a second instance of it. On PostgreSQL both run at once; better-sqlite3
 * waits for a lock synchronously, so in one test process the second SQLite run follows the first.
 */
async function onTwoInstances(ymd: string, batchSize?: number) {
  const other = await world.t.anotherInstance();
  const runOn = (app: typeof other) => runPaymentReminders(app, chinaMorning(ymd), batchSize);
  if (usingPostgres) return Promise.all([runOn(world.t.app), runOn(other)]);
  return [await runOn(world.t.app), await runOn(other)];
}

async function ledgerRow(sponsorshipId: string, kind: 'payment' | 'refund', amountFen: number) {
  await world.db
    .insertInto('ledger_entries')
    .values({ id: newId(), sponsorship_id: sponsorshipId, kind, amount_fen: amountFen, occurred_on: '2026-11-20', category: null, payee: null, description: '测试', receipt_key: null, recorded_by: null, created_at: '2026-11-20T00:00:00.000Z' })
    .execute();
}

it('tells each sponsor once of the period due on Dec 1, from three days before, with the student and the amount', async () => {
  expect(await run('2026-11-27')).toEqual({ sponsorshipsChecked: 3, remindersSent: 0 });
  expect(await run('2026-11-28')).toEqual({ sponsorshipsChecked: 3, remindersSent: 3 });
  const rows = await reminders();
  expect(rows.map((r) => [r.account_id, r.dedupe_key])).toEqual([
    ['acc-sponsor-1', 'payment_due:sp-1:2026-12-01'],
    ['acc-sponsor-1', 'payment_due:sp-2:2026-12-01'],
    ['acc-sponsor-2', 'payment_due:sp-3:2026-12-01'],
  ]);
  expect(JSON.parse(rows[0].payload)).toEqual({ sponsorshipId: 'sp-1', studentId: 'student-a1', studentDisplayName: '阿依', dueOn: '2026-12-01', amountFen: PERIOD_FEN });
});

it('sends nothing more when the job runs again, on later days of the window, or on another instance', async () => {
  await run('2026-11-29');
  await run('2026-11-29');
  await run('2026-12-01');
  expect((await onTwoInstances('2026-11-30')).map((r) => r.remindersSent)).toEqual([0, 0]);
  expect(await reminders()).toHaveLength(3);
});

it('sends each reminder once when two instances run the job for the first time', async () => {
  const reports = await onTwoInstances('2026-11-30', 1);
  expect(reports[0].remindersSent + reports[1].remindersSent).toBe(3);
  expect(await reminders()).toHaveLength(3);
});

it('skips a period already paid, and reminds again when a refund leaves it unpaid', async () => {
  // sp-2 runs from 2026-03-01: ten periods up to and including Dec 1.
  await ledgerRow('sp-2', 'payment', 10 * PERIOD_FEN);
  await run('2026-11-29');
  expect((await reminders()).map((r) => r.dedupe_key)).toEqual(['payment_due:sp-1:2026-12-01', 'payment_due:sp-3:2026-12-01']);
  await ledgerRow('sp-2', 'refund', PERIOD_FEN);
  await run('2026-11-30');
  expect((await reminders()).map((r) => r.dedupe_key)).toContain('payment_due:sp-2:2026-12-01');
});

it('reminds nobody of a reserved, paused or ended sponsorship', async () => {
  await world.db.updateTable('sponsorships').set({ status: 'reserved' }).where('id', '=', 'sp-1').execute();
  await world.db.updateTable('sponsorships').set({ status: 'paused' }).where('id', '=', 'sp-2').execute();
  await world.db.updateTable('sponsorships').set({ status: 'ended' }).where('id', '=', 'sp-3').execute();
  expect(await run('2026-11-29')).toEqual({ sponsorshipsChecked: 0, remindersSent: 0 });
  expect(await reminders()).toEqual([]);
});

it('never reminds of a period whose due day has passed, and reminds of the next one when it comes', async () => {
  expect((await run('2026-12-02')).remindersSent).toBe(0);
  expect((await run('2026-12-29')).remindersSent).toBe(3);
  expect((await reminders()).map((r) => r.dedupe_key)).toEqual([
    'payment_due:sp-1:2027-01-01',
    'payment_due:sp-2:2027-01-01',
    'payment_due:sp-3:2027-01-01',
  ]);
});

it('walks the sponsorships in batches without missing or repeating one', async () => {
  expect(await run('2026-11-29', 2)).toEqual({ sponsorshipsChecked: 3, remindersSent: 3 });
  expect(await reminders()).toHaveLength(3);
});

it('queues the WeChat or Alipay message only for a sponsor who granted payment reminders', async () => {
  await world.grant('acc-sponsor-1', 'wechat_subscribe', 'payment_due', 1);
  await world.grant('acc-sponsor-2', 'alipay_template', 'letter_delivered', 10);
  await run('2026-11-29');
  const outbox = await world.outbox();
  expect(outbox.map((m) => [m.account_id, m.event, m.template])).toEqual([['acc-sponsor-1', 'payment_due', 'WX-DUE']]);
  const { page, data } = JSON.parse(outbox[0].payload);
  expect(page).toMatch(/^\/packages\/sponsor\/pages\/ledger\/index\?id=sp-[12]$/);
  expect(data).toMatchObject({ amount2: '¥250.00', date3: '2026年12月1日' });
  // One grant, one message: the second sponsorship's reminder stays in the app.
  expect(await world.remaining('acc-sponsor-1', 'payment_due')).toBe(0);
});
