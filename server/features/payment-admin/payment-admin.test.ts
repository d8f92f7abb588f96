import { bearerFor } from '../../test/fixtures';
import { createPaymentWorld, type PaymentWorld } from '../../test/payment-world';
import { runRefundQueries } from './refunds';

let w: PaymentWorld;
let caseworker: { authorization: string };
let otherNgoCaseworker: { authorization: string };

beforeAll(async () => {
  w = await createPaymentWorld();
  caseworker = await bearerFor(w.app.db, 'acc-cw-a', w.clock.now());
  otherNgoCaseworker = await bearerFor(w.app.db, 'acc-cw-b', w.clock.now());
}, 60_000);
afterAll(() => w.close());

const later = (ms: number) => w.clock.set(new Date(w.clock.now().getTime() + ms));

/** The sponsor pays one period of sp-1 (250 yuan) with WeChat Pay; the verified notice makes it paid. */
async function paidOrder(): Promise<{ id: string; outTradeNo: string; amountFen: number }> {
  const res = await w.app.inject({
    method: 'POST',
    url: '/api/sponsor/sponsorships/sp-1/payment-orders',
    headers: w.sponsor,
    payload: { periods: 1, platform: 'wechat', channel: 'jsapi' },
  });
  expect(res.statusCode).toBe(201);
  const { id, amountFen } = res.json().order as { id: string; amountFen: number };
  const { out_trade_no: outTradeNo } = await w.app.db.selectFrom('payment_orders').select('out_trade_no').where('id', '=', id).executeTakeFirstOrThrow();
  await w.wechat.pay(outTradeNo);
  expect((await w.app.db.selectFrom('payment_orders').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('paid');
  return { id, outTradeNo, amountFen };
}

const refund = (orderId: string, payload: object, headers: Record<string, string> = w.admin, key?: string) =>
  w.app.inject({ method: 'POST', url: `/api/staff/payment-orders/${orderId}/refunds`, payload, headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) } });
const refundRows = (orderId: string) => w.app.db.selectFrom('payment_refunds').selectAll().where('order_id', '=', orderId).orderBy('created_at').execute();
const refundLedgerRows = (orderId: string) =>
  w.app.db
    .selectFrom('ledger_entries')
    .innerJoin('payment_refunds', 'payment_refunds.id', 'ledger_entries.refund_id')
    .select(['ledger_entries.kind', 'ledger_entries.amount_fen', 'ledger_entries.refund_id', 'ledger_entries.description', 'ledger_entries.occurred_on'])
    .where('payment_refunds.order_id', '=', orderId)
    .execute();
const paidTotal = async () => (await w.app.inject({ url: '/api/sponsor/sponsorships/sp-1/ledger', headers: w.sponsor })).json().totals.paidFen as number;
const staffOrder = async (id: string) => {
  const page = (await w.app.inject({ url: '/api/staff/payment-orders?limit=100', headers: w.admin })).json();
  return page.items.find((o: { id: string }) => o.id === id);
};

describe('refunds', () => {
  it('part then the rest: the ledger’s paid total drops, the sponsor is told, both sides see it; never more than the order', async () => {
    const { id } = await paidOrder();
    const before = await paidTotal();

    const part = await refund(id, { amountFen: 10000, reason: '重复支付，退还部分' });
    expect(part.statusCode).toBe(201);
    expect(part.json()).toMatchObject({ amountFen: 10000, reason: '重复支付，退还部分', status: 'succeeded', finishedAt: '2026-11-29T04:00:00.000Z' });
    expect(await paidTotal()).toBe(before - 10000);

    const tooMuch = await refund(id, { amountFen: 15001, reason: '全部退还' }, { ...w.admin, 'accept-language': 'en-US' });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().error).toMatchObject({ code: 'REFUND_EXCEEDS_REMAINDER', details: [{ field: 'body.amountFen', message: 'at most ¥150.00 can still be refunded' }] });

    later(1000);
    const rest = await refund(id, { amountFen: 15000, reason: '全部退还' });
    expect(rest.json().status).toBe('succeeded');
    expect(await paidTotal()).toBe(before - 25000);
    expect((await refund(id, { amountFen: 1, reason: '再退' })).json().error.code).toBe('REFUND_EXCEEDS_REMAINDER');

    // The platform's refund notices arrive afterwards and change nothing.
    await w.wechat.idle();
    const ledger = await refundLedgerRows(id);
    expect(ledger.map((r) => r.amount_fen).sort()).toEqual([10000, 15000]);
    expect(ledger.every((r) => r.kind === 'refund' && r.occurred_on === '2026-11-29' && r.description.startsWith('退款（微信支付）'))).toBe(true);
    const outRefundNos = (await refundRows(id)).map((r) => r.out_refund_no);
    expect(w.wechat.orders().find((o) => o.refunds.length > 0 && outRefundNos.includes(o.refunds[0].outRefundNo))?.refunds.map((r) => r.amountFen)).toEqual([10000, 15000]);

    const told = await w.app.db.selectFrom('notifications').select(['account_id', 'payload']).where('kind', '=', 'payment_refunded').execute();
    expect(told.filter((n) => JSON.parse(n.payload).orderId === id).map((n) => [n.account_id, JSON.parse(n.payload)])).toEqual([
      ['acc-sponsor-1', { sponsorshipId: 'sp-1', studentId: 'student-a1', studentDisplayName: '阿依', orderId: id, refundId: part.json().id, amountFen: 10000 }],
      ['acc-sponsor-1', { sponsorshipId: 'sp-1', studentId: 'student-a1', studentDisplayName: '阿依', orderId: id, refundId: rest.json().id, amountFen: 15000 }],
    ]);
    const sponsorView = (await w.app.inject({ url: `/api/sponsor/payment-orders/${id}`, headers: w.sponsor })).json();
    expect(sponsorView).toMatchObject({ refundedFen: 25000, refunds: [{ amountFen: 10000, status: 'succeeded' }, { amountFen: 15000, status: 'succeeded' }] });
    expect(await staffOrder(id)).toMatchObject({ status: 'paid', refundedFen: 25000, refundableFen: 0, sponsorName: '北京的王老师', studentName: '吉克阿依' });
    const audits = await w.app.db.selectFrom('audit_log').select(['action', 'actor_account_id']).where('action', 'like', 'payment.refund.%').execute();
    expect(audits.filter((a) => a.action === 'payment.refund.request').every((a) => a.actor_account_id === 'acc-admin-a')).toBe(true);
  });

  it('two refunds at once never pass the order’s amount', async () => {
    const { id, amountFen } = await paidOrder();
    const half = Math.floor(amountFen / 2) + 1;
    const answers = await Promise.all([refund(id, { amountFen: half, reason: '退款一' }), refund(id, { amountFen: half, reason: '退款二' })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(await refundRows(id)).toHaveLength(1);
  });

  it('a retry with the same Idempotency-Key replays: one refund, one ledger row', async () => {
    const { id } = await paidOrder();
    const first = await refund(id, { amountFen: 5000, reason: '部分退款' }, w.admin, 'refund-key-1');
    const again = await refund(id, { amountFen: 5000, reason: '部分退款' }, w.admin, 'refund-key-1');
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(await refundRows(id)).toHaveLength(1);
    expect(await refundLedgerRows(id)).toHaveLength(1);
  });

  it('a platform call that fails is retried by the job with the same out_refund_no', async () => {
    const { id, outTradeNo, amountFen } = await paidOrder();
    w.wechat.failNext(/\/v3\/refund\/domestic\/refunds$/, 500, 'SYSTEM_ERROR');
    const res = await refund(id, { amountFen, reason: '学生离开项目' });
    expect(res.json().status).toBe('requested');
    const [row] = await refundRows(id);
    expect(w.wechat.orders().find((o) => o.outTradeNo === outTradeNo)!.refunds).toHaveLength(0);
    expect(await refundLedgerRows(id)).toHaveLength(0);
    // Too early: the job leaves it alone.
    expect((await runRefundQueries(w.app, w.clock.now())).checked).toBe(0);

    later(2 * 60_000);
    expect(await runRefundQueries(w.app, w.clock.now())).toEqual({ checked: 1, settled: 1 });
    expect(w.wechat.orders().find((o) => o.outTradeNo === outTradeNo)!.refunds.map((r) => r.outRefundNo)).toEqual([row.out_refund_no]);
    expect((await refundRows(id))[0]).toMatchObject({ status: 'succeeded', out_refund_no: row.out_refund_no });
    expect(await refundLedgerRows(id)).toHaveLength(1);
  });

  it('a refund the platform is still processing is queried until it succeeds', async () => {
    const { id } = await paidOrder();
    w.wechat.holdRefunds(true);
    try {
      expect((await refund(id, { amountFen: 1000, reason: '部分退款' })).json().status).toBe('processing');
    } finally {
      w.wechat.holdRefunds(false);
    }
    const [row] = await refundRows(id);
    await w.wechat.finishRefund(row.out_refund_no, 'SUCCESS', false);
    later(2 * 60_000);
    expect(await runRefundQueries(w.app, w.clock.now())).toEqual({ checked: 1, settled: 1 });
    expect((await refundRows(id))[0].status).toBe('succeeded');
    expect(await refundLedgerRows(id)).toHaveLength(1);
  });

  it('a refund the platform refuses fails with an alert for the NGO admin; nothing reaches the ledger', async () => {
    const { id, amountFen } = await paidOrder();
    w.wechat.failNext(/\/v3\/refund\/domestic\/refunds$/, 400, 'INVALID_REQUEST');
    const res = await refund(id, { amountFen, reason: '部分退款' });
    expect(res.json().status).toBe('failed');
    expect(await refundLedgerRows(id)).toHaveLength(0);
    const alerts = await w.app.db.selectFrom('payment_alerts').selectAll().where('kind', '=', 'refund_failed').where('order_id', '=', id).execute();
    expect(alerts).toHaveLength(1);
    expect(JSON.parse(alerts[0].detail)).toEqual({ refundId: res.json().id, amountFen, code: 'INVALID_REQUEST' });
    const notices = await w.app.db.selectFrom('notifications').select(['account_id', 'payload']).where('kind', '=', 'payment_alert').execute();
    expect(notices.map((n) => [n.account_id, JSON.parse(n.payload)])).toContainEqual(['acc-admin-a', { alertId: alerts[0].id, kind: 'refund_failed', orderId: id }]);
    // A failed refund no longer counts against what may be refunded.
    expect((await staffOrder(id)).refundableFen).toBe(amountFen);
  });

  it('refuses a caseworker (403), another NGO’s order (404), an unpaid order (409) and an empty reason (400)', async () => {
    const { id } = await paidOrder();
    expect((await refund(id, { amountFen: 100, reason: '退款' }, caseworker)).statusCode).toBe(403);
    expect((await refund(id, { amountFen: 100, reason: '' })).statusCode).toBe(400);
    expect((await refund(id, { amountFen: 100, reason: '   ' })).statusCode).toBe(400);
    expect((await refund(id, { amountFen: 0, reason: '退款' })).statusCode).toBe(400);
    const at = w.clock.now().toISOString();
    const base = { sponsor_id: 'sponsor-1', platform: 'wechat' as const, channel: 'jsapi' as const, merchant_id: '1900000001', amount_fen: 25000, periods: 1, first_due_on: '2026-03-01', payer_subject: null, platform_trade_id: null, failure_reason: null, created_at: at, updated_at: at, expires_at: at, paid_at: null, closed_at: null, next_query_at: null };
    await w.app.db
      .insertInto('payment_orders')
      .values([
        { ...base, id: 'order-ngo-b', out_trade_no: 'outngob', sponsorship_id: 'sp-2', ngo_id: 'ngo-b', status: 'paid', paid_at: at },
        { ...base, id: 'order-unpaid', out_trade_no: 'outunpaid', sponsorship_id: 'sp-1', ngo_id: 'ngo-a', status: 'paying' },
      ])
      .execute();
    expect((await refund('order-ngo-b', { amountFen: 100, reason: '退款' })).statusCode).toBe(404);
    expect((await refund('order-unpaid', { amountFen: 100, reason: '退款' })).json().error.code).toBe('ORDER_NOT_REFUNDABLE');
    expect(await refundRows('order-ngo-b')).toHaveLength(0);
  });
});

describe('the orders list', () => {
  it('newest first, by status, paged; caseworkers read; another NGO sees none of them', async () => {
    const all = (await w.app.inject({ url: '/api/staff/payment-orders?limit=100', headers: caseworker })).json();
    expect(all.items.length).toBeGreaterThan(3);
    const created = all.items.map((o: { createdAt: string }) => o.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    expect(all.items.every((o: { sponsorshipId: string }) => o.sponsorshipId === 'sp-1')).toBe(true);

    const paying = (await w.app.inject({ url: '/api/staff/payment-orders?status=paying', headers: w.admin })).json();
    expect(paying.items.map((o: { id: string }) => o.id)).toEqual(['order-unpaid']);
    expect(paying.items[0]).toMatchObject({ refundableFen: 0, refunds: [] });

    const first = (await w.app.inject({ url: '/api/staff/payment-orders?limit=2', headers: w.admin })).json();
    const second = (await w.app.inject({ url: `/api/staff/payment-orders?limit=2&cursor=${first.nextCursor}`, headers: w.admin })).json();
    expect([...first.items, ...second.items].map((o: { id: string }) => o.id)).toEqual(all.items.slice(0, 4).map((o: { id: string }) => o.id));

    const other = (await w.app.inject({ url: '/api/staff/payment-orders', headers: otherNgoCaseworker })).json();
    expect(other.items.map((o: { id: string }) => o.id)).toEqual(['order-ngo-b']);
    expect((await w.app.inject({ url: '/api/staff/payment-orders', headers: w.sponsor })).statusCode).toBe(403);
  });
});

describe('payment alerts', () => {
  it('lists open alerts with their order; the admin resolves one with a note (audited, twice is harmless)', async () => {
    const open = (await w.app.inject({ url: '/api/staff/payment-alerts', headers: caseworker })).json();
    const alert = open.items.find((a: { kind: string }) => a.kind === 'refund_failed');
    expect(alert).toMatchObject({ platform: 'wechat', resolvedAt: null, detail: { code: 'INVALID_REQUEST' }, order: { status: 'paid', studentName: '吉克阿依', sponsorName: '北京的王老师' } });
    expect((await w.app.inject({ url: '/api/staff/payment-alerts', headers: otherNgoCaseworker })).json().items).toEqual([]);

    const resolve = (headers: Record<string, string>, id = alert.id) =>
      w.app.inject({ method: 'POST', url: `/api/staff/payment-alerts/${id}/resolve`, headers, payload: { note: '已与赞助人电话确认，改为线下退款' } });
    expect((await resolve(caseworker)).statusCode).toBe(403);
    expect((await resolve(w.admin, 'no-such-alert')).statusCode).toBe(404);
    const done = await resolve(w.admin);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ id: alert.id, resolvedAt: w.clock.now().toISOString(), resolvedByName: '李主任' });
    later(60_000);
    expect((await resolve(w.admin)).json().resolvedAt).toBe(done.json().resolvedAt);
    const audits = await w.app.db.selectFrom('audit_log').select(['reason', 'actor_account_id']).where('action', '=', 'payment.alert.resolve').execute();
    expect(audits).toEqual([{ reason: '已与赞助人电话确认，改为线下退款', actor_account_id: 'acc-admin-a' }]);

    const stillOpen = (await w.app.inject({ url: '/api/staff/payment-alerts?state=open', headers: w.admin })).json();
    expect(stillOpen.items.map((a: { id: string }) => a.id)).not.toContain(alert.id);
    const resolved = (await w.app.inject({ url: '/api/staff/payment-alerts?state=resolved', headers: w.admin })).json();
    expect(resolved.items.map((a: { id: string }) => a.id)).toEqual([alert.id]);
  });
});

describe('receipt numbers', () => {
  const put = (entryId: string, receiptNumber: string | null, headers: Record<string, string> = w.admin) =>
    w.app.inject({ method: 'PUT', url: `/api/staff/ledger-entries/${entryId}/receipt-number`, headers, payload: { receiptNumber } });

  it('recorded with a manual payment, then set, cleared and refused; sponsors see it on their ledger', async () => {
    const manual = await w.app.inject({
      method: 'POST',
      url: '/api/staff/sponsorships/sp-1/payments',
      headers: w.admin,
      payload: { amountFen: 30000, receivedOn: '2026-11-20', receiptNumber: 'JZ-2026-0001' },
    });
    expect(manual.statusCode).toBe(201);
    expect(manual.json().receiptNumber).toBe('JZ-2026-0001');

    const [online] = await w.app.db.selectFrom('ledger_entries').select('id').where('kind', '=', 'payment').where('payment_order_id', 'is not', null).limit(1).execute();
    const set = await put(online.id, 'JZ-2026-0002');
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ id: online.id, receiptNumber: 'JZ-2026-0002' });
    const ledger = (await w.app.inject({ url: '/api/sponsor/sponsorships/sp-1/ledger', headers: w.sponsor })).json();
    const numbers = Object.fromEntries(ledger.payments.map((p: { id: string; receiptNumber: string | null }) => [p.id, p.receiptNumber]));
    expect(numbers[online.id]).toBe('JZ-2026-0002');
    expect(numbers[manual.json().id]).toBe('JZ-2026-0001');

    expect((await put(online.id, null)).json().receiptNumber).toBeNull();
    expect((await w.app.db.selectFrom('ledger_entries').select('receipt_number').where('id', '=', online.id).executeTakeFirstOrThrow()).receipt_number).toBeNull();
    const audits = await w.app.db.selectFrom('audit_log').select('detail').where('action', '=', 'ledger.receipt_number.set').where('entity_id', '=', online.id).orderBy('at').execute();
    expect(audits.map((a) => JSON.parse(a.detail!))).toEqual([
      { sponsorshipId: 'sp-1', before: null, after: 'JZ-2026-0002' },
      { sponsorshipId: 'sp-1', before: 'JZ-2026-0002', after: null },
    ]);

    expect((await put(online.id, 'JZ 2026/3')).statusCode).toBe(400);
    expect((await put(online.id, 'X'.repeat(41))).statusCode).toBe(400);
    expect((await put(online.id, 'JZ-3', caseworker)).statusCode).toBe(403);
    const [refundRow] = await w.app.db.selectFrom('ledger_entries').select('id').where('kind', '=', 'refund').limit(1).execute();
    expect((await put(refundRow.id, 'JZ-3')).json().error.code).toBe('LEDGER_ENTRY_NOT_PAYMENT');
    const elsewhere = await w.app.db
      .insertInto('ledger_entries')
      .values({ id: 'entry-ngo-b', sponsorship_id: 'sp-2', kind: 'payment', amount_fen: 100, occurred_on: '2026-11-01', category: null, payee: null, payee_kind: null, description: '转账', receipt_key: null, recorded_by: null, created_at: '2026-11-01T00:00:00.000Z' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await put(elsewhere.id, 'JZ-3')).statusCode).toBe(404);
  });
});

it('an order paid to a merchant since replaced under another id is not refunded through the new one', async () => {
  const { id } = await paidOrder();
  await w.useMerchant('wechat', 'sub_merchant');
  const res = await refund(id, { amountFen: 100, reason: '退款' });
  expect(res.json().status).toBe('failed');
  const [row] = await refundRows(id);
  expect(row.failure_reason).toBe('MERCHANT_CHANGED');
  expect(w.wechat.orders().flatMap((o) => o.refunds).filter((r) => r.outRefundNo === row.out_refund_no)).toEqual([]);
  expect(await refundLedgerRows(id)).toHaveLength(0);
});
