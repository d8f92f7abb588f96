import { bearerFor } from '../../test/fixtures';
import { createPaymentWorld, type PaymentWorld } from '../../test/payment-world';
import { runReconciliation } from './run';

let w: PaymentWorld;
let caseworker: { authorization: string };
const DAY = '2026-11-29';

beforeAll(async () => {
  w = await createPaymentWorld();
  caseworker = await bearerFor(w.app.db, 'acc-cw-a', w.clock.now());
}, 60_000);
afterAll(() => w.close());

async function createOrder(sponsorship: string, headers: Record<string, string>, platform: 'wechat' | 'alipay', channel: 'jsapi' | 'qr') {
  const res = await w.app.inject({ method: 'POST', url: `/api/sponsor/sponsorships/${sponsorship}/payment-orders`, headers, payload: { periods: 1, platform, channel } });
  expect(res.statusCode).toBe(201);
  const order = await w.app.db.selectFrom('payment_orders').selectAll().where('id', '=', res.json().order.id).executeTakeFirstOrThrow();
  return { order, pay: res.json().pay };
}
const reports = () => w.app.db.selectFrom('reconciliation_reports').selectAll().orderBy('platform').execute();
const run = (payload: object, headers: Record<string, string> = w.admin) => w.app.inject({ method: 'POST', url: '/api/staff/reconciliation-reports/run', headers, payload });

it('finds the trade the ledger lacks and the one the platform lacks; a clean day matches; one alert per report', async () => {
  // Paid and in the ledger, then partly refunded: both on the bill and in the ledger.
  const matched = await createOrder('sp-1', w.sponsor, 'wechat', 'jsapi');
  await w.wechat.pay(matched.order.out_trade_no);
  expect((await w.app.inject({ method: 'POST', url: `/api/staff/payment-orders/${matched.order.id}/refunds`, headers: w.admin, payload: { amountFen: 5000, reason: '部分退款' } })).json().status).toBe('succeeded');
  await w.wechat.idle();
  // Paid at the platform, but its notice was lost and no query has caught it yet.
  const lost = await createOrder('sp-1', w.sponsor, 'wechat', 'jsapi');
  await w.wechat.pay(lost.order.out_trade_no, { notify: false });
  // In the ledger as paid, but the platform never took it.
  const at = w.clock.now().toISOString();
  await w.app.db
    .insertInto('payment_orders')
    .values({ id: 'order-ghost', out_trade_no: 'ghost0000000000000000000000000001', sponsorship_id: 'sp-1', sponsor_id: 'sponsor-1', ngo_id: 'ngo-a', platform: 'wechat', channel: 'jsapi', merchant_id: w.wechat.direct.mchId, amount_fen: 25000, periods: 1, first_due_on: '2025-10-01', payer_subject: null, status: 'paid', platform_trade_id: '4200000000000000000000000001', failure_reason: null, created_at: at, updated_at: at, expires_at: at, paid_at: at, closed_at: null, next_query_at: null })
    .execute();
  await w.app.db
    .insertInto('ledger_entries')
    .values({ id: 'entry-ghost', sponsorship_id: 'sp-1', kind: 'payment', amount_fen: 25000, occurred_on: DAY, category: null, payee: null, payee_kind: null, description: '微信支付 · 1 期', receipt_key: null, recorded_by: null, created_at: at, payment_order_id: 'order-ghost' })
    .execute();
  // Alipay's day is clean: one payment by QR code, in the bill and in the ledger.
  const clean = await createOrder('sp-3', w.otherSponsor, 'alipay', 'qr');
  await w.alipay.pay(clean.pay.codeUrl, { buyerId: '2088999999999998' });
  expect((await w.app.db.selectFrom('payment_orders').select('status').where('id', '=', clean.order.id).executeTakeFirstOrThrow()).status).toBe('paid');

  // The next morning in China, after the bills are out.
  w.clock.set(new Date('2026-11-30T02:30:00.000Z'));
  expect(await runReconciliation(w.app, w.clock.now())).toEqual({ reports: 2, withDifferences: 1, failed: 0 });
  const [alipay, wechat] = await reports();
  expect(alipay).toMatchObject({ ngo_id: 'ngo-a', platform: 'alipay', bill_date: DAY, status: 'matched', matched_count: 1, error: null });
  expect(JSON.parse(alipay.differences)).toEqual([]);
  expect(wechat).toMatchObject({ ngo_id: 'ngo-a', platform: 'wechat', bill_date: DAY, status: 'differences', matched_count: 2, error: null });
  expect(JSON.parse(wechat.differences)).toEqual([
    {
      kind: 'missing_in_ledger',
      outTradeNo: lost.order.out_trade_no,
      outRefundNo: null,
      platformTradeId: w.wechat.orders().find((o) => o.outTradeNo === lost.order.out_trade_no)!.transactionId,
      orderId: lost.order.id,
      ledgerFen: null,
      platformFen: lost.order.amount_fen,
    },
    { kind: 'missing_at_platform', outTradeNo: 'ghost0000000000000000000000000001', outRefundNo: null, platformTradeId: '4200000000000000000000000001', orderId: 'order-ghost', ledgerFen: 25000, platformFen: null },
  ]);

  const alerts = await w.app.db.selectFrom('payment_alerts').selectAll().where('kind', '=', 'reconciliation').execute();
  expect(alerts).toHaveLength(1);
  expect(alerts[0]).toMatchObject({ ngo_id: 'ngo-a', platform: 'wechat', order_id: null });
  expect(JSON.parse(alerts[0].detail)).toEqual({ reportId: wechat.id, billDate: DAY, differenceCount: 2 });
  const told = await w.app.db.selectFrom('notifications').select(['account_id', 'payload']).where('kind', '=', 'payment_alert').execute();
  expect(told.map((n) => [n.account_id, JSON.parse(n.payload)])).toEqual([['acc-admin-a', { alertId: alerts[0].id, kind: 'reconciliation', orderId: null }]]);

  // The admin runs the day again: the report is replaced, not added, and alerts no one twice.
  const rerun = await run({ platform: 'wechat', billDate: DAY });
  expect(rerun.statusCode).toBe(200);
  expect(rerun.json()).toMatchObject({ id: wechat.id, platform: 'wechat', billDate: DAY, status: 'differences', matchedCount: 2 });
  expect(rerun.json().differences.map((d: { kind: string }) => d.kind)).toEqual(['missing_in_ledger', 'missing_at_platform']);
  expect(await reports()).toHaveLength(2);
  expect(await w.app.db.selectFrom('payment_alerts').select('id').where('kind', '=', 'reconciliation').execute()).toHaveLength(1);
  const audit = await w.app.db.selectFrom('audit_log').select(['actor_account_id', 'entity_id', 'detail']).where('action', '=', 'payment.reconciliation.run').execute();
  expect(audit).toEqual([{ actor_account_id: 'acc-admin-a', entity_id: wechat.id, detail: JSON.stringify({ platform: 'wechat', billDate: DAY, status: 'differences' }) }]);

  const listed = (await w.app.inject({ url: '/api/staff/reconciliation-reports', headers: caseworker })).json();
  expect(listed.items.map((r: { platform: string; status: string }) => [r.platform, r.status]).sort()).toEqual([['alipay', 'matched'], ['wechat', 'differences']]);
});

it('a bill that cannot be fetched is a failed report naming the platform’s code and no secret', async () => {
  w.wechat.failNext(/\/v3\/bill\/tradebill/, 500, 'SYSTEM_ERROR');
  const res = await run({ platform: 'wechat', billDate: '2026-11-28' });
  expect(res.json()).toMatchObject({ status: 'failed', billDate: '2026-11-28', matchedCount: 0, differences: [] });
  expect(res.json().error).toContain('SYSTEM_ERROR');
  const text = JSON.stringify(res.json()) + w.logs.join('');
  expect(text).not.toContain(w.wechat.direct.apiV3Key);
  expect(text).not.toContain(w.wechat.direct.privateKey.split('\n')[1]);
});

it('refuses caseworkers, a day whose bill is not out yet, and a platform without a merchant', async () => {
  expect((await run({ platform: 'wechat', billDate: '2026-11-28' }, caseworker)).statusCode).toBe(403);
  const today = await run({ platform: 'wechat', billDate: '2026-11-30' });
  expect(today.statusCode).toBe(400);
  expect(today.json().error.details).toEqual([{ field: 'body.billDate', message: '需要是今天之前的日期（当天的账单次日才有）' }]);
  await w.app.db.deleteFrom('ngo_merchants').where('platform', '=', 'alipay').execute();
  expect((await run({ platform: 'alipay', billDate: '2026-11-28' })).json().error.code).toBe('MERCHANT_NOT_CONFIGURED');
  expect((await w.app.inject({ url: '/api/staff/reconciliation-reports', headers: w.sponsor })).statusCode).toBe(403);
});
