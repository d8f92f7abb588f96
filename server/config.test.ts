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
    const production = loadConfig({ BANXUE_MODE: 'production' });
    expect(production.demoLogin).toBe(false);
    expect(production.seedOnStart).toBe(false);
  });

  it('needs a platform’s id and secret together', () => {
    expect(() => loadConfig({ WECHAT_APP_ID: 'wx123' })).toThrow(/WECHAT_APP_ID\/WECHAT_APP_SECRET/);
    const config = loadConfig({ WECHAT_APP_ID: 'wx123', WECHAT_APP_SECRET: 's', WECHAT_API_BASE_URL: 'http://127.0.0.1:9/' });
    expect(config.wechat).toEqual({ appId: 'wx123', appSecret: 's', baseUrl: 'http://127.0.0.1:9' });
  });
});
