import { createSign, createVerify, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import Fastify, { type FastifyReply } from 'fastify';

/**
 * A local stand-in for the WeChat and Alipay servers, speaking their real wire formats, so the
 * platform clients are exercised over real HTTP. Codes are single-use, like the real ones.
 */
export async function startFakePlatforms() {
  const wechat = { appId: 'wx-test-app', appSecret: 'wx-test-secret' };
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const alipay = { appId: '2021000000000001', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
  // The gateway's own key pair: it signs every answer; the app is given the public half.
  const gatewayKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });

  const issued = new Map<string, { subject: string; used: boolean }>();
  const sessionKeys: string[] = [];
  const alipayAccessTokens: string[] = [];
  let delayMs = 0;
  // After taking a message, how long the platform takes to answer: a process that dies meanwhile never hears it was sent.
  let sendAnswerDelayMs: () => number = () => 0;
  const answerLater = () => new Promise((resolve) => setTimeout(resolve, sendAnswerDelayMs()));
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

  // Stable access tokens (cgi-bin/stable_token): the current token is handed out again until it is
  // expired or revoked by the test, or force_refresh asks for a new one (which revokes the old).
  type TokenState = 'valid' | 'expired' | 'revoked';
  const stableTokens = new Map<string, TokenState>();
  let currentStableToken: string | null = null;
  const stableTokenRequests: { forceRefresh: boolean }[] = [];
  const stableTokenErrors: number[] = [];
  const markStableTokens = (state: TokenState) => {
    for (const token of stableTokens.keys()) stableTokens.set(token, state);
    currentStableToken = null;
  };
  app.post('/cgi-bin/stable_token', async (request) => {
    const body = request.body as { grant_type?: string; appid?: string; secret?: string; force_refresh?: boolean };
    if (body.grant_type !== 'client_credential' || body.appid !== wechat.appId || body.secret !== wechat.appSecret) {
      return { errcode: 40125, errmsg: 'invalid appsecret' };
    }
    stableTokenRequests.push({ forceRefresh: body.force_refresh === true });
    const scripted = stableTokenErrors.shift();
    if (scripted) return { errcode: scripted, errmsg: 'scripted failure' };
    if (body.force_refresh) markStableTokens('revoked');
    if (!currentStableToken) {
      currentStableToken = `STABLE-TOKEN-${randomBytes(8).toString('hex')}`;
      stableTokens.set(currentStableToken, 'valid');
    }
    return { access_token: currentStableToken, expires_in: 7200 };
  });

  // Subscribe messages: every accepted call is recorded; the test scripts what the next calls answer
  // (an errcode, an HTTP 500, or an answer slower than the client's timeout), success otherwise.
  type WechatSendScript = number | 'http500' | 'slow';
  const wechatSendScript: WechatSendScript[] = [];
  const subscribeSends: { accessToken: string; touser: string; template_id: string; page: string; data: Record<string, { value: string }>; miniprogram_state: string; lang: string }[] = [];
  app.post('/cgi-bin/message/subscribe/send', async (request, reply) => {
    const accessToken = (request.query as Record<string, string>).access_token;
    const state = stableTokens.get(accessToken);
    if (state !== 'valid') return state === 'expired' ? { errcode: 42001, errmsg: 'access_token expired' } : { errcode: 40001, errmsg: 'invalid credential' };
    const next = wechatSendScript.shift() ?? 0;
    if (next === 'http500') return reply.status(500).send({ errcode: -1, errmsg: 'system error' });
    if (next === 'slow') {
      // Answers after the client has given up; the message was not taken.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return { errcode: -1, errmsg: 'system busy' };
    }
    if (next !== 0) return { errcode: next, errmsg: 'scripted failure' };
    subscribeSends.push({ accessToken, ...(request.body as Omit<(typeof subscribeSends)[number], 'accessToken'>) });
    await answerLater();
    return { errcode: 0, errmsg: 'ok', msgid: Date.now() };
  });

  // Every gateway answer is signed like Alipay's: RSA2 over the exact text of its one node. A scripted
  // fault spoils the next answer: 'tampered' changes the node after signing (a forged open_id, or a
  // failure turned into success), 'wrong_key' signs with another key, 'unsigned' leaves the sign out.
  type AlipayResponseFault = 'tampered' | 'wrong_key' | 'unsigned';
  const alipayResponseFaults: AlipayResponseFault[] = [];
  let strangerKey: KeyObject | undefined;
  const rsa2 = (text: string, key: KeyObject) => createSign('RSA-SHA256').update(text, 'utf8').sign(key, 'base64');
  const signedAnswer = (reply: FastifyReply, node: string, content: Record<string, unknown>) => {
    const fault = alipayResponseFaults.shift();
    const nodeText = JSON.stringify(content);
    if (fault === 'wrong_key') strangerKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const sign = rsa2(nodeText, fault === 'wrong_key' ? strangerKey! : gatewayKeys.privateKey);
    const sent = fault === 'tampered' ? JSON.stringify({ ...content, ...('open_id' in content ? { open_id: 'forged-open-id' } : { code: '10000', msg: 'Success' }) }) : nodeText;
    return reply.type('application/json;charset=utf-8').send(`{"${node}":${sent}${fault === 'unsigned' ? '' : `,"sign":"${sign}"`}}`);
  };

  // Alipay template messages: recorded when signed by the app's key; scripted failures answer first.
  const TEMPLATE_SEND = 'alipay.open.app.mini.templatemessage.send';
  const TEMPLATE_SEND_NODE = `${TEMPLATE_SEND.replace(/\./g, '_')}_response`;
  const alipaySendScript: { code: string; sub_code?: string }[] = [];
  const alipayTemplateSends: { params: Record<string, string>; bizContent: Record<string, string> }[] = [];
  app.post('/gateway.do', async (request, reply) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const params = request.body as Record<string, string>;
    const content = Object.keys(params)
      .filter((k) => k !== 'sign' && params[k] !== '')
      .sort()
      .map((k) => `${k}=${params[k]}`)
      .join('&');
    const signed = createVerify('RSA-SHA256').update(content, 'utf8').verify(publicKey, params.sign ?? '', 'base64');
    if (signed && params.app_id === alipay.appId && params.method === TEMPLATE_SEND) {
      const next = alipaySendScript.shift();
      if (next) return signedAnswer(reply, TEMPLATE_SEND_NODE, { msg: 'Business Failed', ...next });
      alipayTemplateSends.push({ params, bizContent: JSON.parse(params.biz_content) as Record<string, string> });
      await answerLater();
      return signedAnswer(reply, TEMPLATE_SEND_NODE, { code: '10000', msg: 'Success' });
    }
    if (!signed || params.app_id !== alipay.appId || params.method !== 'alipay.system.oauth.token') {
      return signedAnswer(reply, 'error_response', { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: '验签出错' });
    }
    const entry = issued.get(`ali:${params.code}`);
    if (!entry || entry.used) {
      return signedAnswer(reply, 'error_response', { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.code-invalid', sub_msg: '授权码code无效' });
    }
    entry.used = true;
    const accessToken = `tok-${randomBytes(6).toString('hex')}`;
    alipayAccessTokens.push(accessToken);
    return signedAnswer(reply, 'alipay_system_oauth_token_response', { open_id: entry.subject, access_token: accessToken, expires_in: 1296000 });
  });

  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    env: {
      WECHAT_APP_ID: wechat.appId,
      WECHAT_APP_SECRET: wechat.appSecret,
      WECHAT_API_BASE_URL: address,
      ALIPAY_APP_ID: alipay.appId,
      ALIPAY_PRIVATE_KEY: alipay.privateKey,
      ALIPAY_PUBLIC_KEY: gatewayKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
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
    /** Every stable_token request, in order. */
    stableTokenRequests,
    /** What the next stable_token calls answer instead of a token, in order (errcodes). */
    scriptStableTokenErrors(...errcodes: number[]) {
      stableTokenErrors.push(...errcodes);
    },
    /** Every subscribe message WeChat accepted, in order. */
    subscribeSends,
    /** What the next subscribe/send calls answer, in order (an errcode, 'http500' or 'slow'). */
    scriptWechatSends(...results: WechatSendScript[]) {
      wechatSendScript.push(...results);
    },
    /** The stable token outlives its time (42001 from now on); the next stable_token call issues a new one. */
    expireStableTokens: () => markStableTokens('expired'),
    /** The stable token is no longer valid (40001), e.g. the secret was reset. */
    revokeStableTokens: () => markStableTokens('revoked'),
    /** Every signed Alipay template message accepted, in order. */
    alipayTemplateSends,
    /** What the next Alipay template sends answer, in order (the gateway's code and sub_code). */
    scriptAlipaySends(...results: { code: string; sub_code?: string }[]) {
      alipaySendScript.push(...results);
    },
    /** Spoils the signature of the next Alipay gateway answers, in order. */
    scriptAlipayResponseFaults(...faults: AlipayResponseFault[]) {
      alipayResponseFaults.push(...faults);
    },
    /** Every access token the Alipay gateway handed out, which must never reach a log. */
    alipayAccessTokens,
    setDelay(ms: number) {
      delayMs = ms;
    },
    /** How long each accepted subscribe or template message waits before its answer (a number of ms, drawn per message). */
    setSendAnswerDelay(draw: () => number) {
      sendAnswerDelayMs = draw;
    },
    close: () => app.close(),
  };
}
