import { createHmac, timingSafeEqual } from 'node:crypto';
import { assertStorageKey } from './storage';

/** How long a file link stays valid. Links are handed out with each letter view, so short is fine. */
export const FILE_URL_TTL_MS = 15 * 60 * 1000;

/**
 * A `purpose` other than stored files is signed into the HMAC, so a token made for one kind of link
 * never verifies as another (file tokens keep their original form).
 */
const sign = (secret: string, payload: string, purpose?: string) =>
  createHmac('sha256', secret)
    .update(purpose ? `${purpose}\n${payload}` : payload)
    .digest('base64url');

/**
 * A token naming a stored file and when it stops working, signed with the server's secret:
 * `<key, base64url>.<expiry, unix seconds>.<HMAC-SHA256>`. Whoever holds it may fetch the file until
 * then (an image tag sends no session), so it is only ever given to callers allowed to see the file.
 */
export function fileToken(secret: string, key: string, now: Date, ttlMs = FILE_URL_TTL_MS): string {
  assertStorageKey(key);
  return signedToken(secret, key, now, ttlMs);
}

/** The same token shape for any subject; `purpose` keeps it from verifying anywhere else. */
export function signedToken(secret: string, subject: string, now: Date, ttlMs: number, purpose?: string): string {
  const expires = Math.floor((now.getTime() + ttlMs) / 1000);
  const payload = `${Buffer.from(subject, 'utf8').toString('base64url')}.${expires}`;
  return `${payload}.${sign(secret, payload, purpose)}`;
}

export function fileUrl(secret: string, key: string, now: Date): string {
  return `/api/files/${fileToken(secret, key, now)}`;
}

export type TokenCheck = { ok: true; key: string; expiresAt: Date } | { ok: false; reason: 'forged' | 'expired' };

export function verifyFileToken(secret: string, token: string, now: Date, purpose?: string): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || !/^[0-9]{1,12}$/.test(parts[1])) return { ok: false, reason: 'forged' };
  const payload = `${parts[0]}.${parts[1]}`;
  const expected = Buffer.from(sign(secret, payload, purpose));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  const expiresAt = new Date(Number(parts[1]) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, key: Buffer.from(parts[0], 'base64url').toString('utf8'), expiresAt };
}
