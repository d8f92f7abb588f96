import type { FastifyInstance } from 'fastify';
import { createPaymentWorld, type PaymentWorld } from '../test/payment-world';
import { keepPage, keepPages, pageOf, readAfterWrite } from './page-cache-test-support';

/**
 * After every write to the money a sponsor sees, their next read of the ledger (and the timeline for
 * disbursements) shows it, on the instance that kept the pages and on the other one. The versions
 * come from the triggers of migration 015 on `ledger_entries`, `payment_orders`, `ngo_merchants` and
 * `ngos` itself (payment details: the NGO's version).
 */
jest.setTimeout(30_000);

let w: PaymentWorld;
let a: FastifyInstance;
let b: FastifyInstance;

beforeAll(async () => {
  w = await createPaymentWorld();
  a = w.app;
  b = await w.anotherInstance();
}, 60_000);
afterAll(() => w.close());

const send = (app: FastifyInstance, method: 'POST' | 'PUT', url: string, headers: Record<string, string>, payload: object) => app.inject({ method, url, headers, payload });
const byId = <T extends { id: string }>(items: T[], id: string) => items.find((item) => item.id === id);

test('a disbursement recorded by the NGO is on the timeline and the ledger', async () => {
  const kept = await keepPages(a, 'sp-1', ['ledger', 'timeline'], w.sponsor);
  expect(kept.ledger.body.totals.disbursedFen).toBe(0);
  const disbursement = { amountFen: 50000, occurredOn: '2026-11-20', category: 'tuition', payee: '昭觉县民族中学', payeeKind: 'school', description: '秋季学期学费' };
  const res = await send(b, 'POST', '/api/staff/sponsorships/sp-1/disbursements', w.admin, disbursement);
  expect(res.statusCode).toBe(201);

  const timeline = await readAfterWrite(a, b, kept.timeline, w.sponsor);
  expect(byId(timeline.items, res.json().id)).toMatchObject({ kind: 'disbursement', paidOn: '2026-11-20', category: 'tuition', amountFen: 50000 });
  const ledger = await readAfterWrite(a, b, kept.ledger, w.sponsor);
  expect(ledger.totals.disbursedFen).toBe(50000);
  expect(byId(ledger.disbursements, res.json().id)).toMatchObject({ occurredOn: '2026-11-20', amountFen: 50000 });
});

let manualPaymentId: string;

test('a payment recorded by the NGO is in the ledger’s totals', async () => {
  const kept = await keepPage(a, pageOf.ledger('sp-1'), w.sponsor);
  const res = await send(b, 'POST', '/api/staff/sponsorships/sp-1/payments', w.admin, { amountFen: 75000, receivedOn: '2026-11-20', note: '银行转账' });
  expect(res.statusCode).toBe(201);
  manualPaymentId = res.json().id;
  const ledger = await readAfterWrite(a, b, kept, w.sponsor);
  expect(ledger.totals.paidFen).toBe(kept.body.totals.paidFen + 75000);
  expect(byId(ledger.payments, manualPaymentId)).toMatchObject({ amountFen: 75000, receiptNumber: null });
});

test('a receipt number set by the NGO is in the ledger', async () => {
  const kept = await keepPage(a, pageOf.ledger('sp-1'), w.sponsor);
  const res = await send(b, 'PUT', `/api/staff/ledger-entries/${manualPaymentId}/receipt-number`, w.admin, { receiptNumber: 'JZ-2026-0042' });
  expect(res.statusCode).toBe(200);
  expect(byId((await readAfterWrite(a, b, kept, w.sponsor)).payments, manualPaymentId)).toMatchObject({ receiptNumber: 'JZ-2026-0042' });
});

test('payment details changed by the NGO admin are the ledger’s payTo (the NGO’s version)', async () => {
  const kept = await keepPage(a, pageOf.ledger('sp-1'), w.sponsor);
  expect(kept.body.payTo.bankTransfer).toBeNull();
  const res = await send(b, 'PUT', '/api/staff/ngo/payment-details', w.admin, {
    bankAccountName: '凉山助学会',
    bankName: '中国农业银行西昌分行',
    bankAccountNumber: '6228480123456789012',
    paymentInstructions: '转账备注请写资助编号。',
    contactName: '阿西老师',
    contactPhone: '0834-3210000',
    contactEmail: 'donors@liangshan.example.org',
  });
  expect(res.statusCode).toBe(200);
  expect((await readAfterWrite(a, b, kept, w.sponsor)).payTo).toMatchObject({
    bankTransfer: { accountName: '凉山助学会', bankName: '中国农业银行西昌分行', accountNumber: '6228 4801 2345 6789 012' },
    instructions: '转账备注请写资助编号。',
  });
});

test('a merchant disabled, then enabled, by the NGO admin is in the ledger’s onlinePayment', async () => {
  const saveAlipay = async (enabled: boolean) => {
    const current = (await b.inject({ url: '/api/staff/ngo/merchants', headers: w.admin })).json().alipay;
    const res = await send(b, 'PUT', '/api/staff/ngo/merchants/alipay', w.admin, {
      mode: 'direct',
      appId: current.merchantId,
      privateKey: '',
      alipayPublicKey: '',
      enabled,
      expectedUpdatedAt: current.updatedAt,
    });
    expect(res.statusCode).toBe(200);
  };
  let kept = await keepPage(a, pageOf.ledger('sp-1'), w.sponsor);
  expect(kept.body.onlinePayment.platforms).toEqual(['wechat', 'alipay']);
  await saveAlipay(false);
  expect((await readAfterWrite(a, b, kept, w.sponsor)).onlinePayment.platforms).toEqual(['wechat']);

  kept = await keepPage(a, pageOf.ledger('sp-1'), w.sponsor);
  await saveAlipay(true);
  expect((await readAfterWrite(a, b, kept, w.sponsor)).onlinePayment.platforms).toEqual(['wechat', 'alipay']);
});

describe('paying in the app', () => {
  let orderId: string;

  test('an order opened by the sponsor takes its periods out of what is still payable', async () => {
    const kept = await keepPage(a, pageOf.ledger('sp-1'), w.sponsor);
    const res = await send(b, 'POST', '/api/sponsor/sponsorships/sp-1/payment-orders', w.sponsor, { periods: 1, platform: 'wechat', channel: 'jsapi' });
    expect(res.statusCode).toBe(201);
    orderId = res.json().order.id;
    expect((await readAfterWrite(a, b, kept, w.sponsor)).onlinePayment.maxPeriods).toBe(kept.body.onlinePayment.maxPeriods - 1);
  });

  test('the order paid (the platform’s notice reaches A) is in the ledger kept by B', async () => {
    // The fake platform notifies the listening instance (A), so here B keeps the page.
    const kept = await keepPage(b, pageOf.ledger('sp-1'), w.sponsor);
    const { out_trade_no: outTradeNo } = await a.db.selectFrom('payment_orders').select('out_trade_no').where('id', '=', orderId).executeTakeFirstOrThrow();
    await w.wechat.pay(outTradeNo);
    expect((await a.db.selectFrom('payment_orders').select('status').where('id', '=', orderId).executeTakeFirstOrThrow()).status).toBe('paid');
    const ledger = await readAfterWrite(b, a, kept, w.sponsor);
    expect(ledger.totals.paidFen).toBe(kept.body.totals.paidFen + 25000);
    expect(ledger.payments).toHaveLength(kept.body.payments.length + 1);
  });

  test('a refund by the NGO admin is in the ledger', async () => {
    const kept = await keepPage(a, pageOf.ledger('sp-1'), w.sponsor);
    const res = await send(b, 'POST', `/api/staff/payment-orders/${orderId}/refunds`, w.admin, { amountFen: 10000, reason: '重复支付，退还部分' });
    expect(res.json()).toMatchObject({ status: 'succeeded' });
    const ledger = await readAfterWrite(a, b, kept, w.sponsor);
    expect(ledger.totals.paidFen).toBe(kept.body.totals.paidFen - 10000);
    expect(ledger.payments.filter((p: { amountFen: number }) => p.amountFen === -10000)).toHaveLength(1);
  });
});
