import { createPublicKey, createSign, type KeyObject } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { GatewayResponseError, unverifiedGatewayResponse, verifiedGatewayResponse, type GatewayResponse } from './alipay-signature';
import { fetchText, PlatformError } from './http';
import type { PlatformMessage, PushOutcome } from './push-outcome';

export interface AlipayConfig {
  appId: string;
  /** PKCS#8 or PKCS#1 PEM of the app's RSA private key (RSA2 signing). */
  privateKey: string;
  /** PEM of Alipay's public key, checking the gateway's response signatures; absent only in local mode. */
  publicKey?: string;
  gatewayUrl: string;
}

export interface AlipayIdentity {
  /** `open_id` where the app uses Alipay's open ids, else the older `user_id`. */
  subject: string;
}

const INVALID_CODE_SUB_CODES = new Set(['isv.code-invalid', 'isv.code-expired', 'isv.invalid-auth-code']);

function shanghaiTimestamp(now: Date): string {
  const shifted = new Date(now.getTime() + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

// A 16-digit id starting 2088 is an Alipay user_id; anything else an open_id.
const ALIPAY_USER_ID = /^2088\d{12}$/;

interface GatewayFailure {
  code?: string;
  msg?: string;
  sub_code?: string;
}

/**
 * Alipay open platform gateway: `alipay.system.oauth.token` turns an authCode into the user's id;
 * `alipay.open.app.mini.templatemessage.send` sends a template message.
 */
export class AlipayClient {
  private readonly alipayPublicKey: KeyObject | undefined;
  private warnedUnverified = false;

  constructor(
    private readonly config: AlipayConfig,
    private readonly timeoutMs: number,
    private readonly log: Pick<FastifyBaseLogger, 'warn' | 'error'>,
  ) {
    this.alipayPublicKey = config.publicKey ? createPublicKey(config.publicKey) : undefined;
  }

  signedParams(params: Record<string, string>): Record<string, string> {
    const content = Object.keys(params)
      .filter((key) => params[key] !== '')
      .sort()
      .map((key) => `${key}=${params[key]}`)
      .join('&');
    const sign = createSign('RSA-SHA256').update(content, 'utf8').sign(this.config.privateKey, 'base64');
    return { ...params, sign };
  }

  /**
   * Calls one gateway method with the common parameters, signed (RSA2), and reads the answer only
   * once Alipay's signature on it checks out. A response that fails the check is logged (by its
   * problem, never its content) and treated as the platform being unavailable.
   */
  private async call(method: string, params: Record<string, string>, now: Date): Promise<GatewayResponse> {
    const signed = this.signedParams({
      app_id: this.config.appId,
      method,
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: shanghaiTimestamp(now),
      version: '1.0',
      ...params,
    });
    const body = await fetchText(this.config.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(signed).toString(),
      timeoutMs: this.timeoutMs,
    });
    try {
      if (this.alipayPublicKey) return verifiedGatewayResponse(body, method, this.alipayPublicKey);
      if (!this.warnedUnverified) {
        this.warnedUnverified = true;
        this.log.warn('ALIPAY_PUBLIC_KEY is not set: Alipay responses are accepted without checking their signature (local mode only)');
      }
      return unverifiedGatewayResponse(body, method);
    } catch (error) {
      if (!(error instanceof GatewayResponseError)) throw error;
      this.log.error({ method, problem: error.message }, 'Alipay response refused');
      throw new PlatformError('unavailable', error.message);
    }
  }

  async authCodeToIdentity(authCode: string, now: Date): Promise<AlipayIdentity> {
    const response = await this.call('alipay.system.oauth.token', { grant_type: 'authorization_code', code: authCode }, now);
    if (response.node === 'error_response') {
      const failure = response.content as GatewayFailure;
      const kind = failure.sub_code && INVALID_CODE_SUB_CODES.has(failure.sub_code) ? 'invalid_code' : 'unavailable';
      throw new PlatformError(kind, `oauth.token ${failure.code ?? ''} ${failure.sub_code ?? ''}`.trim(), failure.sub_code);
    }
    const token = response.content as { user_id?: unknown; open_id?: unknown };
    const subject = [token.open_id, token.user_id].find((id): id is string => typeof id === 'string' && id !== '');
    if (!subject) throw new PlatformError('unavailable', 'oauth.token returned no user id');
    return { subject };
  }

  /**
   * Sends a mini-program template message. Gateway code 20000 and `isp.*` sub-codes are Alipay's own
   * passing trouble (retry); any other failure is about this message or user and is final.
   */
  async sendTemplateMessage(message: PlatformMessage, now: Date): Promise<PushOutcome> {
    const recipient = ALIPAY_USER_ID.test(message.recipient) ? { to_user_id: message.recipient } : { to_open_id: message.recipient };
    const data = Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }]));
    let response: GatewayFailure;
    try {
      ({ content: response } = await this.call(
        'alipay.open.app.mini.templatemessage.send',
        { biz_content: JSON.stringify({ ...recipient, user_template_id: message.templateId, page: message.page, data: JSON.stringify(data) }) },
        now,
      ));
    } catch (error) {
      if (error instanceof PlatformError) return { kind: 'retry', error: `templatemessage.send ${error.message}` };
      throw error;
    }
    if (response.code === '10000') return { kind: 'sent' };
    const reason = response.sub_code ?? response.code ?? 'no-response';
    if (response.code === '20000' || reason.startsWith('isp.')) return { kind: 'retry', error: `templatemessage.send ${reason}` };
    return { kind: 'refused', reason: `refused:${reason}` };
  }
}
