import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';
import { ApiError, request } from '../api-client';
import { t } from '../i18n';
import { newIdempotencyKey } from '../idempotency';
import { STORAGE_KEYS, taroStateStorage } from '../storage';
import { uploadFile } from '../upload';
import { Outbox, OutboxRefusedError, type OutboxSnapshot, type SendFailure } from './core';

/** While online and something waits, look again this often (backoff decides what is actually due). */
export const OUTBOX_TICK_MS = 30_000;

let ownerOf: () => string | null = () => null;

/** The session layer says who is signed in (their items are the ones sent). */
export function configureOutboxOwner(getOwner: () => string | null): void {
  ownerOf = getOwner;
}

function describe(error: unknown): SendFailure {
  if (error instanceof ApiError) return { status: error.status, code: String(error.code), message: error.message };
  return { status: null, code: 'NETWORK', message: t('errors.network') };
}

export const outbox = new Outbox({
  storage: {
    load: () => taroStateStorage.getItem(STORAGE_KEYS.outbox) as string | null,
    save: (json) => void taroStateStorage.setItem(STORAGE_KEYS.outbox, json),
    remove: () => void taroStateStorage.removeItem(STORAGE_KEYS.outbox),
  },
  now: () => Date.now(),
  random: () => Math.random(),
  newKey: newIdempotencyKey,
  getOwner: () => ownerOf(),
  transport: {
    send: (item, body) => request({ method: 'POST', path: item.path, body, idempotencyKey: item.idempotencyKey }),
    upload: async (filePath, uploadPath) => (await uploadFile<{ id: string }>({ path: uploadPath, filePath, name: 'photo' })).id,
    describe,
  },
});

/** The message for a refused enqueue, in the person's language. */
export function refusalMessage(error: unknown): string {
  if (error instanceof OutboxRefusedError) {
    if (error.reason === 'FULL') return t('outbox.full');
    if (error.reason === 'TOO_BIG') return t('outbox.tooBig');
    return t('errors.sessionExpired');
  }
  return t('errors.generic');
}

let timer: ReturnType<typeof setTimeout> | null = null;

/** Sends what is due now, then sets a timer for the next due item (or the regular tick). */
export function kickOutbox(): Promise<void> {
  return outbox.flush().then(schedule, schedule);
}

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  const wake = outbox.nextWakeAt();
  if (wake === null || !outbox.isOnline()) return;
  const delay = Math.max(1_000, Math.min(OUTBOX_TICK_MS, wake - Date.now()));
  timer = setTimeout(() => void kickOutbox(), delay);
}

let started = false;

/** Wires the outbox to the platform: network changes, app show, a timer. Called once by the app. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  const onStatus = (result: { isConnected?: boolean }) => {
    const online = result.isConnected !== false;
    outbox.setOnline(online);
    if (online) {
      // The network is back: what was backing off goes now.
      outbox.wakeAll();
      void kickOutbox();
    }
  };
  try {
    if (typeof Taro.onNetworkStatusChange === 'function') Taro.onNetworkStatusChange(onStatus);
  } catch {
    // not offered here
  }
  if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
    window.addEventListener('online', () => onStatus({ isConnected: true }));
    window.addEventListener('offline', () => onStatus({ isConnected: false }));
  }
  const onAppShow = (Taro as { onAppShow?: (cb: () => void) => void }).onAppShow;
  try {
    if (typeof onAppShow === 'function') onAppShow(() => void kickOutbox());
  } catch {
    // not offered here
  }
  void kickOutbox();
}

/** Someone signed in: what waits for them goes now; anyone else's is dropped (see `Outbox.signedIn`). */
export function outboxSignedIn(accountId: string): Promise<void> {
  outbox.signedIn(accountId);
  return kickOutbox();
}

/** Forgets the queue (logout). */
export function clearOutbox(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  outbox.clear();
}

/** The outbox as React sees it: re-renders on every change. */
export function useOutbox(): OutboxSnapshot {
  return useSyncExternalStore(outbox.subscribe, outbox.getSnapshot, outbox.getSnapshot);
}
