import {
  BACKOFF_CAP_MS,
  backoffDelay,
  endsSession,
  isRetryable,
  Outbox,
  OutboxRefusedError,
  type OutboxItem,
  type OutboxStorage,
  type SendFailure,
} from './core';

/** A phone: storage that survives "restarts", a clock, and a network the test controls. */
function device() {
  const disk = new Map<string, string>();
  const storage: OutboxStorage = {
    load: () => disk.get('outbox') ?? null,
    save: (json) => void disk.set('outbox', json),
    remove: () => void disk.delete('outbox'),
  };
  let clock = 1_000_000;
  let keys = 0;
  let owner: string | null = 'acc-1';
  const sent: Array<{ path: string; key: string; body: Record<string, unknown> }> = [];
  const uploads: string[] = [];
  /** What the server does with the next request: answer, or fail. */
  let network: (item: OutboxItem) => unknown = () => ({ ok: true });
  const applied = new Map<string, unknown>();

  const make = (limits?: { maxItems?: number; maxBytes?: number }) =>
    new Outbox({
      storage,
      now: () => clock,
      random: () => 0.5,
      newKey: () => `key-${(keys += 1)}`,
      getOwner: () => owner,
      limits,
      transport: {
        async send(item, body) {
          sent.push({ path: item.path, key: item.idempotencyKey, body });
          const answer = network(item);
          // The server's idempotency store: a replay gets the first response.
          if (!applied.has(item.idempotencyKey)) applied.set(item.idempotencyKey, answer);
          return applied.get(item.idempotencyKey);
        },
        async upload(path) {
          const result = network({ path } as OutboxItem);
          uploads.push(path);
          return `up-${uploads.length}-${String(result && 'x')}`;
        },
        describe: (error) => error as SendFailure,
      },
    });

  return {
    storage,
    disk,
    sent,
    uploads,
    applied,
    make,
    tick: (ms: number) => (clock += ms),
    now: () => clock,
    setOwner: (next: string | null) => (owner = next),
    setNetwork: (fn: (item: OutboxItem) => unknown) => (network = fn),
  };
}

const offline = (): never => {
  throw { status: null, code: 'NETWORK', message: '网络连接不上' } satisfies SendFailure;
};
const checkin = (kind = 'doing_well') => ({ kind: 'checkin' as const, path: '/api/student/checkins', body: { kind }, label: kind });

describe('outbox', () => {
  it('shows an item as waiting the moment it is queued, before any network', () => {
    const d = device();
    const outbox = d.make();
    const seen: number[] = [];
    outbox.subscribe(() => seen.push(outbox.getSnapshot().items.length));
    const item = outbox.enqueue(checkin());
    expect(outbox.getSnapshot().items).toEqual([expect.objectContaining({ id: item.id, status: 'pending', attempts: 0, ownerAccountId: 'acc-1' })]);
    expect(seen).toEqual([1]);
    expect(outbox.outcomeOf(item.id)).toBe('waiting');
    // Already on the device.
    expect(JSON.parse(d.disk.get('outbox')!).items).toHaveLength(1);
    expect(d.sent).toHaveLength(0);
  });

  it('sends when online and remembers it was sent', async () => {
    const d = device();
    const outbox = d.make();
    d.setNetwork(() => ({ id: 'c-1' }));
    const item = outbox.enqueue(checkin());
    await outbox.flush();
    expect(d.sent).toEqual([{ path: '/api/student/checkins', key: item.idempotencyKey, body: { kind: 'doing_well' } }]);
    expect(outbox.getSnapshot().items).toHaveLength(0);
    expect(outbox.outcomeOf(item.id)).toBe('sent');
    expect(outbox.sentRecord(item.id)?.response).toEqual({ id: 'c-1' });
    expect(d.disk.has('outbox')).toBe(false);
  });

  it('keeps everything while offline and sends nothing', async () => {
    const d = device();
    const outbox = d.make();
    outbox.setOnline(false);
    outbox.enqueue(checkin());
    await outbox.flush();
    expect(d.sent).toHaveLength(0);
    outbox.setOnline(true);
    await outbox.flush();
    expect(d.sent).toHaveLength(1);
  });

  it('sends one owner’s items first in, first out; a later item waits behind one backing off', async () => {
    const d = device();
    const outbox = d.make();
    const first = outbox.enqueue({ kind: 'letter', path: '/api/letters', body: { body: 'a' }, label: 'a' });
    const second = outbox.enqueue({ kind: 'reply', path: '/api/letters', body: { body: 'b' }, label: 'b' });
    d.setNetwork(offline);
    await outbox.flush();
    // Only the head was tried.
    expect(d.sent.map((s) => s.body.body)).toEqual(['a']);

    d.setNetwork(() => ({ ok: true }));
    await outbox.flush(); // head is backing off: nothing goes, not even the second
    expect(d.sent).toHaveLength(1);
    d.tick(BACKOFF_CAP_MS);
    await outbox.flush();
    expect(d.sent.map((s) => s.body.body)).toEqual(['a', 'a', 'b']);
    expect(outbox.outcomeOf(first.id)).toBe('sent');
    expect(outbox.outcomeOf(second.id)).toBe('sent');
  });

  it('sends only the signed-in owner’s items', async () => {
    const d = device();
    const outbox = d.make();
    outbox.enqueue(checkin());
    d.setOwner('acc-2');
    outbox.enqueue(checkin('busy_exams'));
    await outbox.flush();
    expect(d.sent.map((s) => s.body.kind)).toEqual(['busy_exams']);
  });

  it('backs off exponentially with jitter, capped at 10 minutes', () => {
    expect(backoffDelay(1, 0)).toBe(1_000);
    expect(backoffDelay(1, 1)).toBe(2_000);
    expect(backoffDelay(2, 0.5)).toBe(3_000);
    expect(backoffDelay(3, 0.5)).toBe(6_000);
    expect(backoffDelay(4, 1)).toBe(16_000);
    expect(backoffDelay(30, 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(30, 0)).toBe(BACKOFF_CAP_MS / 2);
    // Retry-After is respected.
    expect(backoffDelay(1, 0, 30)).toBe(30_000);
  });

  it('schedules each retry later than the last', async () => {
    const d = device();
    const outbox = d.make();
    d.setNetwork(offline);
    const item = outbox.enqueue(checkin());
    const waits: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      await outbox.flush();
      const next = outbox.get(item.id)!;
      waits.push(next.nextAttemptAt - d.now());
      d.tick(next.nextAttemptAt - d.now());
    }
    expect(waits.slice(0, 5)).toEqual([1_500, 3_000, 6_000, 12_000, 24_000]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    expect(waits[11]).toBe(BACKOFF_CAP_MS * 0.75);
    expect(outbox.get(item.id)).toMatchObject({ attempts: 12, status: 'pending', lastError: '网络连接不上' });
    // Every attempt carried the same key.
    expect(new Set(d.sent.map((s) => s.key)).size).toBe(1);
  });

  it('replays after an app restart with the same key; the server answers with the first response', async () => {
    const d = device();
    let outbox = d.make();
    const item = outbox.enqueue(checkin());
    // The server commits, but the answer is lost on the way back.
    d.setNetwork((sending) => {
      d.applied.set(sending.idempotencyKey, { id: 'c-first' });
      return offline();
    });
    await outbox.flush();
    expect(outbox.get(item.id)?.status).toBe('pending');

    // The app is killed and opened again: a fresh outbox reads the device.
    outbox = d.make();
    expect(outbox.getSnapshot().items).toEqual([expect.objectContaining({ id: item.id, idempotencyKey: item.idempotencyKey })]);
    d.setNetwork(() => ({ id: 'c-second' }));
    d.tick(BACKOFF_CAP_MS);
    await outbox.flush();
    expect(d.sent.map((s) => s.key)).toEqual([item.idempotencyKey, item.idempotencyKey]);
    expect(outbox.sentRecord(item.id)?.response).toEqual({ id: 'c-first' });
    expect(d.applied.size).toBe(1);
  });

  it('treats an item cut off mid-send as pending after a restart', () => {
    const d = device();
    const outbox = d.make();
    const item = outbox.enqueue(checkin());
    const stored = JSON.parse(d.disk.get('outbox')!);
    stored.items[0].status = 'sending';
    d.disk.set('outbox', JSON.stringify(stored));
    outbox.reload();
    expect(outbox.get(item.id)?.status).toBe('pending');
    expect(d.make().get(item.id)?.status).toBe('pending');
  });

  it('refuses, with a reason, beyond the item limit and the byte limit, and drops nothing', () => {
    const d = device();
    const outbox = d.make({ maxItems: 3, maxBytes: 4_000 });
    for (let i = 0; i < 3; i += 1) outbox.enqueue(checkin());
    expect(() => outbox.enqueue(checkin())).toThrow(expect.objectContaining({ reason: 'FULL' }));
    expect(outbox.getSnapshot().items).toHaveLength(3);

    const small = device().make({ maxBytes: 2_000 });
    const huge = { kind: 'letter' as const, path: '/api/letters', body: { body: '字'.repeat(1_000) }, label: 'x' };
    expect(() => small.enqueue(huge)).toThrow(OutboxRefusedError);
    expect(() => small.enqueue(huge)).toThrow(expect.objectContaining({ reason: 'TOO_BIG' }));
    expect(small.getSnapshot().items).toHaveLength(0);
  });

  it('refuses to queue with nobody signed in', () => {
    const d = device();
    d.setOwner(null);
    expect(() => d.make().enqueue(checkin())).toThrow(expect.objectContaining({ reason: 'SIGNED_OUT' }));
  });

  it('classifies failures: retry network, 408, 429, 5xx and 409 in progress; fail other 4xx', () => {
    const f = (status: number | null, code = 'X'): SendFailure => ({ status, code, message: 'm' });
    expect(isRetryable(f(null))).toBe(true);
    expect(isRetryable(f(408))).toBe(true);
    expect(isRetryable(f(429))).toBe(true);
    expect(isRetryable(f(500))).toBe(true);
    expect(isRetryable(f(503))).toBe(true);
    expect(isRetryable(f(409, 'IDEMPOTENCY_IN_PROGRESS'))).toBe(true);
    expect(isRetryable(f(409, 'STUDENT_TAKEN'))).toBe(false);
    expect(isRetryable(f(422, 'IDEMPOTENCY_KEY_REUSED'))).toBe(false);
    expect(isRetryable(f(400, 'VALIDATION_FAILED'))).toBe(false);
    expect(isRetryable(f(403))).toBe(false);
    // A 401 is neither: the outbox pauses until someone signs in.
    expect(isRetryable(f(401, 'UNAUTHENTICATED'))).toBe(false);
    expect(endsSession(f(401, 'UNAUTHENTICATED'))).toBe(true);
    expect(endsSession(f(403))).toBe(false);
  });

  it('marks a refused item failed with the server’s message; it steps aside; retry uses a new key', async () => {
    const d = device();
    const outbox = d.make();
    d.setNetwork((item) => {
      if (item.body?.body === 'bad') throw { status: 400, code: 'VALIDATION_FAILED', message: '信太长了' } satisfies SendFailure;
      return { ok: true };
    });
    const bad = outbox.enqueue({ kind: 'letter', path: '/api/letters', body: { body: 'bad' }, label: 'bad' });
    const good = outbox.enqueue(checkin());
    await outbox.flush();
    expect(outbox.get(bad.id)).toMatchObject({ status: 'failed', lastError: '信太长了', errorCode: 'VALIDATION_FAILED' });
    expect(outbox.outcomeOf(good.id)).toBe('sent');

    d.setNetwork(() => ({ ok: true }));
    outbox.retry(bad.id);
    expect(outbox.get(bad.id)?.idempotencyKey).not.toBe(bad.idempotencyKey);
    await outbox.flush();
    expect(outbox.outcomeOf(bad.id)).toBe('sent');

    const again = outbox.enqueue(checkin());
    outbox.discard(again.id);
    expect(outbox.getSnapshot().items).toHaveLength(0);
  });

  it('retries 409 in progress and 5xx with the same key', async () => {
    const d = device();
    const outbox = d.make();
    let n = 0;
    d.setNetwork(() => {
      n += 1;
      if (n === 1) throw { status: 409, code: 'IDEMPOTENCY_IN_PROGRESS', message: 'busy' } satisfies SendFailure;
      if (n === 2) throw { status: 502, code: 'SERVER', message: 'down' } satisfies SendFailure;
      return { ok: true };
    });
    const item = outbox.enqueue(checkin());
    for (let i = 0; i < 3; i += 1) {
      await outbox.flush();
      d.tick(BACKOFF_CAP_MS);
    }
    expect(outbox.outcomeOf(item.id)).toBe('sent');
    expect(d.sent.map((s) => s.key)).toEqual([item.idempotencyKey, item.idempotencyKey, item.idempotencyKey]);
  });

  it('takes 409 IDEMPOTENCY_COMMITTED as sent (applied, answer lost) and moves on to the next item at once', async () => {
    const d = device();
    const outbox = d.make();
    const first = outbox.enqueue(checkin());
    const second = outbox.enqueue(checkin());
    d.setNetwork((item) => {
      if (item.idempotencyKey === first.idempotencyKey) throw { status: 409, code: 'IDEMPOTENCY_COMMITTED', message: 'saved' } satisfies SendFailure;
      return { ok: true };
    });
    await outbox.flush();
    expect(outbox.outcomeOf(first.id)).toBe('sent');
    expect(outbox.sentRecord(first.id)?.response).toBeNull();
    expect(outbox.outcomeOf(second.id)).toBe('sent');
    expect(d.sent.map((s) => s.key)).toEqual([first.idempotencyKey, second.idempotencyKey]);
  });

  it('uploads photos first, stores their ids, and never uploads one twice', async () => {
    const d = device();
    const outbox = d.make();
    let letterTries = 0;
    d.setNetwork((item) => {
      if (item.path === '/api/letters') {
        letterTries += 1;
        if (letterTries === 1) return offline();
      }
      return { ok: true };
    });
    const item = outbox.enqueue({
      kind: 'letter',
      path: '/api/letters',
      body: { sponsorshipId: 'sp-1', body: 'hi', photoIds: ['already'] },
      label: 'hi',
      photos: [{ path: 'tmp/a.jpg', uploadedId: null }, { path: 'tmp/b.jpg', uploadedId: null }],
      photoField: { name: 'photoIds', many: true, uploadPath: '/api/letter-photos' },
    });
    await outbox.flush();
    expect(d.uploads).toEqual(['tmp/a.jpg', 'tmp/b.jpg']);
    expect(outbox.get(item.id)?.photos?.every((p) => p.uploadedId)).toBe(true);
    // Stored on the device too, so a restart does not upload again.
    const restarted = d.make();
    d.tick(BACKOFF_CAP_MS);
    await restarted.flush();
    expect(d.uploads).toHaveLength(2);
    expect(d.sent[1].body.photoIds).toEqual(['already', 'up-1-x', 'up-2-x']);
  });

  it('puts a single photo id in its field', async () => {
    const d = device();
    const outbox = d.make();
    outbox.enqueue({
      kind: 'termReport',
      path: '/api/student/term-reports',
      body: { term: '2025-2026-2', grade: 8, overallResult: 'good' },
      label: 'r',
      photos: [{ path: 'tmp/card.jpg', uploadedId: null }],
      photoField: { name: 'photoUploadId', many: false, uploadPath: '/api/letter-photos' },
    });
    await outbox.flush();
    expect(d.sent[0].body).toEqual({ term: '2025-2026-2', grade: 8, overallResult: 'good', photoUploadId: 'up-1-x' });
  });

  it('forgets everything on clear (logout), on the device too', () => {
    const d = device();
    const outbox = d.make();
    outbox.enqueue(checkin());
    outbox.clear();
    expect(outbox.getSnapshot().items).toHaveLength(0);
    expect(d.disk.has('outbox')).toBe(false);
    expect(d.make().getSnapshot().items).toHaveLength(0);
  });

  it('pauses on a 401: nothing is retried or dropped until the same person signs in, then all go with their keys', async () => {
    const d = device();
    const outbox = d.make();
    d.setNetwork(() => {
      throw { status: 401, code: 'UNAUTHENTICATED', message: '登录已过期' } satisfies SendFailure;
    });
    const first = outbox.enqueue(checkin());
    const second = outbox.enqueue(checkin('busy_exams'));
    await outbox.flush();
    expect(d.sent).toHaveLength(1);
    expect(outbox.get(first.id)).toMatchObject({ status: 'pending', attempts: 0, idempotencyKey: first.idempotencyKey });
    expect(outbox.nextWakeAt()).toBeNull();

    // However long it waits and whatever wakes it, nothing more is sent while paused.
    d.tick(BACKOFF_CAP_MS * 3);
    outbox.wakeAll();
    await outbox.flush();
    expect(d.sent).toHaveLength(1);
    // Still on the device, for an app restart.
    expect(JSON.parse(d.disk.get('outbox')!).items).toHaveLength(2);

    d.setNetwork(() => ({ ok: true }));
    outbox.signedIn('acc-1');
    expect(outbox.nextWakeAt()).toBe(d.now());
    await outbox.flush();
    expect(d.sent.map((s) => s.key)).toEqual([first.idempotencyKey, first.idempotencyKey, second.idempotencyKey]);
    expect(outbox.outcomeOf(first.id)).toBe('sent');
    expect(outbox.outcomeOf(second.id)).toBe('sent');
  });

  it('sends a signed-in person’s backing-off items at once, and keeps a failed one for them to decide', async () => {
    const d = device();
    const outbox = d.make();
    d.setNetwork((item) => {
      if (item.body.kind === 'bad') throw { status: 400, code: 'VALIDATION_FAILED', message: '不对' } satisfies SendFailure;
      return offline();
    });
    const bad = outbox.enqueue(checkin('bad'));
    const waiting = outbox.enqueue(checkin());
    await outbox.flush();
    expect(outbox.get(waiting.id)!.nextAttemptAt).toBeGreaterThan(d.now());

    d.setNetwork(() => ({ ok: true }));
    outbox.signedIn('acc-1');
    await outbox.flush();
    expect(outbox.outcomeOf(waiting.id)).toBe('sent');
    expect(outbox.get(bad.id)).toMatchObject({ status: 'failed', lastError: '不对' });
  });

  it('drops the earlier account’s items when another account signs in, and never sends them', async () => {
    const d = device();
    const outbox = d.make();
    d.setNetwork(offline);
    outbox.enqueue({ kind: 'letter', path: '/api/letters', body: { body: 'private' }, label: 'private' });
    await outbox.flush();

    d.setNetwork(() => ({ ok: true }));
    d.setOwner('acc-2');
    outbox.signedIn('acc-2');
    expect(outbox.getSnapshot().items).toHaveLength(0);
    expect(d.disk.has('outbox')).toBe(false);
    const theirs = outbox.enqueue(checkin());
    await outbox.flush();
    expect(d.sent.map((s) => s.body)).toEqual([{ body: 'private' }, { kind: 'doing_well' }]);
    expect(outbox.outcomeOf(theirs.id)).toBe('sent');
    // Coming back as the first account finds nothing of theirs to send.
    d.setOwner('acc-1');
    outbox.signedIn('acc-1');
    await outbox.flush();
    expect(d.sent).toHaveLength(2);
  });

  it('wakes backing-off items when asked (network back)', async () => {
    const d = device();
    const outbox = d.make();
    d.setNetwork(offline);
    outbox.enqueue(checkin());
    await outbox.flush();
    d.setNetwork(() => ({ ok: true }));
    outbox.wakeAll();
    await outbox.flush();
    expect(outbox.getSnapshot().items).toHaveLength(0);
  });
});
