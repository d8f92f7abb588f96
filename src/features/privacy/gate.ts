import Taro from '@tarojs/taro';
import { compressPhoto } from '@/lib/outbox';

/** The id of our agree button: WeChat checks that this very button was tapped. */
export const AGREE_BUTTON_ID = 'bx-privacy-agree';

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

interface PrivacyApi {
  onNeedPrivacyAuthorization?: (listener: (resolve: Resolve) => void) => void;
  requirePrivacyAuthorize?: (option: { success?: () => void; fail?: (error: unknown) => void }) => void;
}

function api(): PrivacyApi {
  return Taro as unknown as PrivacyApi;
}

let pending: Resolve | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

export function subscribePrivacy(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** True while WeChat waits for the person to agree or not (the popup is open). */
export function privacyAsked(): boolean {
  return pending !== null;
}

/**
 * Listens for WeChat asking for privacy consent (weapp only; elsewhere there is nothing to install).
 * The popup shows while a request waits.
 */
export function installPrivacyHandler(): void {
  const on = api().onNeedPrivacyAuthorization;
  if (process.env.TARO_ENV !== 'weapp' || typeof on !== 'function') return;
  on((resolve) => {
    pending = resolve;
    resolve({ event: 'exposureAuthorization' });
    notify();
  });
}

/** The agree button (openType agreePrivacyAuthorization) was tapped. */
export function agreePrivacy(): void {
  pending?.({ event: 'agree', buttonId: AGREE_BUTTON_ID });
  pending = null;
  notify();
}

export function declinePrivacy(): void {
  pending?.({ event: 'disagree' });
  pending = null;
  notify();
}

/**
 * Runs WeChat's privacy authorization before a privacy API (choosing photos…): resolves true once
 * agreed (or when the platform has no such step: h5, Alipay), false when the person declined.
 */
export function ensurePrivacyAuthorized(): Promise<boolean> {
  const require = api().requirePrivacyAuthorize;
  if (process.env.TARO_ENV !== 'weapp' || typeof require !== 'function') return Promise.resolve(true);
  return new Promise((resolve) => {
    try {
      require({ success: () => resolve(true), fail: () => resolve(false) });
    } catch {
      resolve(true);
    }
  });
}

/** Puts text on the clipboard after the privacy step (WeChat counts the clipboard as private data): false when declined. */
export async function copyText(data: string): Promise<boolean> {
  if (!(await ensurePrivacyAuthorized())) return false;
  await Taro.setClipboardData({ data });
  return true;
}

export type PickResult = { paths: string[] } | { cancelled: true } | { failed: true };

/** Lets the person choose up to `count` photos (album or camera) after the privacy step, as the platform gives them. */
export async function choosePhotos(count: number): Promise<PickResult> {
  if (!(await ensurePrivacyAuthorized())) return { cancelled: true };
  try {
    const chosen = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    return { paths: chosen.tempFilePaths ?? [] };
  } catch (failure) {
    const text = String((failure as { errMsg?: unknown } | null)?.errMsg ?? failure ?? '');
    return /cancel/i.test(text) ? { cancelled: true } : { failed: true };
  }
}

/** Picks up to `count` photos after the privacy step, each compressed for the outbox. */
export async function pickPhotos(count: number): Promise<PickResult> {
  const chosen = await choosePhotos(count);
  return 'paths' in chosen ? { paths: await Promise.all(chosen.paths.map(compressPhoto)) } : chosen;
}
