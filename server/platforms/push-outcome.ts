/**
 * How one platform message send ended, as the outbox needs to know it:
 *  - sent: the platform took it;
 *  - refused: the platform will never take it (the user refused, the template or recipient is invalid) — no retry;
 *  - retry: a passing failure (network, timeout, HTTP 5xx, platform busy, stale token) — try again later;
 *  - deferred: not attempted, because another process is refreshing the access token — next tick, uncounted.
 */
export type PushOutcome =
  | { kind: 'sent' }
  | { kind: 'refused'; reason: string }
  | { kind: 'retry'; error: string }
  | { kind: 'deferred' };

/** A message ready for a platform: who, which template, which page it opens, and its fields by template key. */
export interface PlatformMessage {
  /** The recipient's platform id (WeChat openid; Alipay user id or open id). */
  recipient: string;
  templateId: string;
  page: string;
  data: Record<string, string>;
}
