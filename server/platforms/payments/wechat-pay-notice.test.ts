import { startFakeWechatPay, type FakeWechatPay } from '../../test/fake-wechat-pay';
import { NoticeRejected, type PaymentGateway, type WechatMerchant } from './gateway';
import { createWechatPayGateway } from './wechat-pay';

const now = new Date('2026-11-29T04:00:00.000Z');
const appId = 'wx-test-app';

function refusal(verify: () => unknown): string {
  try {
    verify();
  } catch (error) {
    expect(error).toBeInstanceOf(NoticeRejected);
    return (error as NoticeRejected).reason;
  }
  throw new Error('the notice was accepted');
}

describe.each(['direct', 'sub_merchant'] as const)('WeChat Pay notices (%s merchant)', (mode) => {
  let fake: FakeWechatPay;
  let gateway: PaymentGateway;
  let outTradeNo: string;

  beforeAll(async () => {
    fake = await startFakeWechatPay({ now: () => now });
    const merchant: WechatMerchant = mode === 'direct' ? fake.direct : { mode: 'sub_merchant', subMchId: fake.subMchId };
    gateway = createWechatPayGateway(merchant, { baseUrl: fake.url, appId, provider: fake.provider, timeoutMs: 1000 });
    outTradeNo = `BXNOTICE${mode === 'direct' ? 'D' : 'S'}01`;
    await gateway.createOrder({ outTradeNo, amountFen: 36_000, description: '伴学资助', channel: 'jsapi', payerSubject: 'o-payer', expiresAt: '2026-11-29T05:00:00.000Z', notifyUrl: 'https://banxue.example/n' });
    await fake.pay(outTradeNo, { notify: false });
  });
  afterAll(() => fake.close());

  test('a genuine notice verifies, with header names in any case', () => {
    const notice = fake.noticeFor(outTradeNo);
    const lowercase = Object.fromEntries(Object.entries(notice.headers).map(([name, value]) => [name.toLowerCase(), value]));
    for (const headers of [notice.headers, lowercase]) {
      expect(gateway.verifyNotice(headers, notice.body, now)).toEqual({
        kind: 'trade',
        trade: {
          outTradeNo,
          state: 'paid',
          platformTradeId: fake.orders()[0].transactionId,
          amountFen: 36_000,
          payerSubject: 'o-payer',
          merchantId: gateway.merchantId,
          paidAt: now.toISOString(),
        },
      });
    }
  });

  test('a notice within five minutes either way verifies; beyond, it is stale', () => {
    const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
    for (const at of [minutes(-4), minutes(4)]) {
      const notice = fake.noticeFor(outTradeNo, { now: at });
      expect(gateway.verifyNotice(notice.headers, notice.body, now)).toMatchObject({ kind: 'trade' });
    }
    const late = fake.noticeFor(outTradeNo, { now: minutes(-6) });
    expect(refusal(() => gateway.verifyNotice(late.headers, late.body, now))).toBe('stale_timestamp');
    const early = fake.noticeFor(outTradeNo, { now: minutes(6) });
    expect(refusal(() => gateway.verifyNotice(early.headers, early.body, now))).toBe('stale_timestamp');
    const skewed = fake.noticeFor(outTradeNo, { tamper: 'timestamp' });
    expect(refusal(() => gateway.verifyNotice(skewed.headers, skewed.body, now))).toBe('stale_timestamp');
  });

  test.each([
    ['signature', 'bad_signature'],
    ['signtest', 'signtest_probe'],
    ['serial', 'unknown_key'],
    ['ciphertext', 'undecryptable'],
  ] as const)('a notice with a tampered %s is refused as %s', (tamper, reason) => {
    const notice = fake.noticeFor(outTradeNo, { tamper });
    expect(refusal(() => gateway.verifyNotice(notice.headers, notice.body, now))).toBe(reason);
  });

  test('a body changed after signing is refused before it is read', () => {
    const notice = fake.noticeFor(outTradeNo);
    const changed = Buffer.from(notice.body.toString().replace('TRANSACTION.SUCCESS', 'TRANSACTION.SUCCESS '));
    expect(refusal(() => gateway.verifyNotice(notice.headers, changed, now))).toBe('bad_signature');
    const notJson = Buffer.from('{"event_type":');
    expect(refusal(() => gateway.verifyNotice(notice.headers, notJson, now))).toBe('bad_signature');
  });

  test('a notice without its signature headers is malformed', () => {
    const { body, headers } = fake.noticeFor(outTradeNo);
    const withoutNonce = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'Wechatpay-Nonce'));
    expect(refusal(() => gateway.verifyNotice(withoutNonce, body, now))).toBe('malformed');
  });

  test("another merchant's APIv3 key cannot decrypt the notice", () => {
    const notice = fake.noticeFor(outTradeNo);
    const stranger = fake.addDirectMerchant();
    const strangerGateway =
      mode === 'direct'
        ? createWechatPayGateway(stranger, { baseUrl: fake.url, appId, timeoutMs: 1000 })
        : createWechatPayGateway({ mode: 'sub_merchant', subMchId: fake.subMchId }, { baseUrl: fake.url, appId, provider: { ...fake.provider, apiV3Key: stranger.apiV3Key }, timeoutMs: 1000 });
    expect(refusal(() => strangerGateway.verifyNotice(notice.headers, notice.body, now))).toBe('undecryptable');
  });

  test('the answers the platform expects', () => {
    expect(gateway.noticeAccepted.status).toBe(200);
    expect(gateway.noticeRefused.status).toBe(401);
    expect(JSON.parse(gateway.noticeRefused.body)).toEqual({ code: 'FAIL', message: expect.any(String) });
  });
});

test('during a switch-over from certificates to the public key, notices signed either way verify', async () => {
  const fakes = [await startFakeWechatPay({ keyMode: 'certificate', now: () => now }), await startFakeWechatPay({ keyMode: 'public_key', now: () => now })];
  try {
    const bothKeys = fakes.flatMap((fake) => fake.direct.platformKeys);
    expect(bothKeys.map((key) => key.id)).toEqual([expect.stringMatching(/^[0-9A-F]{40}$/), expect.stringMatching(/^PUB_KEY_ID_/)]);
    for (const fake of fakes) {
      const gateway = createWechatPayGateway({ ...fake.direct, platformKeys: bothKeys }, { baseUrl: fake.url, appId, timeoutMs: 1000 });
      await gateway.createOrder({ outTradeNo: 'BXSWITCH01', amountFen: 100, description: '伴学资助', channel: 'qr', expiresAt: '2026-11-29T05:00:00.000Z', notifyUrl: 'https://banxue.example/n' });
      await fake.pay('BXSWITCH01', { notify: false });
      const notice = fake.noticeFor('BXSWITCH01');
      expect(gateway.verifyNotice(notice.headers, notice.body, now)).toMatchObject({ kind: 'trade', trade: { state: 'paid' } });
      // With only the other key listed, the same notice is refused.
      const otherKeyOnly = createWechatPayGateway({ ...fake.direct, platformKeys: bothKeys.filter((key) => key.id !== notice.headers['Wechatpay-Serial']) }, { baseUrl: fake.url, appId, timeoutMs: 1000 });
      expect(refusal(() => otherKeyOnly.verifyNotice(notice.headers, notice.body, now))).toBe('unknown_key');
    }
  } finally {
    for (const fake of fakes) await fake.close();
  }
});

test('a refund notice verifies as a refund of its order', async () => {
  const fake = await startFakeWechatPay({ keyMode: 'public_key', now: () => now });
  try {
    const gateway = createWechatPayGateway(fake.direct, { baseUrl: fake.url, appId, timeoutMs: 1000 });
    fake.routeNotices(async () => ({ status: 200, body: '' }));
    await gateway.createOrder({ outTradeNo: 'BXREFUND01', amountFen: 500, description: '伴学资助', channel: 'qr', expiresAt: '2026-11-29T05:00:00.000Z', notifyUrl: 'https://banxue.example/n' });
    await fake.pay('BXREFUND01', { notify: false });
    await gateway.refund({ outTradeNo: 'BXREFUND01', outRefundNo: 'BXREFUND01R', refundFen: 200, totalFen: 500, reason: '', notifyUrl: 'https://banxue.example/n' });
    await fake.idle();
    const notice = fake.refundNoticeFor('BXREFUND01R');
    expect(gateway.verifyNotice(notice.headers, notice.body, now)).toEqual({
      kind: 'refund',
      outTradeNo: 'BXREFUND01',
      refund: { outRefundNo: 'BXREFUND01R', state: 'succeeded', amountFen: 200, platformRefundId: expect.stringMatching(/^50/) },
    });
  } finally {
    await fake.close();
  }
});
