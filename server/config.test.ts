import { ConfigError, loadConfig } from './config';

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
    const production = loadConfig({ BANXUE_MODE: 'production', BANXUE_FILE_URL_SECRET: 'x'.repeat(32) });
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
});
