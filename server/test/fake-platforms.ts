import { createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';
import Fastify from 'fastify';

/**
 * A local stand-in for the WeChat and Alipay servers, speaking their real wire formats, so the
 * platform clients are exercised over real HTTP. Codes are single-use, like the real ones.
 */
export async function startFakePlatforms() {
  const wechat = { appId: 'wx-test-app', appSecret: 'wx-test-secret' };
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const alipay = { appId: '2021000000000001', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };

  const issued = new Map<string, { subject: string; used: boolean }>();
  const sessionKeys: string[] = [];
  let delayMs = 0;
  const app = Fastify({ logger: false, forceCloseConnections: true });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.get('/sns/jscode2session', async (request) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const q = request.query as Record<string, string>;
    if (q.appid !== wechat.appId || q.secret !== wechat.appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' };
    const entry = issued.get(`wx:${q.js_code}`);
    if (!entry) return { errcode: 40029, errmsg: 'invalid code' };
    if (entry.used) return { errcode: 40163, errmsg: 'code been used' };
    entry.used = true;
    const sessionKey = `FAKE-SESSION-KEY-${randomBytes(8).toString('hex')}`;
    sessionKeys.push(sessionKey);
    return { openid: entry.subject, session_key: sessionKey, unionid: `union-${entry.subject}` };
  });

  // Access tokens (cgi-bin/token) and the text check (wxa/msg_sec_check, version 2). Text containing
  // RISKY or REVIEW gets that suggestion, FAILS an errcode, SLOW an answer after the client's timeout.
  const tokens = new Set<string>();
  const textChecks: { content: string; openid: string; scene: number; version: number }[] = [];
  let tokenRequests = 0;
  app.get('/cgi-bin/token', async (request) => {
    const q = request.query as Record<string, string>;
    if (q.grant_type !== 'client_credential' || q.appid !== wechat.appId || q.secret !== wechat.appSecret) {
      return { errcode: 40125, errmsg: 'invalid appsecret' };
    }
    tokenRequests += 1;
    const token = `ACCESS-TOKEN-${randomBytes(8).toString('hex')}`;
    tokens.add(token);
    return { access_token: token, expires_in: 7200 };
  });
  app.post('/wxa/msg_sec_check', async (request) => {
    const q = request.query as Record<string, string>;
    if (!tokens.has(q.access_token)) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
    const body = request.body as { content: string; openid: string; scene: number; version: number };
    textChecks.push({ content: body.content, openid: body.openid, scene: body.scene, version: body.version });
    if (body.content.includes('SLOW')) await new Promise((resolve) => setTimeout(resolve, 1500));
    if (body.content.includes('FAILS')) return { errcode: -1, errmsg: 'system error' };
    const suggest = body.content.includes('RISKY') ? 'risky' : body.content.includes('REVIEW') ? 'review' : 'pass';
    return { errcode: 0, errmsg: 'ok', result: { suggest, label: suggest === 'pass' ? 100 : 20001 }, detail: [], trace_id: randomBytes(6).toString('hex') };
  });

  app.post('/gateway.do', async (request) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const params = request.body as Record<string, string>;
    const content = Object.keys(params)
      .filter((k) => k !== 'sign' && params[k] !== '')
      .sort()
      .map((k) => `${k}=${params[k]}`)
      .join('&');
    const signed = createVerify('RSA-SHA256').update(content, 'utf8').verify(publicKey, params.sign ?? '', 'base64');
    if (!signed || params.app_id !== alipay.appId || params.method !== 'alipay.system.oauth.token') {
      return { error_response: { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature' } };
    }
    const entry = issued.get(`ali:${params.code}`);
    if (!entry || entry.used) {
      return { error_response: { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.code-invalid', sub_msg: '授权码code无效' } };
    }
    entry.used = true;
    return {
      alipay_system_oauth_token_response: { open_id: entry.subject, access_token: `tok-${randomBytes(6).toString('hex')}`, expires_in: 1296000 },
      sign: 'unused-in-tests',
    };
  });

  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    env: {
      WECHAT_APP_ID: wechat.appId,
      WECHAT_APP_SECRET: wechat.appSecret,
      WECHAT_API_BASE_URL: address,
      ALIPAY_APP_ID: alipay.appId,
      ALIPAY_PRIVATE_KEY: alipay.privateKey,
      ALIPAY_GATEWAY_URL: `${address}/gateway.do`,
      PLATFORM_TIMEOUT_MS: '500',
    },
    /** Issues a fresh single-use code for a user, as `wx.login` / `my.getAuthCode` would. */
    issueCode(platform: 'wechat' | 'alipay', subject: string): string {
      const code = `${platform}-code-${randomBytes(6).toString('hex')}`;
      issued.set(`${platform === 'wechat' ? 'wx' : 'ali'}:${code}`, { subject, used: false });
      return code;
    },
    sessionKeys,
    /** Every text check received, in order. */
    textChecks,
    tokenRequests: () => tokenRequests,
    setDelay(ms: number) {
      delayMs = ms;
    },
    close: () => app.close(),
  };
}
