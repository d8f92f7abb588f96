import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { openSecret } from '../../lib/secrets';
import { createPaymentWorld, type PaymentWorld } from '../../test/payment-world';

/**
 * Nothing of an NGO's merchant secrets (private keys, the APIv3 key, the app_auth_token) may leave the
 * server: not in any answer (body or header), not in any log line (captured at `trace`), not in the
 * audit log, and not in clear in the database. The secrets are entered through the admin's own routes,
 * then used by every flow that needs them: orders, notices, queries, refunds, a removal.
 */

let w: PaymentWorld;
const answers: { what: string; status: number; text: string }[] = [];

/** A line from the middle of a PEM body: unique to that key, and what a leak of the key would contain. */
const pemMarker = (pem: string) => {
  const lines = pem.trim().split('\n').slice(1, -1);
  return lines[Math.floor(lines.length / 2)];
};

let markers: Record<string, string>;

const keep = (what: string, res: LightMyRequestResponse) => {
  answers.push({ what, status: res.statusCode, text: `${JSON.stringify(res.headers)}\n${res.body}` });
  return res;
};
const call = async (what: string, options: InjectOptions) => keep(what, await w.app.inject(options));
const admin = (method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object) => call(`${method} ${url}`, { method, url, headers: w.admin, payload });
const updatedAt = async (platform: 'wechat' | 'alipay') => (await admin('GET', '/api/staff/ngo/merchants')).json()[platform]?.updatedAt ?? null;

beforeAll(async () => {
  w = await createPaymentWorld({ env: { LOG_LEVEL: 'trace' } });
  markers = {
    wechatPrivateKey: pemMarker(w.wechat.direct.privateKey),
    apiV3Key: w.wechat.direct.apiV3Key,
    alipayPrivateKey: pemMarker(w.alipay.direct.privateKey),
    appAuthToken: w.alipay.authorized.appAuthToken,
  };
  // Notices from the fake WeChat Pay go through inject, so their answers (headers too) are kept.
  w.wechat.routeNotices(async (target, notice) => {
    const res = await call(`notice ${target}`, { method: 'POST', url: new URL(target).pathname, headers: notice.headers, payload: notice.body });
    return { status: res.statusCode, body: res.body };
  });
}, 60_000);
afterAll(() => w?.close());

it('has markers that are really in the secrets (so finding none means something)', () => {
  for (const marker of Object.values(markers)) expect(marker.length).toBeGreaterThanOrEqual(32);
  expect(w.wechat.direct.privateKey).toContain(markers.wechatPrivateKey);
});

it('never lets a merchant secret out, in any answer, log line or audit entry, nor in clear in the database', async () => {
  const wechat = { ...w.wechat.direct, enabled: true };
  const alipay = { ...w.alipay.direct, enabled: true };

  // The admin enters every secret through the routes, refused saves included.
  await admin('GET', '/api/staff/ngo/merchants');
  expect((await admin('PUT', '/api/staff/ngo/merchants/wechat', { ...wechat, mchId: 'not-digits', expectedUpdatedAt: await updatedAt('wechat') })).statusCode).toBe(400);
  expect((await admin('PUT', '/api/staff/ngo/merchants/wechat', { ...wechat, unknownField: 1, expectedUpdatedAt: null })).statusCode).toBe(400);
  expect((await admin('PUT', '/api/staff/ngo/merchants/wechat', { ...wechat, expectedUpdatedAt: '2020-01-01T00:00:00.000Z' })).statusCode).toBe(409);
  expect((await admin('PUT', '/api/staff/ngo/merchants/wechat', { ...wechat, expectedUpdatedAt: await updatedAt('wechat') })).statusCode).toBe(200);
  w.clock.set(new Date(w.clock.now().getTime() + 1000));
  const authorized = { mode: 'authorized', sellerId: w.alipay.authorized.sellerId, appAuthToken: w.alipay.authorized.appAuthToken, enabled: true };
  expect((await admin('PUT', '/api/staff/ngo/merchants/alipay', { ...authorized, expectedUpdatedAt: await updatedAt('alipay') })).statusCode).toBe(200);
  expect((await admin('PUT', '/api/staff/ngo/merchants/alipay', { ...authorized, sellerId: '1', expectedUpdatedAt: await updatedAt('alipay') })).statusCode).toBe(400);

  // The sponsor's ledger, orders on both platforms (Alipay in both modes) paid through verified notices, a forged notice, a poll.
  await call('ledger', { url: '/api/sponsor/sponsorships/sp-1/ledger', headers: w.sponsor });
  const order = async (platform: 'wechat' | 'alipay') => {
    const res = await call(`order ${platform}`, {
      method: 'POST',
      url: '/api/sponsor/sponsorships/sp-1/payment-orders',
      headers: w.sponsor,
      payload: { periods: 1, platform, channel: 'jsapi' },
    });
    expect(res.statusCode).toBe(201);
    const { out_trade_no: outTradeNo } = await w.app.db.selectFrom('payment_orders').select('out_trade_no').where('id', '=', res.json().order.id).executeTakeFirstOrThrow();
    return { id: res.json().order.id as string, outTradeNo };
  };
  const viaAuthorized = await order('alipay');
  await w.alipay.pay(viaAuthorized.outTradeNo);
  expect((await call('poll', { url: `/api/sponsor/payment-orders/${viaAuthorized.id}`, headers: w.sponsor })).json().status).toBe('paid');
  w.clock.set(new Date(w.clock.now().getTime() + 1000));
  expect((await admin('PUT', '/api/staff/ngo/merchants/alipay', { ...alipay, expectedUpdatedAt: await updatedAt('alipay') })).statusCode).toBe(200);
  expect((await admin('PUT', '/api/staff/ngo/merchants/alipay', { ...alipay, alipayPublicKey: 'nope', expectedUpdatedAt: await updatedAt('alipay') })).statusCode).toBe(400);

  const viaWechat = await order('wechat');
  await w.wechat.pay(viaWechat.outTradeNo);
  const forged = w.wechat.noticeFor(viaWechat.outTradeNo, { tamper: 'signature' });
  expect((await call('forged notice', { method: 'POST', url: `/api/payments/notices/wechat/${w.merchantRefs.wechat}`, headers: forged.headers, payload: forged.body })).statusCode).toBeGreaterThanOrEqual(400);
  expect((await call('poll', { url: `/api/sponsor/payment-orders/${viaWechat.id}`, headers: w.sponsor })).json().status).toBe('paid');

  const viaAlipay = await order('alipay');
  await w.alipay.pay(viaAlipay.outTradeNo);
  const badAlipay = w.alipay.noticeFor(viaAlipay.outTradeNo, { tamper: 'signature' });
  for (const delivery of [...w.alipay.deliveries(), await w.alipay.sendNotice(`${w.app.config.payments.publicUrl}/api/payments/notices/alipay/${w.merchantRefs.alipay}`, badAlipay)]) {
    answers.push({ what: 'alipay notice', status: delivery.status, text: delivery.body });
  }
  // Keys saved through the routes (normalized to PKCS#8 / SPKI PEM) are the ones the gateway signs and verifies with.
  expect((await call('poll', { url: `/api/sponsor/payment-orders/${viaAlipay.id}`, headers: w.sponsor })).json().status).toBe('paid');

  // The admin's money views and a refund, then the merchant removed: the order still refunds.
  await call('staff orders', { url: '/api/staff/payment-orders?limit=100', headers: w.admin });
  const refund = (orderId: string, key: string) =>
    call('refund', { method: 'POST', url: `/api/staff/payment-orders/${orderId}/refunds`, headers: { ...w.admin, 'idempotency-key': key }, payload: { amountFen: 100, reason: '测试退款' } });
  expect((await refund(viaWechat.id, 'leak-refund-1')).statusCode).toBeLessThan(300);
  expect((await admin('DELETE', '/api/staff/ngo/merchants/wechat')).statusCode).toBe(200);
  expect((await admin('DELETE', '/api/staff/ngo/merchants/wechat')).statusCode).toBe(404);
  await refund(viaWechat.id, 'leak-refund-2');
  await admin('GET', '/api/staff/ngo/merchants');

  expect(answers.length).toBeGreaterThan(15);
  for (const [name, marker] of Object.entries(markers)) {
    expect({ name, in: answers.filter((a) => a.text.includes(marker)).map((a) => a.what) }).toEqual({ name, in: [] });
    expect({ name, inLogs: w.logs.filter((line) => line.includes(marker)) }).toEqual({ name, inLogs: [] });
  }
  // The logs did see this work (so an empty search is not a silent logger).
  expect(w.logs.some((line) => line.includes('/api/staff/ngo/merchants/wechat'))).toBe(true);

  const audit = await w.app.db.selectFrom('audit_log').select('detail').where('action', 'like', 'ngo_merchants.%').execute();
  expect(audit.length).toBeGreaterThanOrEqual(4);
  const rows = await w.app.db.selectFrom('ngo_merchants').select(['public_config', 'secret_config']).execute();
  for (const marker of Object.values(markers)) {
    expect(audit.filter((a) => a.detail?.includes(marker))).toEqual([]);
    expect(rows.filter((r) => r.secret_config.includes(marker) || r.public_config.includes(marker))).toEqual([]);
  }
  // Sealed, not lost: opened with the server's key, the stored keys are the ones entered.
  const opened = rows.map((r) => openSecret(w.app.config.payments.secretsKey, r.secret_config)).join('\n');
  for (const name of ['wechatPrivateKey', 'apiV3Key', 'alipayPrivateKey']) expect(opened).toContain(markers[name]);
}, 60_000);
