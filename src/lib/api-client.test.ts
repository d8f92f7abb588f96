import { clearSession, useSessionStore } from '@/features/auth';
import { signIn, sponsorMe } from '@/test/fixtures';
import { failWith, mockApi, offline, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { ApiError, apiClient, configureApiClient, REQUEST_TIMEOUT_MS } from './api-client';
import { useLocaleStore } from './i18n';

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('api client: what it sends', () => {
  it('sends the base URL, the session token, the locale and a timeout', async () => {
    const sent = mockApi({ 'GET /api/me': ok(sponsorMe) });
    const session = signIn();
    useLocaleStore.getState().setLocale('en-US');

    await expect(apiClient.get('/api/me')).resolves.toEqual(sponsorMe);

    expect(sent[0].url).toBe('http://api.test/api/me');
    expect(sent[0].header.Authorization).toBe(`Bearer ${session.token}`);
    expect(sent[0].header['Accept-Language']).toBe('en-US');
    expect(sent[0].timeout).toBe(REQUEST_TIMEOUT_MS);
    expect(REQUEST_TIMEOUT_MS).toBe(15_000);
  });

  it('sends no Authorization header without a session, or for public routes', async () => {
    const sent = mockApi({ 'GET /api/auth/options': ok({}) });
    await apiClient.get('/api/auth/options');
    signIn();
    await apiClient.get('/api/auth/options', undefined, { auth: false });
    expect(sent[0].header.Authorization).toBeUndefined();
    expect(sent[1].header.Authorization).toBeUndefined();
  });

  it('encodes query parameters and leaves out empty ones', async () => {
    const sent = mockApi({ 'GET /api/staff/students': ok({ items: [], nextCursor: null }) });
    await apiClient.get('/api/staff/students', { limit: 20, cursor: 'a b&c', scope: undefined, other: null });
    expect(sent[0].query).toEqual({ limit: '20', cursor: 'a b&c' });
    expect(sent[0].data).toBeUndefined();
  });

  it('puts an Idempotency-Key on every POST and never on a GET', async () => {
    const sent = mockApi({ 'POST /api/auth/demo': ok({}), 'GET /api/me': ok(sponsorMe) });
    await apiClient.post('/api/auth/demo', { accountId: 'a' });
    await apiClient.post('/api/auth/demo', { accountId: 'a' });
    await apiClient.get('/api/me');

    const [first, second, get] = sent;
    expect(first.header['Idempotency-Key']).toMatch(/^.{8,128}$/);
    expect(second.header['Idempotency-Key']).toMatch(/^.{8,128}$/);
    // Two separate operations: two keys.
    expect(second.header['Idempotency-Key']).not.toBe(first.header['Idempotency-Key']);
    expect(get.header['Idempotency-Key']).toBeUndefined();
    expect(first.data).toEqual({ accountId: 'a' });
    expect(first.header['Content-Type']).toBe('application/json');
  });

  it('reuses the key it is given, so a retry of the same operation is recognised', async () => {
    const sent = mockApi({ 'POST /api/auth/logout': { statusCode: 204 } });
    await apiClient.post('/api/auth/logout', undefined, { idempotencyKey: 'op-123' });
    await apiClient.post('/api/auth/logout', undefined, { idempotencyKey: 'op-123' });
    expect(sent.map((s) => s.header['Idempotency-Key'])).toEqual(['op-123', 'op-123']);
  });

  it('answers undefined for 204 No Content', async () => {
    mockApi({ 'POST /api/auth/logout': { statusCode: 204, data: '' } });
    await expect(apiClient.post('/api/auth/logout')).resolves.toBeUndefined();
  });
});

describe('api client: errors a person can act on', () => {
  it('network failure: asks to check the connection, in the chosen language', async () => {
    mockApi({ 'GET /api/me': offline });
    const zh = await caught(apiClient.get('/api/me'));
    expect(zh.code).toBe('NETWORK');
    expect(zh.status).toBeNull();
    expect(zh.message).toContain('检查网络');

    useLocaleStore.getState().setLocale('en-US');
    const en = await caught(apiClient.get('/api/me'));
    expect(en.message).toMatch(/check your connection and try again/i);
  });

  it('timeout (mini-program "request:fail timeout" or an aborted fetch): same advice, its own code', async () => {
    useLocaleStore.getState().setLocale('en-US');
    mockApi({
      'GET /api/me': () => {
        throw { errMsg: 'request:fail timeout' };
      },
      'GET /api/auth/options': () => {
        throw Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' });
      },
    });
    const mini = await caught(apiClient.get('/api/me'));
    const web = await caught(apiClient.get('/api/auth/options'));
    expect(mini.code).toBe('TIMEOUT');
    expect(web.code).toBe('TIMEOUT');
    expect(mini.message).toMatch(/check your connection and try again/i);
  });

  it('401 on an authenticated request: session expired, session cleared, back to login', async () => {
    mockApi({ 'GET /api/me': failWith(401, 'UNAUTHENTICATED', 'Sign in first.') });
    signIn();
    const error = await caught(apiClient.get('/api/me'));

    expect(error.code).toBe('SESSION_EXPIRED');
    expect(error.message).toBe('登录已过期，请重新登录。');
    expect(useSessionStore.getState().token).toBeNull();
    expect(Taro.getStorageSync('banxue.session')).toBe('');
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index?reason=expired' });
  });

  it('401 from a login route is an answer to show (wrong password), not an expiry', async () => {
    mockApi({ 'POST /api/auth/password': failWith(401, 'INVALID_CREDENTIALS', '用户名或密码不对。') });
    const error = await caught(apiClient.post('/api/auth/password', { username: 'a', password: 'b' }, { auth: false }));
    expect(error.code).toBe('INVALID_CREDENTIALS');
    expect(error.message).toBe('用户名或密码不对。');
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('429: asks to wait, with the server-given delay when there is one', async () => {
    useLocaleStore.getState().setLocale('en-US');
    mockApi({
      'POST /api/auth/demo': { statusCode: 429, data: { error: { code: 'RATE_LIMITED', message: 'x' } }, header: { 'Retry-After': '42' } },
      'GET /api/me': failWith(429, 'RATE_LIMITED', 'x'),
    });
    const withDelay = await caught(apiClient.post('/api/auth/demo', { accountId: 'a' }));
    expect(withDelay.code).toBe('RATE_LIMITED');
    expect(withDelay.message).toBe('That was a lot of tries. Please wait 42 seconds and try again.');
    const plain = await caught(apiClient.get('/api/me'));
    expect(plain.message).toMatch(/wait a moment/);
  });

  it('5xx: says to try later, keeps the server code for diagnosis', async () => {
    useLocaleStore.getState().setLocale('en-US');
    mockApi({
      'GET /api/me': failWith(500, 'INTERNAL', 'boom at line 3'),
      'GET /api/auth/options': { statusCode: 503, data: '<html>bad gateway</html>' },
    });
    const internal = await caught(apiClient.get('/api/me'));
    expect(internal.code).toBe('INTERNAL');
    expect(internal.status).toBe(500);
    expect(internal.message).toBe('Something went wrong on our side. Please try again later.');
    expect(internal.message).not.toContain('boom');
    const proxy = await caught(apiClient.get('/api/auth/options'));
    expect(proxy.code).toBe('SERVER');
  });

  it('other 4xx: the server message, code and field details', async () => {
    mockApi({
      'POST /api/auth/demo': {
        statusCode: 400,
        data: {
          error: {
            code: 'VALIDATION_FAILED',
            message: '请求内容有误。',
            details: [{ field: 'accountId', message: '不能为空' }],
          },
        },
      },
    });
    const error = await caught(apiClient.post('/api/auth/demo', { accountId: '' }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, message: '请求内容有误。' });
    expect(error.details).toEqual([{ field: 'accountId', message: '不能为空' }]);
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('a 4xx without a readable body still gets a message', async () => {
    mockApi({ 'GET /api/me': { statusCode: 404, data: null } });
    const error = await caught(apiClient.get('/api/me'));
    expect(error.code).toBe('UNKNOWN');
    expect(error.message).toBe('出了点问题，请再试一次。');
  });

  it('uses whatever session layer is plugged in', async () => {
    const onSessionExpired = jest.fn();
    configureApiClient({ getToken: () => 'plugged', onSessionExpired });
    const sent = mockApi({ 'GET /api/me': failWith(401, 'UNAUTHENTICATED', 'no') });
    await caught(apiClient.get('/api/me'));
    expect(sent[0].header.Authorization).toBe('Bearer plugged');
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });
});

describe('api client: revalidating with entity tags', () => {
  const page = { items: [{ id: 'l-1' }], nextCursor: null };

  it('sends If-None-Match with the tag it was given and answers a 304 with the copy it kept', async () => {
    const sent = mockApi({
      'GET /api/sponsor/sponsorships/sp-1/timeline': (req) =>
        req.header['If-None-Match'] === 'W/"1.0.0.a"' ? { statusCode: 304, data: '' } : { statusCode: 200, data: page, header: { ETag: 'W/"1.0.0.a"' } },
    });
    signIn();
    await expect(apiClient.get('/api/sponsor/sponsorships/sp-1/timeline', { limit: 20 })).resolves.toEqual(page);
    await expect(apiClient.get('/api/sponsor/sponsorships/sp-1/timeline', { limit: 20 })).resolves.toEqual(page);
    expect(sent[0].header['If-None-Match']).toBeUndefined();
    expect(sent[1].header['If-None-Match']).toBe('W/"1.0.0.a"');
  });

  it('replaces the copy when the server sends a newer page, and keeps one copy per URL', async () => {
    let version = 1;
    const sent = mockApi({
      'GET /api/letters': (req) =>
        req.header['If-None-Match'] === `W/"${version}"` ? { statusCode: 304 } : { statusCode: 200, data: { v: version, q: req.query.sponsorshipId }, header: { etag: `W/"${version}"` } },
    });
    signIn();
    await apiClient.get('/api/letters', { sponsorshipId: 'sp-1' });
    version = 2;
    await expect(apiClient.get('/api/letters', { sponsorshipId: 'sp-1' })).resolves.toEqual({ v: 2, q: 'sp-1' });
    await expect(apiClient.get('/api/letters', { sponsorshipId: 'sp-1' })).resolves.toEqual({ v: 2, q: 'sp-1' });
    await expect(apiClient.get('/api/letters', { sponsorshipId: 'sp-2' })).resolves.toEqual({ v: 2, q: 'sp-2' });
    expect(sent.map((s) => s.header['If-None-Match'])).toEqual([undefined, 'W/"1"', 'W/"2"', undefined]);
  });

  it('forgets the kept answers at logout, so the next account starts without them', async () => {
    const sent = mockApi({ 'GET /api/me': { statusCode: 200, data: sponsorMe, header: { ETag: 'W/"me"' } } });
    signIn();
    await apiClient.get('/api/me');
    clearSession();
    signIn();
    await apiClient.get('/api/me');
    expect(sent.filter((s) => s.path === '/api/me').map((s) => s.header['If-None-Match'])).toEqual([undefined, undefined]);
  });
});
