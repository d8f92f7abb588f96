import { createSign } from 'node:crypto';
import { fetchJson, PlatformError } from './http';

export interface AlipayConfig {
  appId: string;
  /** PKCS#8 or PKCS#1 PEM of the app's RSA private key (RSA2 signing). */
  privateKey: string;
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

/** Alipay open platform gateway: `alipay.system.oauth.token` turns an authCode into the user's id. */
export class AlipayClient {
  constructor(
    private readonly config: AlipayConfig,
    private readonly timeoutMs: number,
  ) {}

  signedParams(params: Record<string, string>): Record<string, string> {
    const content = Object.keys(params)
      .filter((key) => params[key] !== '')
      .sort()
      .map((key) => `${key}=${params[key]}`)
      .join('&');
    const sign = createSign('RSA-SHA256').update(content, 'utf8').sign(this.config.privateKey, 'base64');
    return { ...params, sign };
  }

  async authCodeToIdentity(authCode: string, now: Date): Promise<AlipayIdentity> {
    const params = this.signedParams({
      app_id: this.config.appId,
      method: 'alipay.system.oauth.token',
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: shanghaiTimestamp(now),
      version: '1.0',
      grant_type: 'authorization_code',
      code: authCode,
    });
    const body = (await fetchJson(this.config.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(params).toString(),
      timeoutMs: this.timeoutMs,
    })) as {
      alipay_system_oauth_token_response?: { user_id?: string; open_id?: string };
      error_response?: { code?: string; sub_code?: string };
    };
    const failure = body.error_response;
    if (failure) {
      const kind = failure.sub_code && INVALID_CODE_SUB_CODES.has(failure.sub_code) ? 'invalid_code' : 'unavailable';
      throw new PlatformError(kind, `oauth.token ${failure.code ?? ''} ${failure.sub_code ?? ''}`.trim(), failure.sub_code);
    }
    const token = body.alipay_system_oauth_token_response;
    const subject = token?.open_id || token?.user_id;
    if (!subject) throw new PlatformError('unavailable', 'oauth.token returned no user id');
    return { subject };
  }
}
