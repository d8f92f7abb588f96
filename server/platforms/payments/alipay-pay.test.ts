import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeAlipay, type FakeAlipay } from '../../test/fake-alipay';
import { createAlipayGateway, type AlipayGatewayOptions } from './alipay-pay';
import { NoticeRejected, PlatformPayError, type AlipayMerchant, type CreateOrderInput, type PaymentGateway } from './gateway';

let fake: FakeAlipay;
const START = new Date('2026-12-05T02:00:00Z');
let clock = START;
const NOTIFY_URL = 'http://127.0.0.1:9/api/payments/notices/alipay/m1';
const BUYER = '2088102177846880';

beforeAll(async () => {
  fake = await startFakeAlipay({ now: () => clock });
});
beforeEach(() => {
  clock = START;
});
afterAll(() => fake.close());

const options = (): AlipayGatewayOptions => ({ gatewayUrl: fake.url, serverApp: fake.serverApp, timeoutMs: 5000 });
let counter = 0;
const order = (overrides: Partial<CreateOrderInput> = {}): CreateOrderInput => ({
  outTradeNo: `BX${Date.now()}${(counter += 1)}`,
  amountFen: 1999,
  description: '伴学资助, 一期',
  channel: 'jsapi',
  payerSubject: BUYER,
  expiresAt: new Date(clock.getTime() + 30 * 60_000).toISOString(),
  notifyUrl: NOTIFY_URL,
  ...overrides,
});

async function rejection(promise: Promise<unknown>): Promise<PlatformPayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformPayError);
  return error as PlatformPayError;
}

describe.each(['direct', 'authorized'] as const)('the %s gateway against the fake', (mode) => {
  let gateway: PaymentGateway;
  let merchant: AlipayMerchant;
  beforeAll(() => {
    merchant = mode === 'direct' ? fake.direct : fake.authorized;
    gateway = createAlipayGateway(merchant, options());
  });

  it('names the merchant by app id (direct) or seller id (authorized)', () => {
    expect(gateway.merchantId).toBe(mode === 'direct' ? fake.direct.appId : fake.authorized.sellerId);
  });

  it('creates a mini-program trade, sees it unpaid, then paid with its amount, payer and time', async () => {
    const input = order();
    const pay = await gateway.createOrder(input);
    expect(pay).toEqual({ kind: 'alipay_trade', tradeNo: expect.stringMatching(/^\d{20,}$/) });

    const call = fake.calls().filter((c) => c.method === 'alipay.trade.create').at(-1)!;
    expect(call.bizContent).toMatchObject({
      out_trade_no: input.outTradeNo,
      total_amount: '19.99',
      buyer_id: BUYER,
      product_code: 'JSAPI_PAY',
      time_expire: '2026-12-05 10:30:00',
      subject: '伴学资助， 一期',
    });
    expect(call.notifyUrl).toBe(NOTIFY_URL);
    expect(call.appAuthToken).toBe(mode === 'authorized' ? fake.authorized.appAuthToken : undefined);
    // An NGO's own app pays inside the server's mini-program, whose buyer ids these are.
    expect(call.bizContent.op_app_id).toBe(mode === 'direct' ? fake.serverApp.appId : undefined);

    expect(await gateway.queryOrder(input.outTradeNo)).toMatchObject({ state: 'paying', amountFen: 1999, platformTradeId: pay.kind === 'alipay_trade' && pay.tradeNo });

    clock = new Date('2026-12-05T02:05:07Z');
    await fake.pay(input.outTradeNo, { notify: false });
    expect(await gateway.queryOrder(input.outTradeNo)).toEqual({
      outTradeNo: input.outTradeNo,
      state: 'paid',
      amountFen: 1999,
      payerSubject: BUYER,
      merchantId: gateway.merchantId,
      platformTradeId: pay.kind === 'alipay_trade' ? pay.tradeNo : '',
      paidAt: '2026-12-05T02:05:07.000Z',
    });
  });

  it('gives an open id as buyer_open_id', async () => {
    await gateway.createOrder(order({ payerSubject: '074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5' }));
    expect(fake.calls().at(-1)!.bizContent).toMatchObject({ buyer_open_id: '074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5' });
    expect(fake.calls().at(-1)!.bizContent.buyer_id).toBeUndefined();
  });

  it('creates a QR code whose trade Alipay only knows once it is scanned', async () => {
    const input = order({ channel: 'qr', payerSubject: undefined, amountFen: 7 });
    const pay = await gateway.createOrder(input);
    expect(pay).toEqual({ kind: 'qr', codeUrl: expect.stringMatching(/^https:\/\/qr\.alipay\.com\//) });
    expect(await gateway.queryOrder(input.outTradeNo)).toEqual({ outTradeNo: input.outTradeNo, state: 'not_found' });
    await fake.pay(pay.kind === 'qr' ? pay.codeUrl : '', { notify: false, buyerId: BUYER });
    expect(await gateway.queryOrder(input.outTradeNo)).toMatchObject({ state: 'paid', amountFen: 7, payerSubject: BUYER });
  });

  it('closes an open trade, and closing an unknown one is fine', async () => {
    const input = order();
    await gateway.createOrder(input);
    await gateway.closeOrder(input.outTradeNo);
    expect(await gateway.queryOrder(input.outTradeNo)).toMatchObject({ state: 'closed' });
    await expect(fake.pay(input.outTradeNo)).rejects.toThrow(/not payable/);
    await gateway.closeOrder('BX-never-created');
    expect(await gateway.queryOrder('BX-never-created')).toEqual({ outTradeNo: 'BX-never-created', state: 'not_found' });
  });

  it('refuses to close a paid trade with the platform code', async () => {
    const input = order();
    await gateway.createOrder(input);
    await fake.pay(input.outTradeNo, { notify: false });
    expect((await rejection(gateway.closeOrder(input.outTradeNo))).code).toBe('ACQ.TRADE_STATUS_ERROR');
  });

  it('refunds in parts, repeats a refund safely, queries refunds, and a fully refunded trade reads as refunded', async () => {
    const input = order({ amountFen: 12345 });
    await gateway.createOrder(input);
    await fake.pay(input.outTradeNo, { notify: false });
    const refund = { outTradeNo: input.outTradeNo, totalFen: 12345, reason: '重复支付', notifyUrl: NOTIFY_URL };

    expect(await gateway.refund({ ...refund, outRefundNo: 'R1', refundFen: 10000 })).toMatchObject({ outRefundNo: 'R1', state: 'succeeded', amountFen: 10000 });
    expect(fake.calls().at(-1)!.bizContent).toMatchObject({ refund_amount: '100.00', out_request_no: 'R1', refund_reason: '重复支付' });
    // The same request again moves no money and is answered from the refund query.
    expect(await gateway.refund({ ...refund, outRefundNo: 'R1', refundFen: 10000 })).toMatchObject({ state: 'succeeded', amountFen: 10000 });
    expect(fake.orders().find((t) => t.outTradeNo === input.outTradeNo)!.refunds).toHaveLength(1);
    expect(await gateway.queryOrder(input.outTradeNo)).toMatchObject({ state: 'paid' });

    expect(await gateway.queryRefund('R1', input.outTradeNo)).toMatchObject({ outRefundNo: 'R1', state: 'succeeded', amountFen: 10000 });
    expect(await gateway.queryRefund('R-unknown', input.outTradeNo)).toEqual({ outRefundNo: 'R-unknown', state: 'processing' });

    expect((await rejection(gateway.refund({ ...refund, outRefundNo: 'R2', refundFen: 2346 }))).code).toBe('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL');
    expect(await gateway.refund({ ...refund, outRefundNo: 'R3', refundFen: 2345 })).toMatchObject({ state: 'succeeded', amountFen: 2345 });
    expect(await gateway.queryOrder(input.outTradeNo)).toMatchObject({ state: 'refunded' });
  });

  it('reads the day’s trade bill fen-exact: payments and refunds of that China day only', async () => {
    clock = new Date('2026-12-06T15:59:00Z'); // 23:59 on 12-06 in China
    const a = order({ amountFen: 1 });
    const b = order({ amountFen: 987654321 });
    await gateway.createOrder(a);
    await gateway.createOrder(b);
    await fake.pay(a.outTradeNo, { notify: false });
    await fake.pay(b.outTradeNo, { notify: false });
    await gateway.refund({ outTradeNo: b.outTradeNo, outRefundNo: 'RB1', refundFen: 3, totalFen: 987654321, reason: 'x', notifyUrl: NOTIFY_URL });
    clock = new Date('2026-12-06T16:00:01Z'); // 00:00 on 12-07
    await gateway.refund({ outTradeNo: b.outTradeNo, outRefundNo: 'RB2', refundFen: 110, totalFen: 987654321, reason: 'x', notifyUrl: NOTIFY_URL });
    const [tradeA, tradeB] = [a, b].map((o) => fake.orders().find((t) => t.outTradeNo === o.outTradeNo)!);

    const day6 = await gateway.tradeBill('2026-12-06');
    expect(day6).toEqual([
      { kind: 'payment', outTradeNo: a.outTradeNo, platformTradeId: tradeA.tradeNo, amountFen: 1, at: '2026-12-06T15:59:00.000Z' },
      { kind: 'payment', outTradeNo: b.outTradeNo, platformTradeId: tradeB.tradeNo, amountFen: 987654321, at: '2026-12-06T15:59:00.000Z' },
      { kind: 'refund', outTradeNo: b.outTradeNo, platformTradeId: tradeB.tradeNo, amountFen: 3, outRefundNo: 'RB1', at: '2026-12-06T15:59:00.000Z' },
    ]);
    expect(await gateway.tradeBill('2026-12-07')).toEqual([
      { kind: 'refund', outTradeNo: b.outTradeNo, platformTradeId: tradeB.tradeNo, amountFen: 110, outRefundNo: 'RB2', at: '2026-12-06T16:00:01.000Z' },
    ]);
    expect(fake.calls().at(-1)!.bizContent).toEqual({ bill_type: 'trade', bill_date: '2026-12-07' });
  });

  it('accepts a signed notice and reads the trade, naming the merchant as the gateway does', async () => {
    const input = order({ amountFen: 50000 });
    await gateway.createOrder(input);
    await fake.pay(input.outTradeNo, { notify: false });
    const notice = fake.noticeFor(input.outTradeNo);
    expect(gateway.verifyNotice(notice.headers, notice.body, clock)).toEqual({
      kind: 'trade',
      trade: {
        outTradeNo: input.outTradeNo,
        state: 'paid',
        amountFen: 50000,
        payerSubject: BUYER,
        merchantId: gateway.merchantId,
        platformTradeId: fake.orders().find((t) => t.outTradeNo === input.outTradeNo)!.tradeNo,
        paidAt: START.toISOString(),
      },
    });
    // A genuine notice naming another amount or seller is passed on as such, for the caller to compare.
    const other = fake.noticeFor(input.outTradeNo, { amountFen: 100, sellerId: '2088000000000001' });
    const read = gateway.verifyNotice(other.headers, other.body, clock);
    expect(read.kind === 'trade' && read.trade.amountFen).toBe(100);
    expect(read.kind === 'trade' && read.trade.merchantId).toBe(mode === 'direct' ? fake.direct.appId : '2088000000000001');
  });

  it('refuses a notice with a bad signature or an amount changed after signing', async () => {
    const input = order();
    await gateway.createOrder(input);
    await fake.pay(input.outTradeNo, { notify: false });
    for (const tamper of ['signature', 'amount-after-signing'] as const) {
      const notice = fake.noticeFor(input.outTradeNo, { tamper });
      expect(() => gateway.verifyNotice(notice.headers, notice.body, clock)).toThrow(new NoticeRejected('bad_signature'));
    }
    expect(() => gateway.verifyNotice({}, Buffer.from('out_trade_no=x&total_amount=1.00'), clock)).toThrow(new NoticeRejected('bad_signature'));
    expect(() => gateway.verifyNotice({}, Buffer.from('a=1&a=2'), clock)).toThrow(new NoticeRejected('malformed'));
  });

  it('reads a refund notice as that refund having succeeded', async () => {
    const input = order();
    await gateway.createOrder(input);
    await fake.pay(input.outTradeNo, { notify: false });
    await gateway.refund({ outTradeNo: input.outTradeNo, outRefundNo: 'RN1', refundFen: 999, totalFen: 1999, reason: 'x', notifyUrl: NOTIFY_URL });
    const notice = fake.noticeFor(input.outTradeNo, { refundOf: 'RN1' });
    expect(gateway.verifyNotice(notice.headers, notice.body, clock)).toEqual({
      kind: 'refund',
      outTradeNo: input.outTradeNo,
      refund: { outRefundNo: 'RN1', state: 'succeeded' },
    });
  });

  it('passes a scripted platform failure on with its sub_code, changing nothing', async () => {
    fake.failNext('alipay.trade.create', 'ACQ.SYSTEM_ERROR');
    const input = order();
    const error = await rejection(gateway.createOrder(input));
    expect(error).toMatchObject({ code: 'ACQ.SYSTEM_ERROR', httpStatus: 200 });
    expect(fake.orders().some((t) => t.outTradeNo === input.outTradeNo)).toBe(false);
  });

  it('gives Alipay’s own failures (code 20000) as 503, to be retried', async () => {
    fake.failNext('alipay.trade.refund', 'isp.unknow-error');
    const error = await rejection(gateway.refund({ outTradeNo: 'BX-any', outRefundNo: 'R', refundFen: 1, totalFen: 1, reason: 'x', notifyUrl: NOTIFY_URL }));
    expect(error).toMatchObject({ code: 'isp.unknow-error', httpStatus: 503 });
  });

  it('a lost answer is an error without a code, and creating again gives the same trade', async () => {
    const input = order();
    fake.dropNextAnswer('alipay.trade.create');
    expect((await rejection(gateway.createOrder(input))).code).toBeUndefined();
    const created = fake.orders().find((t) => t.outTradeNo === input.outTradeNo)!;
    expect(await gateway.createOrder(input)).toEqual({ kind: 'alipay_trade', tradeNo: created.tradeNo });
  });
});

describe('notices delivered by the fake', () => {
  it('POSTs the signed form to the trade’s notify_url once paid, and the gateway accepts those very bytes', async () => {
    const received: { contentType?: string; body: Buffer }[] = [];
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ contentType: request.headers['content-type'], body: Buffer.concat(chunks) });
        response.writeHead(200, { 'content-type': 'text/plain' }).end('success');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/payments/notices/alipay/m1`;
    try {
      const gateway = createAlipayGateway(fake.authorized, options());
      const input = order({ notifyUrl, amountFen: 30000 });
      await gateway.createOrder(input);
      await fake.pay(input.outTradeNo);
      expect(received).toHaveLength(1);
      expect(received[0].contentType).toMatch(/^application\/x-www-form-urlencoded/);
      expect(gateway.verifyNotice({ 'content-type': received[0].contentType }, received[0].body, clock)).toMatchObject({
        kind: 'trade',
        trade: { outTradeNo: input.outTradeNo, state: 'paid', amountFen: 30000, merchantId: fake.authorized.sellerId },
      });
      expect(fake.deliveries().at(-1)).toEqual({ url: notifyUrl, status: 200, body: 'success' });
    } finally {
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});

describe('trust in both directions', () => {
  it('refuses an answer not signed with the Alipay public key it was given', async () => {
    const gateway = createAlipayGateway({ ...fake.direct, alipayPublicKey: fake.otherPublicKey }, options());
    const error = await rejection(gateway.queryOrder('BX-any'));
    expect(error.message).toMatch(/signature/);
    expect(error.code).toBeUndefined();
  });

  it('the fake refuses a request signed with a key that is not the app’s', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const gateway = createAlipayGateway({ ...fake.direct, privateKey: stranger }, options());
    expect((await rejection(gateway.queryOrder('BX-any'))).code).toBe('isv.invalid-signature');
  });

  it('an unknown app gets an unsigned refusal: an error whose claimed code is only a hint', async () => {
    const gateway = createAlipayGateway({ ...fake.direct, appId: '2021009999999999' }, options());
    const error = await rejection(gateway.queryOrder('BX-any'));
    expect(error.code).toBeUndefined();
    expect(error.message).toBe('Alipay alipay.trade.query: the answer’s signature does not match the Alipay public key (unverified answer: isv.invalid-app-id)');
  });

  it('the fake refuses an authorized call with an unknown app_auth_token', async () => {
    const gateway = createAlipayGateway({ ...fake.authorized, appAuthToken: 'not-granted' }, options());
    expect((await rejection(gateway.queryOrder('BX-any'))).code).toBe('aop.invalid-app-auth-token');
  });

  it('refuses a notice signed for another merchant’s keys', async () => {
    const gateway = createAlipayGateway({ ...fake.direct, alipayPublicKey: fake.otherPublicKey }, options());
    const direct = createAlipayGateway(fake.direct, options());
    const input = order();
    await direct.createOrder(input);
    const notice = fake.noticeFor(input.outTradeNo);
    expect(() => gateway.verifyNotice(notice.headers, notice.body, clock)).toThrow(new NoticeRejected('bad_signature'));
  });

  it('takes keys as the bare base64 lines Alipay’s console shows', async () => {
    const bare = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '');
    const gateway = createAlipayGateway({ ...fake.direct, privateKey: bare(fake.direct.privateKey), alipayPublicKey: bare(fake.direct.alipayPublicKey) }, options());
    expect(await gateway.queryOrder('BX-none')).toEqual({ outTradeNo: 'BX-none', state: 'not_found' });
  });

  it('needs the server app for authorized mode, and says so without any key in the message', () => {
    expect(() => createAlipayGateway(fake.authorized, { gatewayUrl: fake.url, timeoutMs: 1000 })).toThrow(/server’s own Alipay app/);
    let message = '';
    try {
      createAlipayGateway({ ...fake.direct, privateKey: 'not a key' }, options());
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/not a readable RSA key/);
    expect(message).not.toContain('not a key');
  });

  it('an unreachable gateway is an error without a code', async () => {
    const gateway = createAlipayGateway(fake.direct, { ...options(), gatewayUrl: 'http://127.0.0.1:9/gateway.do' });
    const error = await rejection(gateway.queryOrder('BX-any'));
    expect(error.code).toBeUndefined();
    expect(error.message).toMatch(/^Alipay alipay\.trade\.query: no usable answer/);
  });

  it('answers notices as Alipay expects: success only when accepted', () => {
    const gateway = createAlipayGateway(fake.direct, options());
    expect(gateway.noticeAccepted).toEqual({ status: 200, contentType: 'text/plain', body: 'success' });
    expect(gateway.noticeRefused.body).not.toBe('success');
    expect(gateway.noticeRefused.status).toBeGreaterThanOrEqual(400);
  });
});
