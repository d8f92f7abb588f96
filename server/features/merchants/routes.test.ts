import fs from 'node:fs';
import path from 'node:path';
import { createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { keyFingerprint } from './keys';
import { findMerchant, loadMerchant } from './store';
import { checkWechatMerchant } from './validate';

const keysDir = path.join(__dirname, '../../test/payment-keys');
const readKey = (name: string) => fs.readFileSync(path.join(keysDir, name), 'utf8');
const MERCHANT_KEY = readKey('wechatpay-merchant-key.pem');
const PLATFORM_CERT = readKey('wechatpay-platform-cert.pem');
const CERT_SERIAL = new X509Certificate(PLATFORM_CERT).serialNumber.toUpperCase();
const CERT_EXPIRY = new Date(new X509Certificate(PLATFORM_CERT).validTo).toISOString();
const spki = (key: Parameters<typeof createPublicKey>[0]) => createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
const PUBLIC_KEY_MODE = spki(readKey('wechatpay-public-key-mode-key.pem'));
const PUB_KEY_ID = 'PUB_KEY_ID_0114232134912410000000000000TEST';
const APIV3_KEY = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6';

const rsa = (bits = 2048) => generateKeyPairSync('rsa', { modulusLength: bits });
const alipayApp = rsa();
const alipayItself = rsa();
const pem = (key: { export(o: object): string | Buffer }, type: 'pkcs8' | 'spki') => key.export({ type, format: 'pem' }).toString();
/** What Alipay's console shows: the key's base64 on one line, no PEM armour. */
const bare = (key: { export(o: object): string | Buffer }, type: 'pkcs8' | 'spki') => (key.export({ type, format: 'der' }) as Buffer).toString('base64');

const WECHAT = {
  mode: 'direct',
  mchId: '1230000001',
  serialNo: '3775b6a45acd588826d15e583a95f5dd2c0cc51f',
  privateKey: MERCHANT_KEY,
  apiV3Key: APIV3_KEY,
  platformKeys: [{ pem: PLATFORM_CERT }, { id: PUB_KEY_ID, pem: PUBLIC_KEY_MODE }],
  enabled: true,
  expectedUpdatedAt: null,
};
const ALIPAY = {
  mode: 'direct',
  appId: '2021000000000001',
  privateKey: bare(alipayApp.privateKey, 'pkcs8'),
  alipayPublicKey: bare(alipayItself.publicKey, 'spki'),
  enabled: true,
  expectedUpdatedAt: null,
};

const without = <T extends object>(body: T, ...keys: string[]) => Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));
const WECHAT_WITHOUT_SECRETS = without(WECHAT, 'privateKey', 'apiV3Key');

let t: TestApp;
let bare_: TestApp;
const as: Record<string, Record<string, string>> = {};
const START = new Date('2026-11-29T04:00:00.000Z');
let tick = 0;
/** Each save at a later instant, as in life (the version is the save's time). */
const later = () => t.clock.set(new Date(START.getTime() + ++tick * 60_000));

beforeAll(async () => {
  const serverAlipay = rsa();
  t = await createTestApp({
    BANXUE_PUBLIC_URL: 'https://banxue.example.org',
    WECHAT_APP_ID: 'wxmerchanttest0001',
    WECHAT_APP_SECRET: 'merchant-test-secret',
    WECHATPAY_SP_MCHID: '1900000100',
    WECHATPAY_SP_SERIAL_NO: 'ABCDEF0123456789ABCDEF0123456789ABCDEF01',
    WECHATPAY_SP_PRIVATE_KEY: readKey('wechatpay-provider-key.pem'),
    WECHATPAY_SP_APIV3_KEY: APIV3_KEY,
    WECHATPAY_SP_PLATFORM_KEYS: JSON.stringify([{ id: CERT_SERIAL, pem: PLATFORM_CERT }]),
    ALIPAY_APP_ID: '2021000000000999',
    ALIPAY_PRIVATE_KEY: pem(serverAlipay.privateKey, 'pkcs8'),
    ALIPAY_PUBLIC_KEY: pem(alipayItself.publicKey, 'spki'),
  });
  await insertWorld(t.app.db);
  await t.app.db.insertInto('accounts').values({ id: 'acc-admin-b', role: 'ngo_admin', locale: 'zh-CN', created_at: '2026-01-01T00:00:00.000Z', disabled_at: null }).execute();
  await t.app.db
    .insertInto('staff')
    .values({ id: 'staff-admin-b', account_id: 'acc-admin-b', ngo_id: 'ngo-b', role: 'ngo_admin', full_name: '马主任', username: 'admin-b', password_hash: null, created_at: '2026-01-01T00:00:00.000Z' })
    .execute();
  for (const a of ['acc-admin-a', 'acc-admin-b', 'acc-cw-a', 'acc-sponsor-1', 'acc-student-a1']) as[a] = await bearerFor(t.app.db, a, new Date('2026-11-29T03:00:00.000Z'));

  bare_ = await createTestApp();
  await insertWorld(bare_.app.db);
  as.bareAdmin = await bearerFor(bare_.app.db, 'acc-admin-a');
}, 60_000);
afterAll(async () => {
  await t?.close();
  await bare_?.close();
});

const get = (who = 'acc-admin-a') => t.app.inject({ url: '/api/staff/ngo/merchants', headers: as[who] });
const put = (platform: string, body: object, who = 'acc-admin-a', lang = 'zh-CN') =>
  t.app.inject({ method: 'PUT', url: `/api/staff/ngo/merchants/${platform}`, headers: { ...as[who], 'accept-language': lang }, payload: body });
const remove = (platform: string, who = 'acc-admin-a') => t.app.inject({ method: 'DELETE', url: `/api/staff/ngo/merchants/${platform}`, headers: as[who] });
const stored = (platform: 'wechat' | 'alipay', ngoId = 'ngo-a') => loadMerchant(t.app.db, t.app.config.payments.secretsKey, { ngoId, platform });
const updatedAt = async (platform: 'wechat' | 'alipay') => (await get()).json()[platform]?.updatedAt ?? null;

describe('setting up', () => {
  it('starts with nothing, and says what the server offers', async () => {
    expect((await get()).json()).toEqual({
      wechat: null,
      alipay: null,
      noticeUrls: { wechat: null, alipay: null },
      providerAvailable: true,
      alipayAuthorizedAvailable: true,
    });
    expect((await bare_.app.inject({ url: '/api/staff/ngo/merchants', headers: as.bareAdmin })).json()).toMatchObject({
      providerAvailable: false,
      alipayAuthorizedAvailable: false,
    });
  });

  it('saves a direct WeChat Pay merchant: ids and expiry shown, secrets only as “set”, keys normalized, audited without secrets', async () => {
    later();
    const res = await put('wechat', WECHAT);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    const row = await findMerchant(t.app.db, { ngoId: 'ngo-a', platform: 'wechat' });
    expect(view.wechat).toEqual({
      mode: 'direct',
      merchantId: '1230000001',
      serialNo: '3775B6A45ACD588826D15E583A95F5DD2C0CC51F',
      platformKeys: [
        { id: CERT_SERIAL, kind: 'certificate', expiresAt: CERT_EXPIRY },
        { id: PUB_KEY_ID, kind: 'public_key', expiresAt: null },
      ],
      privateKeySet: true,
      apiV3KeySet: true,
      enabled: true,
      updatedAt: t.clock.now().toISOString(),
    });
    expect(view.noticeUrls).toEqual({ wechat: `https://banxue.example.org/api/payments/notices/wechat/${row!.id}`, alipay: null });

    const settings = (await stored('wechat'))!.settings;
    expect(settings).toMatchObject({ mode: 'direct', mchId: '1230000001', apiV3Key: APIV3_KEY, platformKeys: [{ id: CERT_SERIAL }, { id: PUB_KEY_ID }] });
    expect(createPublicKey((settings as { privateKey: string }).privateKey).equals(createPublicKey(MERCHANT_KEY))).toBe(true);

    const audit = await t.app.db.selectFrom('audit_log').select(['action', 'actor_account_id', 'detail']).where('action', '=', 'ngo_merchants.save').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail!)).toMatchObject({ platform: 'wechat', mode: 'direct', merchantId: '1230000001', secretsReplaced: ['privateKey', 'apiV3Key'], previous: null });
    expect(audit[0].detail).not.toContain(APIV3_KEY);
    expect(audit[0].detail).not.toContain('PRIVATE KEY');
  });

  it('keeps the stored secrets when an update leaves them out, and refuses a save made from an older view', async () => {
    const before = await updatedAt('wechat');
    later();
    const res = await put('wechat', { ...WECHAT_WITHOUT_SECRETS, serialNo: 'ABCDEF0123456789', platformKeys: [{ pem: PLATFORM_CERT }], expectedUpdatedAt: before });
    expect(res.statusCode).toBe(200);
    expect(res.json().wechat).toMatchObject({ serialNo: 'ABCDEF0123456789', privateKeySet: true, apiV3KeySet: true, platformKeys: [{ id: CERT_SERIAL }] });
    const settings = (await stored('wechat'))!.settings as { apiV3Key: string; privateKey: string };
    expect(settings.apiV3Key).toBe(APIV3_KEY);
    expect(createPublicKey(settings.privateKey).equals(createPublicKey(MERCHANT_KEY))).toBe(true);

    later();
    const stale = await put('wechat', { ...WECHAT_WITHOUT_SECRETS, mchId: '1230000002', expectedUpdatedAt: before });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('MERCHANT_VERSION_STALE');
    expect((await put('wechat', { ...WECHAT, expectedUpdatedAt: null })).statusCode).toBe(409);
    expect((await stored('wechat'))!.merchant.merchantId).toBe('1230000001');
  });

  it('keeps a stored platform key named by its id with no text, and refuses an unknown id with no text', async () => {
    const before = await updatedAt('wechat');
    later();
    const res = await put('wechat', { ...WECHAT_WITHOUT_SECRETS, platformKeys: [{ id: CERT_SERIAL.toLowerCase(), pem: '' }, { id: PUB_KEY_ID, pem: PUBLIC_KEY_MODE }], expectedUpdatedAt: before, enabled: false });
    expect(res.statusCode).toBe(200);
    const settings = (await stored('wechat'))!.settings as { platformKeys: { id: string; pem: string }[] };
    expect(settings.platformKeys.map((k) => k.id)).toEqual([CERT_SERIAL, PUB_KEY_ID]);
    expect(new X509Certificate(settings.platformKeys[0].pem).serialNumber.toUpperCase()).toBe(CERT_SERIAL);

    later();
    const unknown = await put('wechat', { ...WECHAT_WITHOUT_SECRETS, platformKeys: [{ id: 'PUB_KEY_ID_0114232134912410000000000000XXXX', pem: '' }], expectedUpdatedAt: await updatedAt('wechat') });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toContainEqual(expect.objectContaining({ field: 'body.platformKeys.0.pem' }));
  });

  it('takes Alipay keys as the console shows them (bare base64) and shows the public key’s fingerprint', async () => {
    later();
    const res = await put('alipay', ALIPAY);
    expect(res.statusCode).toBe(200);
    expect(res.json().alipay).toEqual({
      mode: 'direct',
      merchantId: '2021000000000001',
      alipayPublicKeyFingerprint: keyFingerprint(alipayItself.publicKey),
      privateKeySet: true,
      appAuthTokenSet: false,
      enabled: true,
      updatedAt: t.clock.now().toISOString(),
    });
    expect(res.json().noticeUrls.alipay).toMatch(/^https:\/\/banxue\.example\.org\/api\/payments\/notices\/alipay\/.+/);
    const settings = (await stored('alipay'))!.settings as { privateKey: string; alipayPublicKey: string };
    expect(settings.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(createPublicKey(settings.alipayPublicKey).equals(alipayItself.publicKey)).toBe(true);
  });

  it('switches modes: a sub-merchant needs no keys, and going back to direct needs them all again', async () => {
    later();
    const sub = await put('wechat', { mode: 'sub_merchant', subMchId: '1900000109', enabled: true, expectedUpdatedAt: await updatedAt('wechat') });
    expect(sub.statusCode).toBe(200);
    expect(sub.json().wechat).toMatchObject({ mode: 'sub_merchant', merchantId: '1900000109', serialNo: null, platformKeys: [], privateKeySet: false, apiV3KeySet: false });

    later();
    const back = await put('wechat', { ...WECHAT_WITHOUT_SECRETS, expectedUpdatedAt: await updatedAt('wechat') });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.privateKey', 'body.apiV3Key']);
    expect((await put('wechat', { ...WECHAT, expectedUpdatedAt: await updatedAt('wechat') })).statusCode).toBe(200);

    later();
    const authorized = await put('alipay', { mode: 'authorized', sellerId: '2088000000000042', appAuthToken: '202612BBf00dfeedcafe0001', enabled: false, expectedUpdatedAt: await updatedAt('alipay') });
    expect(authorized.statusCode).toBe(200);
    expect(authorized.json().alipay).toMatchObject({ mode: 'authorized', merchantId: '2088000000000042', appAuthTokenSet: true, privateKeySet: false, alipayPublicKeyFingerprint: null, enabled: false });
    later();
    const kept = await put('alipay', { mode: 'authorized', sellerId: '2088000000000042', enabled: true, expectedUpdatedAt: await updatedAt('alipay') });
    expect(kept.json().alipay).toMatchObject({ enabled: true, appAuthTokenSet: true });
    expect((await stored('alipay'))!.settings).toMatchObject({ appAuthToken: '202612BBf00dfeedcafe0001' });
  });
});

describe('refusals, each at its field with a message a person can act on', () => {
  const problems = async (platform: string, body: object, lang = 'zh-CN') => {
    const res = await put(platform, { ...body, expectedUpdatedAt: await updatedAt(platform as 'wechat') }, 'acc-admin-a', lang);
    expect(res.statusCode).toBe(400);
    const error = res.json().error as { code: string; message: string; details: { field: string; message: string }[] };
    expect(error.code).toBe('MERCHANT_SETTINGS_INVALID');
    return error.details;
  };
  const fields = async (platform: string, body: object) => (await problems(platform, body)).map((d) => `${d.field}: ${d.message}`);

  it('checks the shape of ids and keys, all at once', async () => {
    const details = await problems('wechat', { ...WECHAT, mchId: '12345', serialNo: 'XYZ-123', apiV3Key: 'short' });
    expect(details).toEqual([
      { field: 'body.mchId', message: expect.stringContaining('8 到 12 位数字') },
      { field: 'body.serialNo', message: expect.stringContaining('十六进制') },
      { field: 'body.apiV3Key', message: expect.stringContaining('32 位') },
    ]);
    const en = await problems('wechat', { ...WECHAT, apiV3Key: 'x'.repeat(33) }, 'en-US');
    expect(en).toEqual([{ field: 'body.apiV3Key', message: expect.stringContaining('exactly 32 letters or digits') }]);
  });

  it('reads the private key: unreadable, a public key instead, not RSA, too short', async () => {
    expect(await fields('wechat', { ...WECHAT, privateKey: '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----' })).toEqual([
      expect.stringMatching(/^body\.privateKey: 读不出这个私钥/),
    ]);
    expect(await fields('wechat', { ...WECHAT, privateKey: PLATFORM_CERT })).toEqual([expect.stringMatching(/^body\.privateKey: 这是公钥或证书/)]);
    expect(await fields('alipay', { ...ALIPAY, privateKey: bare(alipayApp.publicKey, 'spki') })).toEqual([expect.stringMatching(/^body\.privateKey: 这是公钥或证书/)]);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(await fields('wechat', { ...WECHAT, privateKey: pem(ec.privateKey, 'pkcs8') })).toEqual([expect.stringMatching(/^body\.privateKey: 这不是 RSA 私钥/)]);
    expect(await fields('wechat', { ...WECHAT, privateKey: pem(rsa(1024).privateKey, 'pkcs8') })).toEqual([expect.stringMatching(/^body\.privateKey: .*2048/)]);
  });

  it('reads the WeChat Pay keys: none, unreadable, the merchant’s own, wrong ids, duplicates', async () => {
    expect(await fields('wechat', { ...WECHAT, platformKeys: [] })).toEqual([expect.stringMatching(/^body\.platformKeys: 至少需要一个/)]);
    expect(await fields('wechat', { ...WECHAT, platformKeys: [{ pem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }] })).toEqual([
      expect.stringMatching(/^body\.platformKeys\.0\.pem: 读不出/),
    ]);
    expect(await fields('wechat', { ...WECHAT, platformKeys: [{ id: 'PUB_KEY_ID_OWN', pem: spki(MERCHANT_KEY) }] })).toEqual([
      expect.stringMatching(/^body\.platformKeys\.0\.pem: 这是你们商户自己的/),
    ]);
    expect(await fields('wechat', { ...WECHAT, platformKeys: [{ id: '0123ABCD', pem: PLATFORM_CERT }] })).toEqual([
      expect.stringMatching(/^body\.platformKeys\.0\.id: 编号与证书的序列号不一致/),
    ]);
    expect(
      await fields('wechat', {
        ...WECHAT,
        platformKeys: [{ pem: PUBLIC_KEY_MODE }, { id: 'KEY_1', pem: PUBLIC_KEY_MODE }, { id: 'PUB_KEY_ID_bad!', pem: PUBLIC_KEY_MODE }],
      }),
    ).toEqual([
      expect.stringMatching(/^body\.platformKeys\.2\.id: 微信支付公钥的编号以 PUB_KEY_ID_ 开头/),
      expect.stringMatching(/^body\.platformKeys\.0\.id: 请填写/),
      expect.stringMatching(/^body\.platformKeys\.1\.id: 微信支付公钥的编号以 PUB_KEY_ID_ 开头/),
    ]);
    expect(await fields('wechat', { ...WECHAT, platformKeys: [{ pem: PLATFORM_CERT }, { id: CERT_SERIAL.toLowerCase(), pem: PLATFORM_CERT }] })).toEqual([
      expect.stringMatching(/^body\.platformKeys\.1\.id: 这个证书或公钥已经填过了/),
    ]);
  });

  it('refuses a platform certificate that has expired', () => {
    const checked = checkWechatMerchant({ ...WECHAT, mode: 'direct', platformKeys: [{ pem: PLATFORM_CERT }] }, null, { providerAvailable: false }, new Date('2127-01-01T00:00:00.000Z'));
    expect(checked.problems).toEqual([{ field: 'platformKeys.0.pem', code: 'platform_key_expired' }]);
  });

  it('checks Alipay: the app id, a readable Alipay key, and not the app’s own public key', async () => {
    expect(await fields('alipay', { ...ALIPAY, appId: '2021-0001', alipayPublicKey: 'not base64 at all' })).toEqual([
      expect.stringMatching(/^body\.appId: 支付宝应用的 APPID 是 16 位数字/),
      expect.stringMatching(/^body\.alipayPublicKey: 读不出这个支付宝公钥/),
    ]);
    expect(await fields('alipay', { ...ALIPAY, alipayPublicKey: bare(alipayApp.publicKey, 'spki') })).toEqual([
      expect.stringMatching(/^body\.alipayPublicKey: 这是应用公钥/),
    ]);
    // The stored private key is used for the same check when the save leaves it out.
    await put('alipay', { ...ALIPAY, expectedUpdatedAt: await updatedAt('alipay') });
    later();
    expect(await fields('alipay', { ...without(ALIPAY, 'privateKey'), alipayPublicKey: pem(alipayApp.publicKey, 'spki') })).toEqual([expect.stringMatching(/^body\.alipayPublicKey: 这是应用公钥/)]);
    // Both keys left empty on a re-save: the stored ones are kept.
    later();
    const kept = await put('alipay', { ...ALIPAY, privateKey: '', alipayPublicKey: '', enabled: false, expectedUpdatedAt: await updatedAt('alipay') });
    expect(kept.statusCode).toBe(200);
    const settings = (await stored('alipay'))!.settings as { alipayPublicKey: string };
    expect(createPublicKey(settings.alipayPublicKey).equals(alipayItself.publicKey)).toBe(true);
    expect(await fields('alipay', { mode: 'authorized', sellerId: '2099000000000000', appAuthToken: 'short', enabled: true })).toEqual([
      expect.stringMatching(/^body\.sellerId: 支付宝商户 ID 是以 2088 开头/),
      expect.stringMatching(/^body\.appAuthToken: 授权令牌/),
    ]);
    expect(await fields('alipay', { mode: 'authorized', sellerId: '2088000000000042', enabled: true })).toEqual([expect.stringMatching(/^body\.appAuthToken: 请填写/)]);
  });

  it('refuses a mode the server cannot serve, saying what to do', async () => {
    const bareAdmin = (platform: string, body: object) =>
      bare_.app.inject({ method: 'PUT', url: `/api/staff/ngo/merchants/${platform}`, headers: { ...as.bareAdmin, 'accept-language': 'en-US' }, payload: body });
    const sub = await bareAdmin('wechat', { mode: 'sub_merchant', subMchId: '1900000109', enabled: true, expectedUpdatedAt: null });
    expect(sub.statusCode).toBe(400);
    expect(sub.json().error.details).toEqual([{ field: 'body.mode', message: expect.stringContaining('choose direct mode or ask the operator') }]);
    const authorized = await bareAdmin('alipay', { mode: 'authorized', sellerId: '2088000000000042', appAuthToken: '202612BBf00dfeedcafe0001', enabled: true, expectedUpdatedAt: null });
    expect(authorized.json().error.details).toEqual([{ field: 'body.mode', message: expect.stringContaining('no Alipay app of its own') }]);
    expect(await bare_.app.db.selectFrom('ngo_merchants').select('id').execute()).toEqual([]);
  });

  it('saved nothing while refusing', async () => {
    const audit = await t.app.db.selectFrom('audit_log').select('detail').where('action', '=', 'ngo_merchants.save').execute();
    // The eight saves of "setting up" and the two valid Alipay saves above; no refused one.
    expect(audit).toHaveLength(10);
  });
});

describe('who may', () => {
  it('refuses caseworkers, sponsors and students, and asks for a session', async () => {
    for (const who of ['acc-cw-a', 'acc-sponsor-1', 'acc-student-a1']) {
      expect((await get(who)).statusCode).toBe(403);
      expect((await put('wechat', WECHAT, who)).statusCode).toBe(403);
      expect((await remove('wechat', who)).statusCode).toBe(403);
    }
    expect((await t.app.inject({ url: '/api/staff/ngo/merchants' })).statusCode).toBe(401);
  });

  it('lets another NGO’s admin see and change only their own NGO', async () => {
    expect((await get('acc-admin-b')).json()).toMatchObject({ wechat: null, alipay: null });
    expect((await remove('wechat', 'acc-admin-b')).statusCode).toBe(404);
    const theirs = await put('wechat', { ...WECHAT, mchId: '1230000099' }, 'acc-admin-b');
    expect(theirs.statusCode).toBe(200);
    expect((await stored('wechat', 'ngo-b'))!.merchant.merchantId).toBe('1230000099');
    expect((await get()).json().wechat.merchantId).toBe('1230000001');
  });
});

describe('removing', () => {
  it('shows bank transfer again, keeps the sealed keys for existing orders, and a new set-up needs every key', async () => {
    later();
    const res = await remove('wechat');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ wechat: null, noticeUrls: { wechat: null } });
    const kept = await stored('wechat');
    expect(kept!.merchant).toMatchObject({ enabled: false, removedAt: t.clock.now().toISOString() });
    expect(kept!.settings).toMatchObject({ mode: 'direct', apiV3Key: APIV3_KEY });
    expect((await remove('wechat')).statusCode).toBe(404);
    const audit = await t.app.db.selectFrom('audit_log').select(['entity_id', 'detail']).where('action', '=', 'ngo_merchants.remove').execute();
    expect(audit).toEqual([{ entity_id: 'ngo-a', detail: JSON.stringify({ platform: 'wechat' }) }]);

    later();
    const again = await put('wechat', { ...WECHAT_WITHOUT_SECRETS, expectedUpdatedAt: null });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.privateKey', 'body.apiV3Key']);
    const setUp = await put('wechat', WECHAT);
    expect(setUp.statusCode).toBe(200);
    // The same row (so notices of its earlier orders still find it), switched on again.
    expect(setUp.json().noticeUrls.wechat).toBe(`https://banxue.example.org/api/payments/notices/wechat/${kept!.merchant.id}`);
    expect((await stored('wechat'))!.merchant).toMatchObject({ enabled: true, removedAt: null });
  });
});

describe('two admins at once', () => {
  it('lets one first set-up win and tells the other to refresh', async () => {
    const results = await Promise.all([
      put('alipay', { ...ALIPAY, appId: '2021000000000111' }, 'acc-admin-b'),
      put('alipay', { ...ALIPAY, appId: '2021000000000222' }, 'acc-admin-b'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json().alipay.merchantId;
    expect((await stored('alipay', 'ngo-b'))!.merchant.merchantId).toBe(winner);
  });
});
