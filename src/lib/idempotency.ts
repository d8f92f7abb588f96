import { useRef } from 'react';

function randomHex(length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

/**
 * A fresh `Idempotency-Key`. Mini-programs have no synchronous crypto; the key only has to be unique
 * per operation, not secret, so time plus randomness is enough there.
 */
export function newIdempotencyKey(): string {
  // `typeof` on the bare name: some mini-program engines have neither `crypto` nor `globalThis`.
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${randomHex(24)}`;
}

export interface OperationKey {
  /** The key for `operation` (e.g. `demo:<accountId>`): the same for every retry until `done()`. */
  for(operation: string): string;
  /** The operation succeeded (or was abandoned): the next attempt is a new operation. */
  done(): void;
}

export function createOperationKey(): OperationKey {
  let current: string | null = null;
  let key = '';
  return {
    for(operation) {
      if (operation !== current) {
        current = operation;
        key = newIdempotencyKey();
      }
      return key;
    },
    done() {
      current = null;
    },
  };
}

/** An OperationKey that lives as long as the component. */
export function useOperationKey(): OperationKey {
  const ref = useRef<OperationKey | null>(null);
  if (!ref.current) ref.current = createOperationKey();
  return ref.current;
}
