import { randomUUID } from 'node:crypto';
import { trimWechatFields } from '../../domain/messaging';
import type { Db } from '../db/connect';
import { fetchJson, PlatformError } from './http';
import type { PlatformMessage, PushOutcome } from './push-outcome';
import type { WechatConfig } from './wechat';

/**
 * In its normal mode, `stable_token` hands out a new token during the last 5 minutes of the current
 * one's life while the current one keeps working, so refreshing in that window never leaves a gap.
 */
export const TOKEN_REFRESH_BEFORE_MS = 5 * 60_000;
/** How long one process may take to refresh before another may try. */
const TOKEN_LEASE_MS = 30_000;
// The access token is no longer good: drop it, so the next send fetches a new one.
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
// Never worth retrying: the user refused or has no subscription left (43101), the openid (40003),
// template (40037), data (47003) or page (41030) is invalid.
const REFUSALS = new Set([43101, 40003, 40037, 47003, 41030]);

const isoAfter = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/**
 * WeChat subscribe messages (`subscribe/send`). The access token is shared by every server process
 * through the `platform_tokens` row: one process at a time holds a short lease and refreshes it,
 * the others reuse the stored token, or, while the first refresh is in flight, leave their
 * messages for the next tick.
 */
export class WechatMessages {
  private token: string | null = null;
  private readonly leaseOwner = randomUUID();

  constructor(
    private readonly config: WechatConfig,
    private readonly timeoutMs: number,
    private readonly db: Db,
  ) {}

  private get tokenName() {
    return `wechat:${this.config.appId}`;
  }

  /** The shared access token, or null while another process is refreshing it. */
  async accessToken(now: Date): Promise<string | null> {
    if (this.token) return this.token;
    const at = now.toISOString();
    const refreshFrom = isoAfter(now, TOKEN_REFRESH_BEFORE_MS);
    const row = await this.db.selectFrom('platform_tokens').selectAll().where('name', '=', this.tokenName).executeTakeFirst();
    if (row?.value && row.expires_at && row.expires_at > refreshFrom) return (this.token = row.value);
    if (!row) {
      await this.db
        .insertInto('platform_tokens')
        .values({ name: this.tokenName, value: null, expires_at: null, lease_owner: null, lease_until: null, updated_at: at })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    }
    // The lease goes to one process, and only while the token still needs refreshing (another may just have done it).
    const leased = await this.db
      .updateTable('platform_tokens')
      .set({ lease_owner: this.leaseOwner, lease_until: isoAfter(now, TOKEN_LEASE_MS), updated_at: at })
      .where('name', '=', this.tokenName)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .where((eb) => eb.or([eb('value', 'is', null), eb('expires_at', 'is', null), eb('expires_at', '<=', refreshFrom)]))
      .returning(['value', 'expires_at'])
      .executeTakeFirst();
    if (!leased) {
      // Refreshed or being refreshed elsewhere; the token being replaced still works until it expires.
      const current = await this.db.selectFrom('platform_tokens').select(['value', 'expires_at']).where('name', '=', this.tokenName).executeTakeFirst();
      return current?.value && current.expires_at && current.expires_at > at ? (this.token = current.value) : null;
    }
    // A token dropped before its expiry was refused by WeChat: only a forced refresh replaces it.
    const forceRefresh = Boolean(!leased.value && leased.expires_at && leased.expires_at > at);
    try {
      const fresh = await this.fetchStableToken(forceRefresh);
      await this.db
        .updateTable('platform_tokens')
        .set({ value: fresh.value, expires_at: isoAfter(now, fresh.expiresInMs), lease_owner: null, lease_until: null, updated_at: at })
        .where('name', '=', this.tokenName)
        .where('lease_owner', '=', this.leaseOwner)
        .execute();
      return (this.token = fresh.value);
    } catch (error) {
      await this.db
        .updateTable('platform_tokens')
        .set({ lease_owner: null, lease_until: null, updated_at: at })
        .where('name', '=', this.tokenName)
        .where('lease_owner', '=', this.leaseOwner)
        .execute();
      throw error;
    }
  }

  private async fetchStableToken(forceRefresh: boolean): Promise<{ value: string; expiresInMs: number }> {
    const body = (await fetchJson(`${this.config.baseUrl}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: this.config.appId, secret: this.config.appSecret, force_refresh: forceRefresh }),
      timeoutMs: this.timeoutMs,
    })) as { access_token?: string; expires_in?: number; errcode?: number };
    if (body.errcode || typeof body.access_token !== 'string' || body.access_token === '') {
      throw new PlatformError('unavailable', `stable_token errcode ${body.errcode ?? 'none'}`, body.errcode);
    }
    return { value: body.access_token, expiresInMs: Number(body.expires_in ?? 7200) * 1000 };
  }

  /** Forgets a token WeChat refused, unless another process has already replaced it. */
  private async dropToken(token: string, now: Date) {
    this.token = null;
    await this.db
      .updateTable('platform_tokens')
      .set({ value: null, updated_at: now.toISOString() })
      .where('name', '=', this.tokenName)
      .where('value', '=', token)
      .execute();
  }

  /** `beforeRequest` runs once the token is in hand, just before the message goes out; false defers it. */
  async send(message: PlatformMessage, now: Date, beforeRequest: () => Promise<boolean> = async () => true): Promise<PushOutcome> {
    let token: string | null;
    try {
      token = await this.accessToken(now);
    } catch (error) {
      if (error instanceof PlatformError) return { kind: 'retry', error: error.message };
      throw error;
    }
    if (!token || !(await beforeRequest())) return { kind: 'deferred' };
    let body: { errcode?: number; errmsg?: string };
    try {
      body = (await fetchJson(`${this.config.baseUrl}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: message.recipient,
          template_id: message.templateId,
          page: message.page,
          data: trimWechatFields(message.data),
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        }),
        timeoutMs: this.timeoutMs,
      })) as { errcode?: number; errmsg?: string };
    } catch (error) {
      if (error instanceof PlatformError) return { kind: 'retry', error: `subscribe/send ${error.message}` };
      throw error;
    }
    const code = body.errcode ?? 0;
    if (code === 0) return { kind: 'sent' };
    if (TOKEN_ERRORS.has(code)) await this.dropToken(token, now);
    if (REFUSALS.has(code)) return { kind: 'refused', reason: `refused:${code}` };
    return { kind: 'retry', error: `subscribe/send errcode ${code}` };
  }
}
