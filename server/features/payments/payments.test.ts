import { FAKE_MINI_PROGRAM_APP_ID } from '../../test/fake-payment-env';
import { createPaymentWorld, SPONSOR_ALIPAY_USER, SPONSOR_OPENID, type PaymentWorld } from '../../test/payment-world';
import { saveMerchant } from '../merchants/store';
import { runPaymentQueries } from './settle';

let w: PaymentWorld;

beforeAll(async () => {
  w = await createPaymentWorld();
}, 60_000);
afterAll(() => w.close());

type Platform = 'wechat' | 'alipay';
const create = (platform: Platform, channel: 'jsapi' | 'qr', more: { periods?: number; headers?: Record<string, string>; sponsorship?: string } = {}) =>
  w.app.inject({
    method: 'POST',
    url: `/api/sponsor/sponsorships/${more.sponsorship ?? 'sp-1'}/payment-orders`,
    headers: more.headers ?? w.sponsor,
    payload: { periods: more.periods ?? 1, platform, channel },
  });
const order = async (id: string) => w.app.db.selectFrom('payment_orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const created = async (platform: Platform, channel: 'jsapi' | 'qr' = 'jsapi') => {
  const res = await create(platform, channel);
  expect(res.statusCode).toBe(201);
  const { order: view } = res.json();
  return { id: view.id as string, outTradeNo: (await order(view.id)).out_trade_no, body: res.json() };
};
const ledgerRows = (orderId: string) => w.app.db.selectFrom('ledger_entries').selectAll().where('payment_order_id', '=', orderId).execute();
const noticeUrl = (platform: Platform) => `${w.app.config.payments.publicUrl}/api/payments/notices/${platform}/${w.merchantRefs[platform]}`;
const poll = (id: string) => w.app.inject({ url: `/api/sponsor/payment-orders/${id}`, headers: w.sponsor });
const later = (ms: number) => w.clock.set(new Date(w.clock.now().getTime() + ms));

describe('paying', () => {
  it('WeChat Pay in the mini-program: the order, the sheet, the notice, one ledger row and the sponsor told', async () => {
    const { id, outTradeNo, body } = await created('wechat');
    expect(body.pay).toMatchObject({ kind: 'wechat_jsapi', appId: FAKE_MINI_PROGRAM_APP_ID, signType: 'RSA' });
    expect(body.pay.package).toMatch(/^prepay_id=/);
    expect(body.order).toMatchObject({ status: 'paying', amountFen: 25000, periods: 1, firstDueOn: '2025-09-01', platform: 'wechat', channel: 'jsapi', paidAt: null });
    expect(w.wechat.orders().find((o) => o.outTradeNo === outTradeNo)).toMatchObject({ amountFen: 25000, payer: SPONSOR_OPENID, description: '伴学助学 · 凉山助学会' });

    const delivery = await w.wechat.pay(outTradeNo);
    expect(delivery?.status).toBeLessThan(300);
    const view = (await poll(id)).json();
    expect(view).toMatchObject({ status: 'paid', refundedFen: 0, refunds: [] });
    expect(view.platformTradeId).toMatch(/^42000/);
    const rows = await ledgerRows(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'payment', amount_fen: 25000, sponsorship_id: 'sp-1', occurred_on: '2026-11-29', description: '微信支付 · 1 期' });
    const told = await w.app.db.selectFrom('notifications').selectAll().where('kind', '=', 'payment_confirmed').execute();
    expect(told.map((n) => JSON.parse(n.payload))).toContainEqual(expect.objectContaining({ orderId: id, amountFen: 25000, periods: 1, studentDisplayName: '阿依' }));
    const ledger = (await w.app.inject({ url: '/api/sponsor/sponsorships/sp-1/ledger', headers: w.sponsor })).json();
    expect(ledger.totals.paidFen).toBe(25000);
    expect(ledger.schedule[0].paid).toBe(true);
    expect(ledger.onlinePayment).toEqual({ platforms: ['wechat', 'alipay'], nextDueOn: '2025-10-01', periodAmountFen: 25000, maxPeriods: 33 });
    expect(ledger.paymentInstructions).toContain('用微信支付或支付宝付下一期');
  });

  it('Alipay by QR code: the code as an image, the payer learnt from the platform', async () => {
    const { id, outTradeNo, body } = await created('alipay', 'qr');
    expect(body.pay.kind).toBe('qr');
    expect(body.pay.qrImage).toMatch(/^data:image\/png;base64,/);
    await w.alipay.pay(body.pay.codeUrl, { buyerId: '2088999999999999' });
    expect(w.alipay.deliveries().at(-1)).toMatchObject({ body: 'success' });
    expect((await poll(id)).json().status).toBe('paid');
    expect((await order(id)).payer_subject).toBe('2088999999999999');
    expect(await ledgerRows(id)).toHaveLength(1);
    expect(outTradeNo).toMatch(/^[0-9a-f]{32}$/);
  });

  it('Alipay in the mini-program and WeChat Pay by QR code', async () => {
    const alipay = await created('alipay', 'jsapi');
    expect(alipay.body.pay).toEqual({ kind: 'alipay_trade', tradeNo: expect.any(String) });
    await w.alipay.pay(alipay.outTradeNo, { buyerId: SPONSOR_ALIPAY_USER });
    expect((await poll(alipay.id)).json().status).toBe('paid');
    const wechatQr = await created('wechat', 'qr');
    expect(wechatQr.body.pay.codeUrl).toMatch(/^weixin:\/\//);
    await w.wechat.pay(wechatQr.outTradeNo);
    expect((await order(wechatQr.id)).status).toBe('paid');
  });

  it('several periods complete the pledge in order and never pass it', async () => {
    const ledger = (await w.app.inject({ url: '/api/sponsor/sponsorships/sp-1/ledger', headers: w.sponsor })).json();
    const tooMany = await create('wechat', 'jsapi', { periods: ledger.onlinePayment.maxPeriods + 1 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.code).toBe('TOO_MANY_PERIODS');
    expect(tooMany.json().error.details[0].message).toBe(`最多还能付 ${ledger.onlinePayment.maxPeriods} 期`);
    const three = await create('wechat', 'jsapi', { periods: 3 });
    expect(three.json().order).toMatchObject({ amountFen: 75000, periods: 3, firstDueOn: ledger.onlinePayment.nextDueOn });
    // The open order counts against what the ledger still offers.
    expect((await w.app.inject({ url: '/api/sponsor/sponsorships/sp-1/ledger', headers: w.sponsor })).json().onlinePayment.maxPeriods).toBe(ledger.onlinePayment.maxPeriods - 3);
  });
});

describe('the outcome is decided by the platform only, exactly once', () => {
  it('a notice before the query, then the query: one payment', async () => {
    const { id, outTradeNo } = await created('wechat');
    await w.wechat.pay(outTradeNo);
    later(10_000);
    expect((await poll(id)).json().status).toBe('paid');
    await runPaymentQueries(w.app, w.clock.now());
    expect(await ledgerRows(id)).toHaveLength(1);
  });

  it('the query before the notice, then the notice: one payment', async () => {
    const { id, outTradeNo } = await created('wechat');
    await w.wechat.pay(outTradeNo, { notify: false });
    expect((await poll(id)).json().status).toBe('paying'); // asked less than 5 s ago (at creation)
    later(6_000);
    expect((await poll(id)).json().status).toBe('paid');
    const late = await w.wechat.sendNotice(noticeUrl('wechat'), w.wechat.noticeFor(outTradeNo));
    expect(late.status).toBeLessThan(300);
    expect(await ledgerRows(id)).toHaveLength(1);
  });

  it('the same notice 5 times, then 5 at once: one payment', async () => {
    const { id, outTradeNo } = await created('wechat');
    await w.wechat.pay(outTradeNo, { notify: false });
    const notice = w.wechat.noticeFor(outTradeNo);
    for (let i = 0; i < 5; i += 1) expect((await w.wechat.sendNotice(noticeUrl('wechat'), notice)).status).toBeLessThan(300);
    const answers = await Promise.all(Array.from({ length: 5 }, () => w.wechat.sendNotice(noticeUrl('wechat'), w.wechat.noticeFor(outTradeNo))));
    expect(answers.every((a) => a.status < 300)).toBe(true);
    expect(await ledgerRows(id)).toHaveLength(1);

    const ali = await created('alipay');
    await w.alipay.pay(ali.outTradeNo, { buyerId: SPONSOR_ALIPAY_USER, notify: false });
    const aliAnswers = await Promise.all(Array.from({ length: 5 }, () => w.alipay.sendNotice(noticeUrl('alipay'), w.alipay.noticeFor(ali.outTradeNo))));
    expect(aliAnswers.map((a) => a.body)).toEqual(Array(5).fill('success'));
    expect(await ledgerRows(ali.id)).toHaveLength(1);
  });

  it('a lost notice is found by the query job', async () => {
    const { id, outTradeNo } = await created('alipay');
    await w.alipay.pay(outTradeNo, { buyerId: SPONSOR_ALIPAY_USER, notify: false });
    expect(await runPaymentQueries(w.app, w.clock.now())).toMatchObject({ settled: 0 }); // not due yet
    later(61_000);
    const report = await runPaymentQueries(w.app, w.clock.now());
    expect(report.settled).toBeGreaterThanOrEqual(1);
    expect((await order(id)).status).toBe('paid');
    expect(await ledgerRows(id)).toHaveLength(1);
  });

  it('still unpaid: asked again later, backing off; at expiry closed here and at the platform', async () => {
    const { id, outTradeNo } = await created('wechat');
    later(61_000);
    await runPaymentQueries(w.app, w.clock.now());
    const asked = await order(id);
    expect(asked).toMatchObject({ status: 'paying', query_attempts: 1 });
    expect(Date.parse(asked.next_query_at!) - w.clock.now().getTime()).toBe(60_000);
    later(30 * 60_000);
    await runPaymentQueries(w.app, w.clock.now());
    expect((await order(id)).status).toBe('closed');
    expect(w.wechat.orders().find((o) => o.outTradeNo === outTradeNo)?.state).toBe('CLOSED');
    expect(await ledgerRows(id)).toHaveLength(0);
  });

  it('refuses forged, replayed and probing notices with no change', async () => {
    const { id, outTradeNo } = await created('wechat');
    await w.wechat.pay(outTradeNo, { notify: false });
    for (const tamper of ['signature', 'signtest', 'timestamp', 'ciphertext', 'serial'] as const) {
      const answer = await w.wechat.sendNotice(noticeUrl('wechat'), w.wechat.noticeFor(outTradeNo, { tamper }));
      expect({ tamper, ok: answer.status < 300 }).toEqual({ tamper, ok: false });
    }
    expect((await order(id)).status).toBe('paying');
    expect(await ledgerRows(id)).toHaveLength(0);
    expect(w.logs.join('')).toContain('payment notice refused');

    // A notice verified with another NGO's keys (entered by that NGO's admin) never settles this NGO's order.
    const otherRef = await saveMerchant(
      w.app.db,
      w.app.config.payments.secretsKey,
      { ngoId: 'ngo-b', settings: { platform: 'wechat', ...w.wechat.direct }, enabled: true, updatedBy: null },
      w.clock.now(),
    );
    const elsewhere = await w.wechat.sendNotice(`${w.app.config.payments.publicUrl}/api/payments/notices/wechat/${otherRef}`, w.wechat.noticeFor(outTradeNo));
    expect(elsewhere.status).toBeLessThan(300);
    expect((await order(id)).status).toBe('paying');
    expect(await ledgerRows(id)).toHaveLength(0);
    const strayAlert = await w.app.db.selectFrom('payment_alerts').select(['ngo_id', 'kind']).where('dedupe_key', '=', `unknown_order:wechat:${outTradeNo}`).execute();
    expect(strayAlert).toEqual([{ ngo_id: 'ngo-b', kind: 'unknown_order' }]);
    await w.app.db.deleteFrom('ngo_merchants').where('id', '=', otherRef).execute();

    const ali = await created('alipay');
    await w.alipay.pay(ali.outTradeNo, { buyerId: SPONSOR_ALIPAY_USER, notify: false });
    for (const tamper of ['signature', 'amount-after-signing'] as const) {
      const answer = await w.alipay.sendNotice(noticeUrl('alipay'), w.alipay.noticeFor(ali.outTradeNo, { tamper }));
      expect(answer.body).not.toBe('success');
    }
    expect(await ledgerRows(ali.id)).toHaveLength(0);
    // A notice for a merchant that does not exist is refused too.
    const unknown = await w.app.inject({ method: 'POST', url: '/api/payments/notices/wechat/no-such-merchant', headers: { 'content-type': 'application/json' }, payload: '{}' });
    expect(unknown.statusCode).toBe(404);
  });

  it.each([
    ['amount_mismatch', { amountFen: 1 }],
    ['merchant_mismatch', { mchid: '1230000999' }],
    ['payer_mismatch', { payer: 'oSomeoneElse' }],
  ] as const)('%s: an alert for the NGO admin, never a payment', async (kind, pay) => {
    const { id, outTradeNo } = await created('wechat');
    await w.wechat.pay(outTradeNo, pay);
    expect((await order(id))).toMatchObject({ status: 'failed', failure_reason: kind });
    expect(await ledgerRows(id)).toHaveLength(0);
    const alerts = await w.app.db.selectFrom('payment_alerts').selectAll().where('order_id', '=', id).execute();
    expect(alerts.map((a) => a.kind)).toEqual([kind]);
    const adminTold = await w.app.db.selectFrom('notifications').select('payload').where('account_id', '=', 'acc-admin-a').where('kind', '=', 'payment_alert').execute();
    expect(adminTold.map((n) => JSON.parse(n.payload))).toContainEqual({ alertId: alerts[0].id, kind, orderId: id });
    // The same notice again raises nothing more.
    await w.wechat.sendNotice(noticeUrl('wechat'), w.wechat.noticeFor(outTradeNo, pay));
    expect(await w.app.db.selectFrom('payment_alerts').select('id').where('order_id', '=', id).execute()).toHaveLength(1);
  });
});

describe('who may pay what', () => {
  it('a retried request (same Idempotency-Key) makes one order', async () => {
    const send = () =>
      w.app.inject({
        method: 'POST',
        url: '/api/sponsor/sponsorships/sp-1/payment-orders',
        headers: { ...w.sponsor, 'idempotency-key': 'pay-once-1' },
        payload: { periods: 1, platform: 'wechat', channel: 'jsapi' },
      });
    const before = w.wechat.orders().length;
    const first = await send();
    const retry = await send();
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replay']).toBe('true');
    expect(retry.json().order.id).toBe(first.json().order.id);
    expect(w.wechat.orders().length).toBe(before + 1);
  });

  it('a new order closes the open one first (here and at the platform)', async () => {
    const first = await created('wechat');
    later(1_000);
    const second = await created('alipay');
    expect((await order(first.id)).status).toBe('closed');
    expect(w.wechat.orders().find((o) => o.outTradeNo === first.outTradeNo)?.state).toBe('CLOSED');
    expect((await order(second.id)).status).toBe('paying');
    const list = (await w.app.inject({ url: '/api/sponsor/sponsorships/sp-1/payment-orders', headers: w.sponsor })).json();
    expect(list.items[0].id).toBe(second.id);
    expect(list.items.filter((o: { status: string }) => o.status === 'paying')).toHaveLength(1);
  });

  it('a payment made on the open order meanwhile is recorded, not lost', async () => {
    const first = await created('wechat');
    await w.wechat.pay(first.outTradeNo, { notify: false });
    const second = await created('wechat');
    expect((await order(first.id)).status).toBe('paid');
    expect(await ledgerRows(first.id)).toHaveLength(1);
    expect(second.body.order.firstDueOn > first.body.order.firstDueOn).toBe(true);
  });

  it('refuses a reservation (the review period is never skipped), an NGO without payment, and a payer without an account', async () => {
    await w.app.db.updateTable('sponsorships').set({ status: 'reserved' }).where('id', '=', 'sp-2').execute();
    const reserved = await create('wechat', 'jsapi', { sponsorship: 'sp-2' });
    expect([reserved.statusCode, reserved.json().error.code]).toEqual([409, 'SPONSORSHIP_NOT_PAYABLE']);
    await w.app.db.updateTable('sponsorships').set({ status: 'active' }).where('id', '=', 'sp-2').execute();
    const noMerchant = await create('wechat', 'jsapi', { sponsorship: 'sp-2' });
    expect([noMerchant.statusCode, noMerchant.json().error.code]).toEqual([409, 'PAYMENT_NOT_AVAILABLE']);
    const ledger = (await w.app.inject({ url: '/api/sponsor/sponsorships/sp-2/ledger', headers: w.sponsor })).json();
    expect(ledger.onlinePayment).toBeNull();
    expect(ledger.paymentInstructions).toContain('还没有开通');

    const noIdentity = await create('wechat', 'jsapi', { sponsorship: 'sp-3', headers: w.otherSponsor });
    expect([noIdentity.statusCode, noIdentity.json().error.code]).toEqual([409, 'PAYER_ACCOUNT_NEEDED']);
    expect((await create('wechat', 'qr', { sponsorship: 'sp-3', headers: w.otherSponsor })).statusCode).toBe(201);
  });

  it('another sponsor’s sponsorship and orders are not found', async () => {
    expect((await create('wechat', 'jsapi', { headers: w.otherSponsor })).statusCode).toBe(404);
    const mine = await created('wechat', 'qr');
    expect((await w.app.inject({ url: `/api/sponsor/payment-orders/${mine.id}`, headers: w.otherSponsor })).statusCode).toBe(404);
    expect((await w.app.inject({ url: '/api/sponsor/sponsorships/sp-1/payment-orders', headers: w.otherSponsor })).statusCode).toBe(404);
    expect((await w.app.inject({ url: `/api/sponsor/payment-orders/${mine.id}`, headers: w.admin })).statusCode).toBe(403);
  });
});

describe('refunds', () => {
  it('a refund notice settles the refund; the ledger lists it and counts paid net of it', async () => {
    const { id, outTradeNo } = await created('wechat');
    await w.wechat.pay(outTradeNo);
    const before = (await w.app.inject({ url: '/api/sponsor/sponsorships/sp-1/ledger', headers: w.sponsor })).json();
    w.wechat.holdRefunds(true);
    const refund = await w.app.inject({
      method: 'POST',
      url: `/api/staff/payment-orders/${id}/refunds`,
      headers: { ...w.admin, 'idempotency-key': `refund-${id}` },
      payload: { amountFen: 10000, reason: '重复付款' },
    });
    w.wechat.holdRefunds(false);
    expect(refund.statusCode).toBe(201);
    const row = await w.app.db.selectFrom('payment_refunds').selectAll().where('order_id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).not.toBe('succeeded');
    await w.wechat.finishRefund(row.out_refund_no, 'SUCCESS', true);
    await w.wechat.idle();
    expect((await poll(id)).json()).toMatchObject({ status: 'paid', refundedFen: 10000, refunds: [{ amountFen: 10000, status: 'succeeded' }] });
    const after = (await w.app.inject({ url: '/api/sponsor/sponsorships/sp-1/ledger', headers: w.sponsor })).json();
    expect(after.totals.paidFen).toBe(before.totals.paidFen - 10000);
    expect(after.payments.filter((p: { amountFen: number }) => p.amountFen === -10000)).toHaveLength(1);
  });
});
