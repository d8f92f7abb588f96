import { fetchJson, PlatformError } from './http';

export interface WechatConfig {
  appId: string;
  appSecret: string;
  baseUrl: string;
}

export interface WechatIdentity {
  openId: string;
  unionId: string | null;
}

// errcodes that mean the login code itself is bad (invalid, used, expired), not that WeChat is down.
const INVALID_CODE_ERRORS = new Set([40029, 40163, 40226]);

/** The WeChat server API (https://api.weixin.qq.com by default; tests point it at a local fake). */
export class WechatClient {
  constructor(
    private readonly config: WechatConfig,
    private readonly timeoutMs: number,
  ) {}

  /** Exchanges a `wx.login` code. The session_key WeChat returns is dropped here and never stored or logged. */
  async codeToSession(code: string): Promise<WechatIdentity> {
    const url = new URL(`${this.config.baseUrl}/sns/jscode2session`);
    url.search = new URLSearchParams({
      appid: this.config.appId,
      secret: this.config.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    const body = (await fetchJson(url.toString(), { method: 'GET', timeoutMs: this.timeoutMs })) as {
      openid?: string;
      unionid?: string;
      errcode?: number;
    };
    if (body.errcode) {
      const kind = INVALID_CODE_ERRORS.has(body.errcode) ? 'invalid_code' : 'unavailable';
      throw new PlatformError(kind, `jscode2session errcode ${body.errcode}`, body.errcode);
    }
    if (typeof body.openid !== 'string' || body.openid === '') {
      throw new PlatformError('unavailable', 'jscode2session returned no openid');
    }
    return { openId: body.openid, unionId: typeof body.unionid === 'string' ? body.unionid : null };
  }
}
