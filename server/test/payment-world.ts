/**
 * A server wired for paying in the app, for tests: `createPaymentWorld()` starts the fake WeChat Pay
 * and fake Alipay (real HTTP, real signatures), builds a test app on a real database (SQLite, or
 * PostgreSQL with DATABASE_URL) listening on a loopback port so the fakes' notices reach it, inserts the
 * fixtures' small world (`insertWorld`: NGO `ngo-a` with its admin `acc-admin-a`; sponsorship `sp-1`
 * of `sponsor-1` for `student-a1`, 250 yuan monthly from 2025-09-01 to 2028-07-01), saves `ngo-a`'s
 * merchants (WeChat direct and Alipay direct by default) and gives `acc-sponsor-1` a WeChat openid and
 * an Alipay user id.
 *
 *   const w = await createPaymentWorld();
 *   const res = await w.app.inject({ method: 'POST', url: '/api/sponsor/sponsorships/sp-1/payment-orders',
 *     headers: w.sponsor, payload: { periods: 1, platform: 'wechat', channel: 'jsapi' } });
 *   await w.wechat.pay(outTradeNo)   // the fake then POSTs its signed notice to the app
 *   await w.close();
 */
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { saveMerchant } from '../features/merchants/store';
import { bearerFor, insertWorld } from './fixtures';
import { startFakeAlipay, type FakeAlipay } from './fake-alipay';
import { fakePlatformEnv } from './fake-payment-env';
import { startFakeWechatPay, type FakeWechatPay, type WechatKeyMode } from './fake-wechat-pay';
import { createTestApp, type TestApp } from './test-app';

export const WORLD_NGO = 'ngo-a';
export const WORLD_SPONSORSHIP = 'sp-1';
export const SPONSOR_OPENID = 'oSponsorOne0000000000000000';
export const SPONSOR_ALIPAY_USER = '2088000000000001';

export interface PaymentWorldOptions {
  /** How the fake WeChat Pay signs its notices and answers (default `certificate`). */
  keyMode?: WechatKeyMode;
  /** `sub_merchant`: ngo-a is a sub-merchant under the server's service provider (default `direct`). */
  wechatMode?: 'direct' | 'sub_merchant';
  /** `authorized`: ngo-a gave the server's Alipay app its app_auth_token (default `direct`). */
  alipayMode?: 'direct' | 'authorized';
  /** The app's clock at the start (`w.clock.set()` moves it; the fakes follow it). */
  now?: Date;
  env?: Record<string, string>;
}

export interface PaymentWorld extends TestApp {
  wechat: FakeWechatPay;
  alipay: FakeAlipay;
  /** Authorization header of acc-sponsor-1 (sponsor-1). */
  sponsor: { authorization: string };
  /** Authorization header of acc-sponsor-2 (sponsor-2, whose sponsorship is sp-3). */
  otherSponsor: { authorization: string };
  /** Authorization header of acc-admin-a, ngo-a's admin. */
  admin: { authorization: string };
  /** The ngo_merchants row ids (the `:merchantRef` of the notice URLs). */
  merchantRefs: { wechat: string; alipay: string };
  /** Replaces ngo-a's merchant on a platform (e.g. to switch mode in one test). */
  useMerchant(platform: 'wechat' | 'alipay', mode: string): Promise<string>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function createPaymentWorld(options: PaymentWorldOptions = {}): Promise<PaymentWorld> {
  // The fakes time their notices and payments by the app's test clock (set once the app exists).
  let clock = () => new Date();
  const now = () => clock();
  const wechat = await startFakeWechatPay({ keyMode: options.keyMode, now });
  const alipay = await startFakeAlipay({ now });
  const port = await freePort();
  const t = await createTestApp(
    {
      ...fakePlatformEnv(wechat, alipay, `http://127.0.0.1:${port}`),
      ...options.env,
    },
    options.now,
  );
  clock = () => t.clock.now();
  await t.app.listen({ host: '127.0.0.1', port });
  const { app } = t;
  await insertWorld(app.db);
  await app.db
    .insertInto('platform_identities')
    .values([
      { id: 'pi-sponsor-1-wechat', account_id: 'acc-sponsor-1', platform: 'wechat', subject: SPONSOR_OPENID, union_id: null, created_at: '2026-01-01T00:00:00.000Z' },
      { id: 'pi-sponsor-1-alipay', account_id: 'acc-sponsor-1', platform: 'alipay', subject: SPONSOR_ALIPAY_USER, union_id: null, created_at: '2026-01-01T00:00:00.000Z' },
    ])
    .execute();

  const useMerchant = (platform: 'wechat' | 'alipay', mode: string) => saveMerchantOf(app, wechat, alipay, platform, mode);
  const merchantRefs = {
    wechat: await useMerchant('wechat', options.wechatMode ?? 'direct'),
    alipay: await useMerchant('alipay', options.alipayMode ?? 'direct'),
  };
  return {
    ...t,
    wechat,
    alipay,
    sponsor: await bearerFor(app.db, 'acc-sponsor-1', t.clock.now()),
    otherSponsor: await bearerFor(app.db, 'acc-sponsor-2', t.clock.now()),
    admin: await bearerFor(app.db, 'acc-admin-a', t.clock.now()),
    merchantRefs,
    useMerchant,
    async close() {
      await t.close();
      await Promise.all([wechat.close(), alipay.close()]);
    },
  };
}

function saveMerchantOf(app: FastifyInstance, wechat: FakeWechatPay, alipay: FakeAlipay, platform: 'wechat' | 'alipay', mode: string) {
  const settings =
    platform === 'wechat'
      ? mode === 'sub_merchant'
        ? { platform, mode: 'sub_merchant' as const, subMchId: wechat.subMchId }
        : { platform, ...wechat.direct }
      : mode === 'authorized'
        ? { platform, ...alipay.authorized }
        : { platform, ...alipay.direct };
  return saveMerchant(app.db, app.config.payments.secretsKey, { ngoId: WORLD_NGO, settings, enabled: true, updatedBy: null }, app.clock.now());
}
