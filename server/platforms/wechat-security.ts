import type { Clock } from '../lib/clock';
import { fetchJson, PlatformError } from './http';
import type { WechatConfig } from './wechat';

export type ContentVerdict = 'pass' | 'review' | 'risky';

/** msgSecCheck takes at most 2500 characters a call; longer letters are checked in parts. */
export const MSG_SEC_CHECK_MAX_CHARS = 2500;
const SEVERITY: Record<ContentVerdict, number> = { pass: 0, review: 1, risky: 2 };

// errcodes meaning the access token is no longer good: drop it so the next check fetches a new one.
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);

/**
 * WeChat content security (`msgSecCheck`, version 2) for letter text. The app access token is cached
 * until shortly before it expires. Every failure throws a PlatformError: the caller holds the letter
 * for a caseworker rather than let unchecked text through.
 */
export class WechatContentSecurity {
  private token: { value: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly config: WechatConfig,
    private readonly timeoutMs: number,
    private readonly clock: Clock,
  ) {}

  private async accessToken(): Promise<string> {
    const now = this.clock.now().getTime();
    if (this.token && this.token.expiresAt > now) return this.token.value;
    // One token request at a time; concurrent checks share it.
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const url = new URL(`${this.config.baseUrl}/cgi-bin/token`);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: this.config.appId, secret: this.config.appSecret }).toString();
    const body = (await fetchJson(url.toString(), { method: 'GET', timeoutMs: this.timeoutMs })) as {
      access_token?: string;
      expires_in?: number;
      errcode?: number;
    };
    if (body.errcode || typeof body.access_token !== 'string' || body.access_token === '') {
      throw new PlatformError('unavailable', `cgi-bin/token errcode ${body.errcode ?? 'none'}`, body.errcode);
    }
    const lifetimeMs = Math.max(60, Number(body.expires_in ?? 7200) - 300) * 1000;
    this.token = { value: body.access_token, expiresAt: this.clock.now().getTime() + lifetimeMs };
    return body.access_token;
  }

  /** Checks text written by the user with this openid; the verdict of its most doubtful part. */
  async check(content: string, openid: string): Promise<ContentVerdict> {
    let verdict: ContentVerdict = 'pass';
    for (let at = 0; at < content.length; at += MSG_SEC_CHECK_MAX_CHARS) {
      const part = await this.checkPart(content.slice(at, at + MSG_SEC_CHECK_MAX_CHARS), openid);
      if (SEVERITY[part] > SEVERITY[verdict]) verdict = part;
    }
    return verdict;
  }

  private async checkPart(content: string, openid: string): Promise<ContentVerdict> {
    const token = await this.accessToken();
    const url = `${this.config.baseUrl}/wxa/msg_sec_check?access_token=${encodeURIComponent(token)}`;
    const body = (await fetchJson(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content, version: 2, scene: 2, openid }),
      timeoutMs: this.timeoutMs,
    })) as { errcode?: number; result?: { suggest?: string } };
    if (body.errcode) {
      if (TOKEN_ERRORS.has(body.errcode)) this.token = null;
      throw new PlatformError('unavailable', `msg_sec_check errcode ${body.errcode}`, body.errcode);
    }
    const suggest = body.result?.suggest;
    if (suggest === 'pass' || suggest === 'review' || suggest === 'risky') return suggest;
    throw new PlatformError('unavailable', 'msg_sec_check returned no suggestion');
  }
}
