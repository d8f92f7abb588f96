import { startFakePlatforms } from '../../test/fake-platforms';
import { createTestApp, type TestApp } from '../../test/test-app';

type Fake = Awaited<ReturnType<typeof startFakePlatforms>>;

let fake: Fake;
beforeAll(async () => {
  fake = await startFakePlatforms();
});
afterAll(() => fake.close());

const logLines = (t: TestApp) => t.logs.map((line) => JSON.parse(line) as { level: number; msg: string; method?: string; problem?: string });
const subjects = (t: TestApp) => t.app.db.selectFrom('platform_identities').select('subject').where('platform', '=', 'alipay').execute();

describe('Alipay login with the Alipay public key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(fake.env);
  });
  afterAll(() => t.close());

  const login = (authCode: string) => t.app.inject({ method: 'POST', url: '/api/auth/alipay', payload: { authCode } });

  it('signs in on a correctly signed token answer and takes a signed error_response as a bad code', async () => {
    const ok = await login(fake.issueCode('alipay', '074signedopenid'));
    expect(ok.statusCode).toBe(200);
    expect(await subjects(t)).toContainEqual({ subject: '074signedopenid' });

    const bad = await login('never-issued');
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('LOGIN_CODE_INVALID');
  });

  it.each([
    ['tampered', 'response signature does not match the Alipay public key'],
    ['wrong_key', 'response signature does not match the Alipay public key'],
    ['unsigned', 'response is not signed'],
  ] as const)('answers 502 and creates nothing when the token answer is %s', async (fault, problem) => {
    fake.scriptAlipayResponseFaults(fault);
    const response = await login(fake.issueCode('alipay', `074${fault}openid`));
    expect(response.statusCode).toBe(502);
    expect(response.json().error.code).toBe('PLATFORM_UNAVAILABLE');
    const stored = (await subjects(t)).map((row) => row.subject);
    expect(stored).not.toContain(`074${fault}openid`);
    expect(stored).not.toContain('forged-open-id');
    expect(logLines(t)).toContainEqual(expect.objectContaining({ msg: 'Alipay response refused', method: 'alipay.system.oauth.token', problem }));
  });

  it('does not trust an unsigned error either: it is unavailability, not a bad code', async () => {
    fake.scriptAlipayResponseFaults('unsigned');
    const response = await login('never-issued-either');
    expect(response.statusCode).toBe(502);
    expect(response.json().error.code).toBe('PLATFORM_UNAVAILABLE');
  });

  it('never writes the access token Alipay hands out to the log', async () => {
    fake.scriptAlipayResponseFaults('wrong_key');
    await login(fake.issueCode('alipay', '074tokenopenid'));
    await login(fake.issueCode('alipay', '074tokenopenid'));
    expect(fake.alipayAccessTokens.length).toBeGreaterThan(1);
    const logs = t.logs.join('\n');
    for (const token of fake.alipayAccessTokens) expect(logs).not.toContain(token);
    expect(logs).not.toContain('access_token');
  });
});

describe('Alipay login in local mode without ALIPAY_PUBLIC_KEY', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ ...fake.env, ALIPAY_PUBLIC_KEY: '' });
  });
  afterAll(() => t.close());

  it('accepts answers it cannot check, and says so once in the log', async () => {
    fake.scriptAlipayResponseFaults('wrong_key', 'unsigned');
    for (const subject of ['074localone', '074localtwo', '074localthree']) {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/alipay', payload: { authCode: fake.issueCode('alipay', subject) } });
      expect(response.statusCode).toBe(200);
    }
    const warnings = logLines(t).filter((line) => line.msg.includes('ALIPAY_PUBLIC_KEY is not set'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].level).toBe(40);
  });
});
