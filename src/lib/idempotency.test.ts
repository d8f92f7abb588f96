import { createOperationKey, newIdempotencyKey } from './idempotency';

describe('idempotency keys', () => {
  it('are fresh and within the 1–128 characters the server accepts, with or without crypto', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(200);

    const saved = globalThis.crypto;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      const fallback = newIdempotencyKey();
      expect(fallback).toMatch(/^[0-9a-z]+-[0-9a-f]{24}$/);
      expect(newIdempotencyKey()).not.toBe(fallback);
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: saved, configurable: true });
    }
    for (const key of keys) expect(key.length).toBeLessThanOrEqual(128);
  });

  it('stay the same across retries of one operation and change for the next one', () => {
    const op = createOperationKey();
    const first = op.for('demo:a');
    expect(op.for('demo:a')).toBe(first); // retry after a failure
    const other = op.for('demo:b');
    expect(other).not.toBe(first); // a different operation
    op.done();
    expect(op.for('demo:b')).not.toBe(other); // succeeded: doing it again is new
  });
});
