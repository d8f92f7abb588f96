/**
 * The offline outbox: every write a student or sponsor makes waits here until the server has it.
 * Pure logic — storage, network, clock and randomness are handed in — so it tests without Taro.
 *
 * Rules:
 * - Each item gets its Idempotency-Key once, when queued; every attempt (also after an app restart)
 *   sends that same key, so the server applies it once and answers a replay with the first response.
 * - Order: per owner, strictly first in, first out. Only the oldest unfinished item of an owner may be
 *   sent; a later one (a reply after its letter, a second check-in) waits behind it, also while it
 *   backs off. An item that failed for good (a 4xx) steps aside so it cannot block the rest.
 * - Only the signed-in owner's items are sent (their token is the one we hold).
 * - A 401 means the session ended, not that the item is wrong: the outbox pauses, the item keeps its
 *   key and its place, and everything waits until someone signs in (`signedIn`).
 * - 409 IDEMPOTENCY_COMMITTED means the server applied the item but lost its answer (it crashed in
 *   between): the item is sent, with no response to hand on.
 * - Network failures, timeouts, 408, 429, 5xx and 409 IDEMPOTENCY_IN_PROGRESS are retried with
 *   exponential backoff and jitter (2 s doubling, capped at 10 minutes). Any other 4xx marks the item
 *   failed with the server's message; the person can try again (with a fresh key: the server did
 *   not apply it) or discard it.
 * - Bounded: at most MAX_ITEMS items and MAX_BYTES of JSON; beyond that, queueing is refused with a
 *   message (nothing already queued is ever dropped).
 * - Photos are uploaded first, each id stored back into the item at once, so a retry never uploads
 *   the same photo twice.
 */

export type OutboxKind = 'checkin' | 'letter' | 'reply' | 'resubmit' | 'termReport';
export type OutboxStatus = 'pending' | 'sending' | 'failed';

export interface OutboxPhoto {
  /** A local (already compressed) file path. */
  path: string;
  /** The server's upload id once uploaded. */
  uploadedId: string | null;
}

/** Where the uploaded photo ids go in the body: a list (`photoIds`) or a single field (`photoUploadId`). */
export interface PhotoField {
  name: string;
  many: boolean;
  /** The upload route, e.g. `/api/letter-photos`. */
  uploadPath: string;
}

export interface OutboxItem {
  id: string;
  kind: OutboxKind;
  method: 'POST';
  path: string;
  body: Record<string, unknown>;
  idempotencyKey: string;
  /** Epoch milliseconds. */
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  ownerAccountId: string;
  status: OutboxStatus;
  /** The last error's message (a person's words), and its code. */
  lastError: string | null;
  errorCode: string | null;
  /** A short preview for the waiting list (e.g. the check-in choice, the start of a letter). */
  label: string;
  /** Which screen thing this belongs to (e.g. a sponsorship id), so a page can show its own items. */
  target?: string;
  photos?: OutboxPhoto[];
  photoField?: PhotoField;
}

export interface OutboxInput {
  kind: OutboxKind;
  path: string;
  body: Record<string, unknown>;
  label: string;
  target?: string;
  /** Reuse a key already made for this send (e.g. a letter draft's), otherwise a new one. */
  idempotencyKey?: string;
  photos?: OutboxPhoto[];
  photoField?: PhotoField;
}

export interface SentRecord {
  id: string;
  kind: OutboxKind;
  target?: string;
  sentAt: number;
  response: unknown;
}

/** A failed send as the transport reports it: `status` null when no answer came (offline, timeout). */
export interface SendFailure {
  status: number | null;
  code: string;
  message: string;
  retryAfterSeconds?: number;
}

export interface OutboxTransport {
  send: (item: OutboxItem, body: Record<string, unknown>) => Promise<unknown>;
  /** Uploads one local file; answers the server's upload id. */
  upload: (filePath: string, uploadPath: string) => Promise<string>;
  /** Turns whatever `send`/`upload` threw into a SendFailure. */
  describe: (error: unknown) => SendFailure;
}

export interface OutboxStorage {
  load: () => string | null;
  save: (json: string) => void;
  remove: () => void;
}

export interface OutboxDeps {
  storage: OutboxStorage;
  transport: OutboxTransport;
  now: () => number;
  random: () => number;
  newKey: () => string;
  /** The signed-in account, or null. */
  getOwner: () => string | null;
  limits?: Partial<OutboxLimits>;
}

export interface OutboxLimits {
  maxItems: number;
  maxBytes: number;
}

export const MAX_ITEMS = 50;
/** Well under WeChat's 1 MB a key and 10 MB in all. */
export const MAX_BYTES = 512 * 1024;
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 10 * 60_000;
/** How many sent items are remembered (in memory) so screens can say "sent". */
const SENT_MEMORY = 20;

export type OutboxRefusal = 'FULL' | 'TOO_BIG' | 'SIGNED_OUT';

/** Queueing was refused; `reason` picks the message to show. Nothing already queued is lost. */
export class OutboxRefusedError extends Error {
  readonly reason: OutboxRefusal;
  constructor(reason: OutboxRefusal) {
    super(`outbox refused: ${reason}`);
    this.name = 'OutboxRefusedError';
    this.reason = reason;
  }
}

/** Delay before the next attempt after `attempts` failed ones: 2 s doubling, ±50% jitter, capped. */
export function backoffDelay(attempts: number, random: number, retryAfterSeconds?: number): number {
  const exp = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  // "Equal jitter": half fixed, half random, so phones that lost the network together spread out.
  const delay = Math.round(exp / 2 + (random * exp) / 2);
  const floor = retryAfterSeconds && retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : 0;
  return Math.min(BACKOFF_CAP_MS, Math.max(delay, floor));
}

/** Whether a failure is worth trying again with the same key. */
export function isRetryable(failure: SendFailure): boolean {
  if (failure.status === null) return true;
  if (failure.status === 408 || failure.status === 429) return true;
  if (failure.status === 409 && failure.code === 'IDEMPOTENCY_IN_PROGRESS') return true;
  return failure.status >= 500;
}

/** Whether a "failure" is the server saying it already applied the item (its first answer was lost). */
export function alreadyApplied(failure: SendFailure): boolean {
  return failure.status === 409 && failure.code === 'IDEMPOTENCY_COMMITTED';
}

/** Whether a failure says the session is over (the item itself may be fine). */
export function endsSession(failure: SendFailure): boolean {
  return failure.status === 401;
}

/** UTF-8 size of a string (what the storage quota counts, roughly). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

export interface OutboxSnapshot {
  items: readonly OutboxItem[];
  sent: readonly SentRecord[];
  online: boolean;
}

export type AttemptOutcome = 'sent' | 'failed' | 'waiting';

function isItem(value: unknown): value is OutboxItem {
  const v = value as Partial<OutboxItem> | null;
  return (
    !!v &&
    typeof v.id === 'string' &&
    typeof v.path === 'string' &&
    typeof v.idempotencyKey === 'string' &&
    typeof v.ownerAccountId === 'string' &&
    typeof v.body === 'object' &&
    v.body !== null
  );
}

export class Outbox {
  private items: OutboxItem[] = [];
  private sent: SentRecord[] = [];
  private online = true;
  /** A 401 ended the session: nothing is sent until someone signs in again. */
  private waitingForSignIn = false;
  private flushing: Promise<void> | null = null;
  private listeners = new Set<() => void>();
  private snapshot: OutboxSnapshot;
  private readonly limits: OutboxLimits;
  private sequence = 0;

  constructor(private readonly deps: OutboxDeps) {
    this.limits = { maxItems: MAX_ITEMS, maxBytes: MAX_BYTES, ...deps.limits };
    this.items = this.read();
    this.snapshot = { items: this.items, sent: this.sent, online: this.online };
  }

  /** Reads the stored queue (an app restart): an item cut off mid-send is simply pending again. */
  private read(): OutboxItem[] {
    let raw: string | null = null;
    try {
      raw = this.deps.storage.load();
    } catch {
      raw = null;
    }
    if (!raw) return [];
    try {
      const parsed = JSON.parse(raw) as { items?: unknown };
      const items = Array.isArray(parsed.items) ? parsed.items.filter(isItem) : [];
      return items.map((item) => (item.status === 'sending' ? { ...item, status: 'pending' } : item));
    } catch {
      return [];
    }
  }

  /** Loads the queue from storage again (what an app restart does). */
  reload(): void {
    this.items = this.read();
    this.changed(false);
  }

  private persist(): void {
    try {
      if (this.items.length === 0) this.deps.storage.remove();
      else this.deps.storage.save(JSON.stringify({ v: 1, items: this.items }));
    } catch (error) {
      console.warn('could not save the outbox', error);
    }
  }

  private changed(save = true): void {
    if (save) this.persist();
    this.snapshot = { items: this.items, sent: this.sent, online: this.online };
    for (const listener of [...this.listeners]) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = (): OutboxSnapshot => this.snapshot;

  isOnline(): boolean {
    return this.online;
  }

  setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    this.changed(false);
  }

  /** Queues a write; it shows as waiting at once. Throws OutboxRefusedError when there is no room. */
  enqueue(input: OutboxInput): OutboxItem {
    const owner = this.deps.getOwner();
    if (!owner) throw new OutboxRefusedError('SIGNED_OUT');
    if (this.items.length >= this.limits.maxItems) throw new OutboxRefusedError('FULL');
    const now = this.deps.now();
    this.sequence += 1;
    const item: OutboxItem = {
      id: `ob-${now.toString(36)}-${this.sequence}-${Math.floor(this.deps.random() * 1e9).toString(36)}`,
      kind: input.kind,
      method: 'POST',
      path: input.path,
      body: input.body,
      idempotencyKey: input.idempotencyKey ?? this.deps.newKey(),
      createdAt: now,
      attempts: 0,
      nextAttemptAt: now,
      ownerAccountId: owner,
      status: 'pending',
      lastError: null,
      errorCode: null,
      label: input.label,
      ...(input.target ? { target: input.target } : {}),
      ...(input.photos?.length ? { photos: input.photos.map((p) => ({ ...p })), photoField: input.photoField } : {}),
    };
    const next = [...this.items, item];
    if (utf8Bytes(JSON.stringify({ v: 1, items: next })) > this.limits.maxBytes) {
      throw new OutboxRefusedError(this.items.length === 0 ? 'TOO_BIG' : 'FULL');
    }
    this.items = next;
    this.changed();
    return item;
  }

  private update(id: string, patch: Partial<OutboxItem>): OutboxItem | null {
    let found: OutboxItem | null = null;
    this.items = this.items.map((item) => {
      if (item.id !== id) return item;
      found = { ...item, ...patch };
      return found;
    });
    this.changed();
    return found;
  }

  /** The owner's next item to send, if it is due: the oldest one that has not failed for good. */
  private nextDue(now: number): OutboxItem | null {
    const owner = this.deps.getOwner();
    if (!owner) return null;
    const head = this.items.find((item) => item.ownerAccountId === owner && item.status !== 'failed');
    if (!head || head.status !== 'pending' || head.nextAttemptAt > now) return null;
    return head;
  }

  /** When the next item becomes due (epoch ms), or null when nothing waits. */
  nextWakeAt(): number | null {
    if (this.waitingForSignIn) return null;
    const owner = this.deps.getOwner();
    const head = this.items.find((item) => item.ownerAccountId === owner && item.status !== 'failed');
    return head && head.status === 'pending' ? head.nextAttemptAt : null;
  }

  /** Sends every due item of the signed-in owner, in order; one flush at a time. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    const run = async () => {
      // Yield first, so `flushing` is set before the loop can finish and clear it.
      await Promise.resolve();
      try {
        while (this.online && !this.waitingForSignIn) {
          const item = this.nextDue(this.deps.now());
          if (!item) break;
          const outcome = await this.attempt(item);
          // A network failure: no point trying the next one now.
          if (outcome === 'waiting') break;
        }
      } finally {
        this.flushing = null;
      }
    };
    this.flushing = run();
    return this.flushing;
  }

  private async attempt(start: OutboxItem): Promise<AttemptOutcome> {
    let item = this.update(start.id, { status: 'sending' }) ?? start;
    try {
      // Photos first; each id is stored at once so a retry skips what is already up.
      for (let i = 0; i < (item.photos?.length ?? 0); i += 1) {
        const photo = item.photos![i];
        if (photo.uploadedId) continue;
        const uploadedId = await this.deps.transport.upload(photo.path, item.photoField!.uploadPath);
        const photos = item.photos!.map((p, j) => (j === i ? { ...p, uploadedId } : p));
        item = this.update(item.id, { photos }) ?? item;
      }
      return this.markSent(item, await this.deps.transport.send(item, this.bodyOf(item)));
    } catch (error) {
      if (!this.items.some((i) => i.id === item.id)) return 'failed';
      const failure = this.deps.transport.describe(error);
      if (alreadyApplied(failure)) return this.markSent(item, null);
      if (endsSession(failure)) {
        // Not the item's fault, so not a failed attempt: it goes first, with the same key, after sign-in.
        this.waitingForSignIn = true;
        this.update(item.id, { status: 'pending', nextAttemptAt: this.deps.now() });
        return 'waiting';
      }
      if (isRetryable(failure)) {
        const attempts = item.attempts + 1;
        this.update(item.id, {
          status: 'pending',
          attempts,
          nextAttemptAt: this.deps.now() + backoffDelay(attempts, this.deps.random(), failure.retryAfterSeconds),
          lastError: failure.message,
          errorCode: failure.code,
        });
        return 'waiting';
      }
      this.update(item.id, { status: 'failed', attempts: item.attempts + 1, lastError: failure.message, errorCode: failure.code });
      return 'failed';
    }
  }

  private markSent(item: OutboxItem, response: unknown): AttemptOutcome {
    if (!this.items.some((i) => i.id === item.id)) return 'sent'; // cleared meanwhile (logout)
    this.items = this.items.filter((i) => i.id !== item.id);
    this.sent = [{ id: item.id, kind: item.kind, target: item.target, sentAt: this.deps.now(), response }, ...this.sent].slice(0, SENT_MEMORY);
    this.changed();
    return 'sent';
  }

  /** The body as sent: the uploaded photo ids merged in. */
  private bodyOf(item: OutboxItem): Record<string, unknown> {
    if (!item.photos?.length || !item.photoField) return item.body;
    const ids = item.photos.map((p) => p.uploadedId).filter((id): id is string => !!id);
    const { name, many } = item.photoField;
    if (many) {
      const before = Array.isArray(item.body[name]) ? (item.body[name] as string[]) : [];
      return { ...item.body, [name]: [...before, ...ids] };
    }
    return ids[0] ? { ...item.body, [name]: ids[0] } : item.body;
  }

  /** Where an item stands: waiting/sending/failed in the queue, sent (remembered a while), or unknown. */
  outcomeOf(id: string): AttemptOutcome | 'unknown' {
    const item = this.items.find((i) => i.id === id);
    if (item) return item.status === 'failed' ? 'failed' : 'waiting';
    return this.sent.some((s) => s.id === id) ? 'sent' : 'unknown';
  }

  sentRecord(id: string): SentRecord | undefined {
    return this.sent.find((s) => s.id === id);
  }

  get(id: string): OutboxItem | undefined {
    return this.items.find((i) => i.id === id);
  }

  /**
   * Tries a failed item again. The server refused it (nothing was applied), so it gets a new key: the
   * old one would only replay the refusal.
   */
  retry(id: string): void {
    const item = this.items.find((i) => i.id === id);
    if (!item) return;
    this.update(id, {
      status: 'pending',
      nextAttemptAt: this.deps.now(),
      attempts: 0,
      lastError: null,
      errorCode: null,
      ...(item.status === 'failed' ? { idempotencyKey: this.deps.newKey() } : {}),
    });
  }

  /** Sends waiting items now instead of after their backoff (a "send now" tap, the network back). */
  wakeAll(): void {
    const now = this.deps.now();
    let touched = false;
    this.items = this.items.map((item) => {
      if (item.status !== 'pending' || item.nextAttemptAt <= now) return item;
      touched = true;
      return { ...item, nextAttemptAt: now };
    });
    if (touched) this.changed();
  }

  discard(id: string): void {
    this.items = this.items.filter((i) => i.id !== id);
    this.changed();
  }

  /**
   * Someone signed in: a pause for sign-in ends and their waiting items are due at once, each with the
   * key it was queued with, so whatever the server already applied is only replayed.
   *
   * Anyone else's items are dropped rather than kept apart. Mini-program storage already belongs to one
   * WeChat or Alipay user, so another account reaching this queue means a shared browser or a borrowed
   * phone: the earlier person's letters and notes should not stay behind on it, they could never be
   * sent from this session, and they would use up the room the new person's writes need. The login
   * page tells whoever signs in that waiting writes go only with the same account.
   */
  signedIn(accountId: string): void {
    const now = this.deps.now();
    // Screens opened before this sign-in are gone, and with them any need to know what was sent then.
    this.sent = [];
    this.items = this.items
      .filter((item) => item.ownerAccountId === accountId)
      .map((item) => (item.status === 'pending' ? { ...item, nextAttemptAt: now } : item));
    this.waitingForSignIn = false;
    this.changed();
  }

  /** Forgets everything (logout): the queue, its storage key, the memory of what was sent. */
  clear(): void {
    this.items = [];
    this.sent = [];
    this.waitingForSignIn = false;
    this.changed();
  }
}
