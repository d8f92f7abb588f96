import { createPublicKey, createVerify, generateKeyPairSync, type KeyPairKeyObjectResult } from 'node:crypto';
import { startFakeWechatPay, type FakeWechatPay, type WechatKeyMode } from '../../test/fake-wechat-pay';
import { PlatformPayError, type PaymentGateway, type WechatMerchant } from './gateway';
import { createWechatPayGateway } from './wechat-pay';

const now = new Date('2026-11-29T04:00:00.000Z');
const expiresAt = new Date(now.getTime() + 30 * 60_000).toISOString();
const appId = 'wx-test-app';
const notifyUrl = 'https://banxue.example/api/payments/notices/wechat/m1';

let spareKeys: KeyPairKeyObjectResult | undefined;
/** A key pair that belongs to no one in the fake. */
const strangerKeys = () => (spareKeys ??= generateKeyPairSync('rsa', { modulusLength: 2048 }));

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a PlatformPayError');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(PlatformPayError);
      return error as PlatformPayError;
    },
  );

describe.each<[WechatKeyMode, 'direct' | 'sub_merchant']>([
  ['certificate', 'direct'],
  ['certificate', 'sub_merchant'],
  ['public_key', 'direct'],
  ['public_key', 'sub_merchant'],
])('WeChat Pay gateway (%s keys, %s merchant)', (keyMode, mode) => {
  let fake: FakeWechatPay;
  let merchant: WechatMerchant;
  let gateway: PaymentGateway;
  let seq = 0;
  const outTradeNo = () => `BX${keyMode === 'certificate' ? 'C' : 'P'}${mode === 'direct' ? 'D' : 'S'}${String(++seq).padStart(6, '0')}`;
  const signerKey = () => (mode === 'direct' ? fake.direct.privateKey : fake.provider.privateKey);

  beforeAll(async () => {
    fake = await startFakeWechatPay({ keyMode, now: () => now });
    merchant = mode === 'direct' ? fake.direct : { mode: 'sub_merchant', subMchId: fake.subMchId };
    gateway = createWechatPayGateway(merchant, { baseUrl: fake.url, appId, provider: fake.provider, timeoutMs: 1000 });
  });
  afterAll(() => fake.close());

  const order = (overrides: Partial<Parameters<PaymentGateway['createOrder']>[0]> = {}) => ({
    outTradeNo: outTradeNo(),
    amountFen: 19_99,
    description: '伴学资助 小明 2 期',
    channel: 'jsapi' as const,
    payerSubject: 'o-payer-openid',
    expiresAt,
    notifyUrl,
    ...overrides,
  });

  test('names the merchant trades must name', () => {
    expect(gateway.merchantId).toBe(mode === 'direct' ? fake.direct.mchId : fake.subMchId);
  });

  test('a JSAPI order gives wx.requestPayment parameters signed by the merchant key', async () => {
    const input = order();
    const pay = await gateway.createOrder(input);
    if (pay.kind !== 'wechat_jsapi') throw new Error(`unexpected ${pay.kind}`);
    const held = fake.orders().find((o) => o.outTradeNo === input.outTradeNo)!;
    expect(pay.package).toBe(`prepay_id=${held.prepayId}`);
    expect(pay).toMatchObject({ appId, signType: 'RSA' });
    const signed = `${appId}\n${pay.timeStamp}\n${pay.nonceStr}\n${pay.package}\n`;
    expect(createVerify('RSA-SHA256').update(signed).verify(createPublicKey(signerKey()), pay.paySign, 'base64')).toBe(true);
    expect(held).toMatchObject({
      merchantId: gateway.merchantId,
      partner: mode === 'sub_merchant',
      appId,
      amountFen: 1999,
      payer: 'o-payer-openid',
      notifyUrl,
      timeExpire: '2026-11-29T12:30:00+08:00',
      channel: 'jsapi',
    });
  });

  test('an order without a payer (JSAPI) or without the app id is refused before calling', async () => {
    const error = await rejection(gateway.createOrder(order({ payerSubject: undefined })));
    expect(error.code).toBe('PAYER_NEEDED');
    const withoutApp = createWechatPayGateway(merchant, { baseUrl: fake.url, appId: '', provider: fake.provider, timeoutMs: 1000 });
    expect(await rejection(withoutApp.createOrder(order({ channel: 'qr' })))).toMatchObject({ code: 'NO_APP_ID' });
    expect(fake.orders().filter((o) => o.appId === '')).toEqual([]);
  });

  test('a QR order gives the code url; query follows it from paying to paid', async () => {
    const input = order({ channel: 'qr', payerSubject: undefined, amountFen: 7 });
    const pay = await gateway.createOrder(input);
    if (pay.kind !== 'qr') throw new Error(`unexpected ${pay.kind}`);
    expect(pay.codeUrl).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=/);
    expect(await gateway.queryOrder(input.outTradeNo)).toEqual({ outTradeNo: input.outTradeNo, state: 'paying', amountFen: 7, merchantId: gateway.merchantId });
    await fake.pay(pay.codeUrl, { payer: 'o-scanner', notify: false });
    const trade = await gateway.queryOrder(input.outTradeNo);
    expect(trade).toEqual({
      outTradeNo: input.outTradeNo,
      state: 'paid',
      platformTradeId: fake.orders().find((o) => o.outTradeNo === input.outTradeNo)!.transactionId,
      amountFen: 7,
      payerSubject: 'o-scanner',
      merchantId: gateway.merchantId,
      paidAt: now.toISOString(),
    });
  });

  test('query reports what the platform says, even when it differs from the order', async () => {
    const input = order();
    await gateway.createOrder(input);
    await fake.pay(input.outTradeNo, { amountFen: 1, mchid: '1999999999', notify: false });
    expect(await gateway.queryOrder(input.outTradeNo)).toMatchObject({ state: 'paid', amountFen: 1, merchantId: '1999999999' });
  });

  test('an unknown order is not_found', async () => {
    expect(await gateway.queryOrder('BXNEVER0001')).toEqual({ outTradeNo: 'BXNEVER0001', state: 'not_found' });
  });

  test('the payment notice the platform posts verifies as a paid trade', async () => {
    const posted: Buffer[] = [];
    fake.routeNotices(async (_url, notice) => {
      posted.push(notice.body);
      const verified = gateway.verifyNotice(notice.headers, notice.body, now);
      expect(verified).toMatchObject({ kind: 'trade', trade: { state: 'paid', amountFen: 1999, payerSubject: 'o-payer-openid', merchantId: gateway.merchantId } });
      return { status: gateway.noticeAccepted.status, body: gateway.noticeAccepted.body };
    });
    const input = order();
    await gateway.createOrder(input);
    const delivery = await fake.pay(input.outTradeNo);
    expect(delivery).toMatchObject({ url: notifyUrl, eventType: 'TRANSACTION.SUCCESS', status: 200 });
    expect(posted).toHaveLength(1);
    // The resource is encrypted: the body does not show the order in clear.
    expect(posted[0].toString()).not.toContain(input.outTradeNo);
  });

  test('close ends an unpaid order and refuses a paid one', async () => {
    const open = order();
    await gateway.createOrder(open);
    await gateway.closeOrder(open.outTradeNo);
    expect(await gateway.queryOrder(open.outTradeNo)).toMatchObject({ state: 'closed' });
    await gateway.closeOrder('BXNEVERCREATED1');

    const paid = order();
    await gateway.createOrder(paid);
    await fake.pay(paid.outTradeNo, { notify: false });
    const error = await rejection(gateway.closeOrder(paid.outTradeNo));
    expect(error).toMatchObject({ code: 'ORDERPAID', httpStatus: 400 });
  });

  test('refunds: immediate success with a notice, processing until finished, and queries', async () => {
    const notices: ReturnType<PaymentGateway['verifyNotice']>[] = [];
    fake.routeNotices(async (_url, notice) => {
      notices.push(gateway.verifyNotice(notice.headers, notice.body, now));
      return { status: 200, body: '' };
    });
    const input = order();
    await gateway.createOrder(input);
    await fake.pay(input.outTradeNo, { notify: false });

    const first = await gateway.refund({ outTradeNo: input.outTradeNo, outRefundNo: `${input.outTradeNo}R1`, refundFen: 999, totalFen: 1999, reason: '资助人申请', notifyUrl });
    expect(first).toMatchObject({ outRefundNo: `${input.outTradeNo}R1`, state: 'succeeded', amountFen: 999 });
    expect(first.platformRefundId).toMatch(/^50\d+$/);
    await fake.idle();
    expect(notices).toEqual([{ kind: 'refund', outTradeNo: input.outTradeNo, refund: first }]);
    expect(await gateway.queryOrder(input.outTradeNo)).toMatchObject({ state: 'refunded' });

    fake.holdRefunds(true);
    const second = await gateway.refund({ outTradeNo: input.outTradeNo, outRefundNo: `${input.outTradeNo}R2`, refundFen: 1000, totalFen: 1999, reason: '', notifyUrl });
    expect(second.state).toBe('processing');
    expect(await gateway.queryRefund(`${input.outTradeNo}R2`, input.outTradeNo)).toMatchObject({ state: 'processing', amountFen: 1000 });
    await fake.finishRefund(`${input.outTradeNo}R2`, 'ABNORMAL');
    expect(notices[1]).toMatchObject({ kind: 'refund', refund: { outRefundNo: `${input.outTradeNo}R2`, state: 'failed' } });
    expect(await gateway.queryRefund(`${input.outTradeNo}R2`, input.outTradeNo)).toMatchObject({ state: 'failed' });
    fake.holdRefunds(false);

    const tooMuch = await rejection(
      gateway.refund({ outTradeNo: input.outTradeNo, outRefundNo: `${input.outTradeNo}R3`, refundFen: 1001, totalFen: 1999, reason: '', notifyUrl }),
    );
    expect(tooMuch).toMatchObject({ code: 'INVALID_REQUEST', httpStatus: 400 });
    const missing = await rejection(gateway.queryRefund('NO-SUCH-REFUND', input.outTradeNo));
    expect(missing).toMatchObject({ code: 'RESOURCE_NOT_EXISTS', httpStatus: 404 });
  });

  test("the day's trade bill lists payments and refunds in exact fen", async () => {
    const bill = await startFakeWechatPay({ keyMode, now: () => now });
    try {
      const billMerchant: WechatMerchant = mode === 'direct' ? bill.direct : { mode: 'sub_merchant', subMchId: bill.subMchId };
      const billGateway = createWechatPayGateway(billMerchant, { baseUrl: bill.url, appId, provider: bill.provider, timeoutMs: 1000 });
      expect(await billGateway.tradeBill('2026-11-29')).toEqual([]);
      bill.routeNotices(async () => ({ status: 200, body: '' }));
      const paid = order({ amountFen: 7 });
      const refunded = order({ amountFen: 1999 });
      for (const input of [paid, refunded]) {
        await billGateway.createOrder(input);
        await bill.pay(input.outTradeNo, { notify: false });
      }
      await billGateway.refund({ outTradeNo: refunded.outTradeNo, outRefundNo: 'RF-1', refundFen: 1234, totalFen: 1999, reason: '', notifyUrl });
      await bill.idle();
      const transactionId = (no: string) => bill.orders().find((o) => o.outTradeNo === no)!.transactionId;
      expect(await billGateway.tradeBill('2026-11-29')).toEqual([
        { kind: 'payment', outTradeNo: paid.outTradeNo, platformTradeId: transactionId(paid.outTradeNo), amountFen: 7, at: now.toISOString() },
        { kind: 'payment', outTradeNo: refunded.outTradeNo, platformTradeId: transactionId(refunded.outTradeNo), amountFen: 1999, at: now.toISOString() },
        { kind: 'refund', outTradeNo: refunded.outTradeNo, platformTradeId: transactionId(refunded.outTradeNo), amountFen: 1234, outRefundNo: 'RF-1', at: now.toISOString() },
      ]);
      expect(await billGateway.tradeBill('2026-11-28')).toEqual([]);

      bill.corruptNextBill();
      const error = await rejection(billGateway.tradeBill('2026-11-29'));
      expect(error.code).toBe('BILL_HASH_MISMATCH');

      // Lines a test adds (a trade the app never saw), or a bill holding only them.
      bill.setBill('2026-11-28', [{ kind: 'payment', outTradeNo: 'BXSTRANGER1', orderFen: 19, transactionId: 'T-X' }], { merchantId: billGateway.merchantId });
      expect(await billGateway.tradeBill('2026-11-28')).toEqual([
        { kind: 'payment', outTradeNo: 'BXSTRANGER1', platformTradeId: 'T-X', amountFen: 19, at: '2026-11-28T04:00:00.000Z' },
      ]);
      bill.setBill('2026-11-29', [], { merchantId: billGateway.merchantId, only: true });
      expect(await billGateway.tradeBill('2026-11-29')).toEqual([]);
    } finally {
      await bill.close();
    }
  });

  test('platform errors, timeouts and unverified answers become PlatformPayError', async () => {
    fake.failNext(/\/out-trade-no\//, 500, 'SYSTEM_ERROR');
    expect(await rejection(gateway.queryOrder('BXANY00001'))).toMatchObject({ code: 'SYSTEM_ERROR', httpStatus: 500 });

    fake.failNext(/\/out-trade-no\//, 0, '', 600);
    const impatient = createWechatPayGateway(merchant, { baseUrl: fake.url, appId, provider: fake.provider, timeoutMs: 200 });
    expect(await rejection(impatient.queryOrder('BXANY00002'))).toMatchObject({ code: 'TIMEOUT' });

    // A gateway trusting another platform key refuses the fake's signed answers.
    const other = strangerKeys().publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const keyId = fake.direct.platformKeys[0].id;
    const wrongKeys = [{ id: keyId, pem: other }];
    const distrusting =
      mode === 'direct'
        ? createWechatPayGateway({ ...fake.direct, platformKeys: wrongKeys }, { baseUrl: fake.url, appId, timeoutMs: 1000 })
        : createWechatPayGateway(merchant, { baseUrl: fake.url, appId, provider: { ...fake.provider, platformKeys: wrongKeys }, timeoutMs: 1000 });
    const known = order();
    await gateway.createOrder(known);
    expect(await rejection(distrusting.queryOrder(known.outTradeNo))).toMatchObject({ code: 'ANSWER_NOT_VERIFIED' });
  });

  test('the fake refuses a request signed with the wrong merchant key (401 SIGN_ERROR)', async () => {
    const wrongKey = strangerKeys().privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const impostor =
      mode === 'direct'
        ? createWechatPayGateway({ ...fake.direct, privateKey: wrongKey }, { baseUrl: fake.url, appId, timeoutMs: 1000 })
        : createWechatPayGateway(merchant, { baseUrl: fake.url, appId, provider: { ...fake.provider, privateKey: wrongKey }, timeoutMs: 1000 });
    const error = await rejection(impostor.createOrder(order()));
    expect(error).toMatchObject({ code: 'SIGN_ERROR', httpStatus: 401 });
    expect(error.message).not.toContain('PRIVATE KEY');
  });
});

test('a sub-merchant gateway without provider settings fails per call, naming what is missing', async () => {
  const gateway = createWechatPayGateway({ mode: 'sub_merchant', subMchId: '1900000109' }, { baseUrl: 'http://127.0.0.1:9', appId, timeoutMs: 100 });
  expect(await rejection(gateway.queryOrder('BX1'))).toMatchObject({ code: 'NO_PROVIDER' });
});

test('an unreachable platform is a NETWORK error', async () => {
  const fake = await startFakeWechatPay();
  const gateway = createWechatPayGateway(fake.direct, { baseUrl: fake.url, appId, timeoutMs: 1000 });
  await fake.close();
  expect(await rejection(gateway.queryOrder('BX1'))).toMatchObject({ code: 'NETWORK' });
});

test('unreadable merchant settings fail per call without quoting them; their notices are refused', async () => {
  const settings: WechatMerchant = { mode: 'direct', mchId: '1230000109', serialNo: 'AB12', privateKey: 'SECRET-NOT-A-PEM', apiV3Key: 'k'.repeat(32), platformKeys: [] };
  const gateway = createWechatPayGateway(settings, { baseUrl: 'http://127.0.0.1:9', appId, timeoutMs: 100 });
  const error = await rejection(gateway.queryOrder('BX1'));
  expect(error.code).toBe('MERCHANT_SETTINGS');
  expect(error.message).not.toContain('SECRET');
  expect(() => gateway.verifyNotice({}, Buffer.from('{}'), now)).toThrow(expect.objectContaining({ reason: 'unknown_key' }));
});
