import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from './config';

const PAYMENTS_PRODUCTION = { BANXUE_SECRETS_KEY: 'ab'.repeat(32), BANXUE_PUBLIC_URL: 'https://banxue.example.org' };

describe('configuration', () => {
  it('starts locally with the demo login, SQLite under data/ and port 3000 by default', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ mode: 'local', host: '127.0.0.1', port: 3000, demoLogin: true, seedOnStart: true });
    expect(config.database.url).toBeUndefined();
    expect(config.database.sqlitePath).toMatch(/data\/banxue\.sqlite$/);
    expect(config.wechat).toBeUndefined();
  });

  it('lists every problem at once, naming the variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/LOG_LEVEL/);
  });

  it('refuses the demo login together with production settings', () => {
    expect(() => loadConfig({ BANXUE_MODE: 'production', BANXUE_DEMO_LOGIN: 'true' })).toThrow(/cannot be enabled in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', BANXUE_DEMO_LOGIN: 'true' })).toThrow(ConfigError);
    const production = loadConfig({ BANXUE_MODE: 'production', BANXUE_FILE_URL_SECRET: 'x'.repeat(32), ...PAYMENTS_PRODUCTION });
    expect(production.demoLogin).toBe(false);
    expect(production.seedOnStart).toBe(false);
  });

  it('needs a platform’s id and secret together', () => {
    expect(() => loadConfig({ WECHAT_APP_ID: 'wx123' })).toThrow(/WECHAT_APP_ID\/WECHAT_APP_SECRET/);
    const config = loadConfig({ WECHAT_APP_ID: 'wx123', WECHAT_APP_SECRET: 's', WECHAT_API_BASE_URL: 'http://127.0.0.1:9/' });
    expect(config.wechat).toEqual({ appId: 'wx123', appSecret: 's', baseUrl: 'http://127.0.0.1:9' });
  });

  it('needs a file-link secret in production and WeChat credentials for the text check', () => {
    expect(() => loadConfig({ BANXUE_MODE: 'production' })).toThrow(/BANXUE_FILE_URL_SECRET/);
    expect(() => loadConfig({ BANXUE_MODE: 'production', BANXUE_FILE_URL_SECRET: 'short' })).toThrow(/BANXUE_FILE_URL_SECRET/);
    const local = loadConfig({});
    expect(local.fileUrlSecret).toHaveLength(64);
    expect(local.filesDir).toMatch(/data\/files$/);
    expect(local.msgSecCheck).toBe(false);
    expect(() => loadConfig({ BANXUE_MSG_SEC_CHECK: 'true' })).toThrow(/BANXUE_MSG_SEC_CHECK/);
    expect(loadConfig({ BANXUE_MSG_SEC_CHECK: 'true', WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: 's' }).msgSecCheck).toBe(true);
  });

  it('runs the jobs every minute unless given another divisor of 60 seconds', () => {
    expect(loadConfig({}).jobIntervalSeconds).toBe(60);
    expect(loadConfig({ BANXUE_JOB_INTERVAL_SECONDS: '1' }).jobIntervalSeconds).toBe(1);
    expect(loadConfig({ BANXUE_JOB_INTERVAL_SECONDS: '15' }).jobIntervalSeconds).toBe(15);
    for (const bad of ['0', '7', '90', 'often']) expect(() => loadConfig({ BANXUE_JOB_INTERVAL_SECONDS: bad })).toThrow(/BANXUE_JOB_INTERVAL_SECONDS/);
  });

  it('reads the time from a clock file only in local mode', () => {
    expect(loadConfig({}).clockFile).toBeUndefined();
    expect(loadConfig({ BANXUE_CLOCK_FILE: '/tmp/banxue-clock' }).clockFile).toBe('/tmp/banxue-clock');
    expect(loadConfig({ BANXUE_CLOCK_FILE: 'data/clock' }).clockFile).toMatch(/\/data\/clock$/);
    const production = { BANXUE_MODE: 'production', BANXUE_FILE_URL_SECRET: 'x'.repeat(32), ...PAYMENTS_PRODUCTION };
    expect(() => loadConfig({ ...production, BANXUE_CLOCK_FILE: '/tmp/banxue-clock' })).toThrow(/BANXUE_CLOCK_FILE: .*cannot be used in production/);
  });

  describe('Alipay keys', () => {
    const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const gateway = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = (key: typeof app.publicKey | typeof app.privateKey) =>
      key.type === 'private' ? key.export({ type: 'pkcs8', format: 'pem' }).toString() : key.export({ type: 'spki', format: 'pem' }).toString();
    const oneLine = (text: string) => text.replace(/\n/g, '\\n');
    const credentials = { ALIPAY_APP_ID: '2021000000000001', ALIPAY_PRIVATE_KEY: oneLine(pem(app.privateKey)) };
    const production = { BANXUE_MODE: 'production', BANXUE_FILE_URL_SECRET: 'x'.repeat(32), ...PAYMENTS_PRODUCTION };
    const problemsOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
      }
      return [];
    };

    it('needs the Alipay public key in production, and takes it as PEM with \\n escapes or as the console’s base64 line', () => {
      expect(problemsOf({ ...production, ...credentials })).toEqual([expect.stringMatching(/^ALIPAY_PUBLIC_KEY: required in production .*支付宝公钥/)]);
      const fromPem = loadConfig({ ...production, ...credentials, ALIPAY_PUBLIC_KEY: oneLine(pem(gateway.publicKey)) });
      expect(fromPem.alipay).toMatchObject({ appId: '2021000000000001', privateKey: pem(app.privateKey), publicKey: pem(gateway.publicKey) });
      const base64Line = gateway.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
      expect(loadConfig({ ...production, ...credentials, ALIPAY_PUBLIC_KEY: base64Line }).alipay?.publicKey).toBe(pem(gateway.publicKey));
    });

    it('leaves the key optional in local mode', () => {
      expect(loadConfig(credentials).alipay?.publicKey).toBeUndefined();
    });

    it.each([
      ['text that is no key', { ALIPAY_PUBLIC_KEY: 'MIIBIjANBgkq-not-a-key' }, /^ALIPAY_PUBLIC_KEY: not an RSA public key/],
      ['a private key', { ALIPAY_PUBLIC_KEY: pem(gateway.privateKey) }, /^ALIPAY_PUBLIC_KEY: this is a private key/],
      ['the app’s own public key', { ALIPAY_PUBLIC_KEY: pem(app.publicKey) }, /^ALIPAY_PUBLIC_KEY: this is the app’s own public key/],
      ['an unreadable app private key', { ALIPAY_PRIVATE_KEY: 'not a key', ALIPAY_PUBLIC_KEY: pem(gateway.publicKey) }, /^ALIPAY_PRIVATE_KEY: not an RSA private key/],
    ])('names the variable when given %s', (_case, keys, problem) => {
      expect(problemsOf({ ...production, ...credentials, ...keys })).toEqual([expect.stringMatching(problem)]);
    });

    it('refuses an Alipay public key without the app’s credentials', () => {
      expect(problemsOf({ ALIPAY_PUBLIC_KEY: pem(gateway.publicKey) })).toEqual(['ALIPAY_PUBLIC_KEY: set ALIPAY_APP_ID and ALIPAY_PRIVATE_KEY too, or remove it']);
    });
  });

  describe('payments', () => {
    it('requires the secrets key and a public https address in production, naming both', () => {
      const problems = (() => {
        try {
          loadConfig({ BANXUE_MODE: 'production', BANXUE_FILE_URL_SECRET: 'x'.repeat(32), BANXUE_PUBLIC_URL: 'http://banxue.example.org' });
        } catch (e) {
          return (e as ConfigError).problems;
        }
        return [];
      })();
      expect(problems).toEqual([expect.stringMatching(/^BANXUE_SECRETS_KEY: required in production/), expect.stringMatching(/^BANXUE_PUBLIC_URL: required in production/)]);
    });

    it('asks for every service-provider variable once one is set', () => {
      expect(() => loadConfig({ WECHATPAY_SP_MCHID: '1900000100' })).toThrow(/missing: WECHATPAY_SP_SERIAL_NO, WECHATPAY_SP_PRIVATE_KEY/);
    });

    it('reads the service provider’s platform keys as a list of public keys', () => {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const provider = {
        WECHATPAY_SP_MCHID: '1900000100',
        WECHATPAY_SP_SERIAL_NO: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
        WECHATPAY_SP_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().replace(/\n/g, '\\n'),
        WECHATPAY_SP_APIV3_KEY: 'a'.repeat(32),
      };
      const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
      const config = loadConfig({ ...provider, WECHATPAY_SP_PLATFORM_KEYS: JSON.stringify([{ id: 'PUB_KEY_ID_0119000001002025', pem }]) });
      expect(config.payments.wechatPayProvider).toMatchObject({ mchId: '1900000100', platformKeys: [{ id: 'PUB_KEY_ID_0119000001002025', pem }] });
      expect(() => loadConfig({ ...provider, WECHATPAY_SP_PLATFORM_KEYS: '[{"id":"x","pem":"not a key"}]' })).toThrow(/WECHATPAY_SP_PLATFORM_KEYS: give a JSON list/);
    });
  });

  describe('object store', () => {
    it('is off by default and on with its bucket, endpoint and keys, asking for all of them once one is set', () => {
      expect(loadConfig({}).s3).toBeUndefined();
      const s3 = { BANXUE_S3_BUCKET: 'banxue-files', BANXUE_S3_ENDPOINT: 'https://cos.ap-guangzhou.myqcloud.com/', BANXUE_S3_ACCESS_KEY_ID: 'id', BANXUE_S3_SECRET_ACCESS_KEY: 'key' };
      expect(loadConfig(s3).s3).toEqual({
        bucket: 'banxue-files',
        endpoint: 'https://cos.ap-guangzhou.myqcloud.com',
        region: 'us-east-1',
        accessKeyId: 'id',
        secretAccessKey: 'key',
        forcePathStyle: false,
        prefix: '',
      });
      expect(() => loadConfig({ BANXUE_S3_BUCKET: 'banxue-files' })).toThrow(/missing: BANXUE_S3_ENDPOINT, BANXUE_S3_ACCESS_KEY_ID, BANXUE_S3_SECRET_ACCESS_KEY/);
      expect(() => loadConfig({ ...s3, BANXUE_S3_PREFIX: 'no-slash' })).toThrow(/BANXUE_S3_PREFIX/);
    });
  });
});
