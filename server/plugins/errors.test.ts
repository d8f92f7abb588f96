import { createTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.app.get('/api/test/boom', { config: { access: 'public' }, schema: { response: { 200: { type: 'object' } } } }, async () => {
    throw new Error('secret internal detail: 吉克阿依 13800001234');
  });
});
afterAll(() => t.close());

it('answers malformed JSON with a 400 a person can act on', async () => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/password',
    payload: '{"username": ',
    headers: { 'content-type': 'application/json' },
  });
  expect(response.statusCode).toBe(400);
  expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('提交的内容有误') });
});

it('explains each invalid field in the caller’s language', async () => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/password',
    payload: { username: '', password: 'x' },
    headers: { 'accept-language': 'en-US,en;q=0.9' },
  });
  expect(response.statusCode).toBe(400);
  expect(response.json().error.details).toEqual([{ field: 'body.username', message: 'must be at least 1 character' }]);
});

it('hides internal failures behind a generic 500 and logs them', async () => {
  const response = await t.app.inject({ url: '/api/test/boom' });
  expect(response.statusCode).toBe(500);
  expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: expect.stringContaining('服务器出了点问题') } });
  expect(response.body).not.toMatch(/secret|吉克|138|at .*\.ts/);
  expect(t.logs.join('')).toContain('secret internal detail');
});

it('answers unknown API paths with a JSON 404', async () => {
  const response = await t.app.inject({ url: '/api/no-such-thing' });
  expect(response.statusCode).toBe(404);
  expect(response.json().error.code).toBe('NOT_FOUND');
});

it('answers an unsupported content type with 415', async () => {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/password', payload: 'x', headers: { 'content-type': 'text/csv' } });
  expect(response.statusCode).toBe(415);
  expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
});

it('reports health and serves the OpenAPI document', async () => {
  expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok', database: 'ok' });
  const spec = (await t.app.inject({ url: '/api/docs/json' })).json();
  expect(spec.openapi).toMatch(/^3\./);
  expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/auth/wechat', '/api/sponsor/sponsorships', '/api/staff/students']));
  expect((await t.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
});

it('answers a path the router cannot decode, or an overlong id, in the usual error shape', async () => {
  for (const url of ['/api/letters/%', '/api/letters/%E0%A4%A', '/api/letters/%zz/read']) {
    const response = await t.app.inject({ url });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String) } });
  }
  const overlong = await t.app.inject({ url: `/api/letters/${'x'.repeat(400)}`, headers: { 'accept-language': 'en-US' } });
  expect(overlong.statusCode).toBe(404);
  expect(overlong.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
});
