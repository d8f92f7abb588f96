import { createTestApp, type TestApp } from '../../test/test-app';
import { startFakePlatforms } from '../../test/fake-platforms';
import { insertWorld } from '../../test/fixtures';

type Fake = Awaited<ReturnType<typeof startFakePlatforms>>;

describe('platform login', () => {
  let fake: Fake;
  let t: TestApp;
  const seen: string[] = [];

  beforeAll(async () => {
    fake = await startFakePlatforms();
    t = await createTestApp(fake.env);
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  async function post(url: string, payload: unknown, headers: Record<string, string> = {}) {
    const response = await t.app.inject({ method: 'POST', url, payload: payload as object, headers });
    seen.push(response.body, JSON.stringify(response.headers));
    return response;
  }

  it('exchanges a WeChat code for a session and creates a sponsor account once per openid', async () => {
    const first = await post('/api/auth/wechat', { code: fake.issueCode('wechat', 'openid-alice') });
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(body.isNewAccount).toBe(true);
    expect(body.me).toMatchObject({ role: 'sponsor', displayName: '微信用户', ngo: null });

    const again = await post('/api/auth/wechat', { code: fake.issueCode('wechat', 'openid-alice') });
    expect(again.json().isNewAccount).toBe(false);
    expect(again.json().me.accountId).toBe(body.me.accountId);
    expect(again.json().token).not.toBe(body.token);

    const me = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().accountId).toBe(body.me.accountId);
  });

  it('creates one account when two first logins of the same person race', async () => {
    const [a, b] = await Promise.all([
      post('/api/auth/wechat', { code: fake.issueCode('wechat', 'openid-racer') }),
      post('/api/auth/wechat', { code: fake.issueCode('wechat', 'openid-racer') }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().me.accountId).toBe(b.json().me.accountId);
    const rows = await t.app.db.selectFrom('platform_identities').select('account_id').where('subject', '=', 'openid-racer').execute();
    expect(rows).toHaveLength(1);
    const orphans = await t.app.db
      .selectFrom('accounts')
      .leftJoin('platform_identities', 'platform_identities.account_id', 'accounts.id')
      .select('accounts.id')
      .where('accounts.role', '=', 'sponsor')
      .where('platform_identities.id', 'is', null)
      .execute();
    expect(orphans).toHaveLength(0);
  });

  it('refuses a used or unknown WeChat code with an actionable message', async () => {
    const code = fake.issueCode('wechat', 'openid-bob');
    expect((await post('/api/auth/wechat', { code })).statusCode).toBe(200);
    const reused = await post('/api/auth/wechat', { code });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error.code).toBe('LOGIN_CODE_INVALID');
    expect(reused.json().error.message).toContain('重新点击登录');

    const unknown = await post('/api/auth/wechat', { code: 'never-issued' }, { 'accept-language': 'en-US' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toMatch(/tap sign in again/);
  });

  it('signs the Alipay token request and keys the user by their Alipay id', async () => {
    const response = await post('/api/auth/alipay', { authCode: fake.issueCode('alipay', '074aliceopenid') });
    expect(response.statusCode).toBe(200);
    expect(response.json().me.displayName).toBe('支付宝用户');

    const reused = await post('/api/auth/alipay', { authCode: 'not-a-code' });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error.code).toBe('LOGIN_CODE_INVALID');
  });

  it('answers 502 when the platform is too slow, without creating anything', async () => {
    fake.setDelay(800);
    try {
      const response = await post('/api/auth/wechat', { code: fake.issueCode('wechat', 'openid-slow') });
      expect(response.statusCode).toBe(502);
      expect(response.json().error.code).toBe('PLATFORM_UNAVAILABLE');
    } finally {
      fake.setDelay(0);
    }
    const identities = await t.app.db.selectFrom('platform_identities').select('subject').where('subject', '=', 'openid-slow').execute();
    expect(identities).toHaveLength(0);
  });

  it('never lets a session_key out: not in bodies, headers, logs or the database', async () => {
    await post('/api/auth/wechat', { code: fake.issueCode('wechat', 'openid-carol') });
    expect(fake.sessionKeys.length).toBeGreaterThan(0);
    const dump = JSON.stringify(await t.app.db.selectFrom('platform_identities').selectAll().execute()) +
      JSON.stringify(await t.app.db.selectFrom('sessions').selectAll().execute());
    const everything = [...seen, ...t.logs, dump].join('\n');
    expect(everything).not.toContain('session_key');
    for (const key of fake.sessionKeys) expect(everything).not.toContain(key);
  });

  it('rejects a body with unknown fields or a missing code', async () => {
    const extra = await post('/api/auth/wechat', { code: 'x', openid: 'forged' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details).toEqual([{ field: 'body.openid', message: expect.stringContaining('openid') }]);
    const missing = await post('/api/auth/wechat', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('body.code');
  });
});

describe('sessions, staff passwords and the demo login', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertWorld(t.app.db, { password: 'correct horse battery' });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, ip = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/password', payload: { username, password }, remoteAddress: ip });

  it('signs staff in with a password stored as a scrypt hash', async () => {
    const row = await t.app.db.selectFrom('staff').select('password_hash').where('username', '=', 'cw-a').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const response = await login('cw-a', 'correct horse battery');
    expect(response.statusCode).toBe(200);
    expect(response.json().me).toMatchObject({ role: 'caseworker', displayName: '张社工', ngo: { id: 'ngo-a', name: '凉山助学会' } });
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await login('cw-a', 'nope', '10.0.0.2');
    const unknown = await login('nobody', 'nope', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('rate-limits repeated password attempts for one user from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await login('admin-a', `guess-${i}`, '10.0.0.9')).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Another user from the same address is not locked out by it.
    expect((await login('cw-a2', 'correct horse battery', '10.0.0.9')).statusCode).toBe(200);
  });

  it('revokes the session on logout and refuses expired sessions', async () => {
    const { token } = (await login('cw-b', 'correct horse battery', '10.0.0.3')).json();
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/me', headers: auth })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: auth })).statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/me', headers: auth });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');

    const fresh = (await login('cw-b', 'correct horse battery', '10.0.0.4')).json();
    t.clock.set(new Date(Date.parse(fresh.expiresAt) + 1000));
    try {
      expect((await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${fresh.token}` } })).statusCode).toBe(401);
    } finally {
      t.clock.set(new Date('2026-11-29T04:00:00.000Z'));
    }
  });

  it('stores only a hash of each session token', async () => {
    const { token } = (await login('admin-a', 'correct horse battery', '10.0.0.5')).json();
    const rows = await t.app.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('lets a visitor pick any seeded user in demo mode', async () => {
    const users = (await t.app.inject({ url: '/api/auth/demo-users' })).json().users;
    expect(new Set(users.map((u: { role: string }) => u.role))).toEqual(new Set(['sponsor', 'student', 'caseworker', 'ngo_admin']));
    const student = users.find((u: { role: string }) => u.role === 'student');
    const session = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { accountId: student.accountId } });
    expect(session.statusCode).toBe(200);
    expect(session.json().me.role).toBe('student');
    const missing = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { accountId: 'no-such-account' } });
    expect(missing.statusCode).toBe(404);
  });

  it('describes the demo users with the count and grade words the app uses', async () => {
    const english = (await t.app.inject({ url: '/api/auth/demo-users', headers: { 'accept-language': 'en-US' } })).json().users as { role: string; description: string }[];
    const sponsorLines = english.filter((u) => u.role === 'sponsor').map((u) => u.description);
    expect(sponsorLines.length).toBeGreaterThan(0);
    for (const line of sponsorLines) expect(line).toMatch(/^sponsors (1 student|\d+ students)$/);
    for (const u of english.filter((u) => u.role === 'student')) expect(u.description).toMatch(/^(Primary|Junior|Senior|Vocational) \d · /);
    const chinese = (await t.app.inject({ url: '/api/auth/demo-users', headers: { 'accept-language': 'zh-CN' } })).json().users as { role: string; description: string }[];
    for (const u of chinese.filter((u) => u.role === 'student')) expect(u.description).toMatch(/^(小学|初中|高中|中职)[一二三四五六]年级 · /);
  });
});

describe('demo login switched off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ BANXUE_DEMO_LOGIN: 'false' });
    await insertWorld(t.app.db);
  });
  afterAll(() => t.close());

  it('offers no demo users and refuses demo sessions', async () => {
    expect((await t.app.inject({ url: '/api/auth/options' })).json()).toMatchObject({ demo: false, wechat: false });
    expect((await t.app.inject({ url: '/api/auth/demo-users' })).statusCode).toBe(404);
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { accountId: 'acc-admin-a' } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('LOGIN_METHOD_UNAVAILABLE');
  });
});
