import type { Principal } from './principal';

interface Entry {
  principal: Principal;
  /** Epoch ms: the earlier of the cache's time limit and the session's own expiry. */
  validUntil: number;
}

/**
 * Resolved sessions, kept briefly so a busy caller costs one session look-up every few seconds
 * instead of one per request. Keyed by token hash; only sessions that resolved are kept. A session
 * revoked in this process is forgotten at once; one revoked by another process is still honoured
 * here until its entry runs out (at most `ttlMs`). The oldest entry makes room when full.
 */
export class SessionCache {
  private readonly byTokenHash = new Map<string, Entry>();
  private readonly tokenHashBySession = new Map<string, string>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(tokenHash: string, now: Date): Principal | undefined {
    const entry = this.byTokenHash.get(tokenHash);
    if (!entry) return undefined;
    if (now.getTime() < entry.validUntil) return entry.principal;
    this.remove(tokenHash);
    return undefined;
  }

  remember(tokenHash: string, principal: Principal, sessionExpiresAt: string, now: Date): void {
    this.remove(tokenHash);
    if (this.byTokenHash.size >= this.maxEntries) this.remove(this.byTokenHash.keys().next().value!);
    const validUntil = Math.min(now.getTime() + this.ttlMs, Date.parse(sessionExpiresAt));
    this.byTokenHash.set(tokenHash, { principal, validUntil });
    this.tokenHashBySession.set(principal.sessionId, tokenHash);
  }

  forgetSession(sessionId: string): void {
    const tokenHash = this.tokenHashBySession.get(sessionId);
    if (tokenHash) this.remove(tokenHash);
  }

  private remove(tokenHash: string): void {
    const entry = this.byTokenHash.get(tokenHash);
    if (!entry) return;
    this.byTokenHash.delete(tokenHash);
    this.tokenHashBySession.delete(entry.principal.sessionId);
  }
}
