import { createHash, createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';

/**
 * Reading the keys an NGO admin pastes: PEM, or the bare base64 line Alipay's console shows. Nothing
 * read here is logged or put in an error; a failure is only a reason code.
 */

const isPem = (text: string) => text.startsWith('-----BEGIN');
const der = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'base64');

function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

export type PrivateKeyReading =
  | { ok: true; key: KeyObject; pem: string }
  | { ok: false; reason: 'private_key_unreadable' | 'private_key_not_rsa' | 'private_key_too_short' | 'private_key_is_public' };

/** An RSA private key of at least 2048 bits, as PKCS#8 PEM (the form it is stored in). */
export function readPrivateKey(input: string): PrivateKeyReading {
  const text = input.trim();
  if (/PUBLIC KEY|CERTIFICATE/.test(text)) return { ok: false, reason: 'private_key_is_public' };
  const key = isPem(text)
    ? attempt(() => createPrivateKey(text))
    : (attempt(() => createPrivateKey({ key: der(text), format: 'der', type: 'pkcs8' })) ??
      attempt(() => createPrivateKey({ key: der(text), format: 'der', type: 'pkcs1' })));
  if (!key) {
    const isPublic = !isPem(text) && attempt(() => createPublicKey({ key: der(text), format: 'der', type: 'spki' }));
    return { ok: false, reason: isPublic ? 'private_key_is_public' : 'private_key_unreadable' };
  }
  if (key.asymmetricKeyType !== 'rsa') return { ok: false, reason: 'private_key_not_rsa' };
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) return { ok: false, reason: 'private_key_too_short' };
  return { ok: true, key, pem: key.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/** An RSA public key (PEM or bare SPKI base64), as SPKI PEM; null when unreadable or not RSA. */
export function readPublicKey(input: string): { key: KeyObject; pem: string } | null {
  const text = input.trim();
  if (text.includes('PRIVATE KEY')) return null;
  const key = isPem(text) ? attempt(() => createPublicKey(text)) : attempt(() => createPublicKey({ key: der(text), format: 'der', type: 'spki' }));
  if (key?.type !== 'public' || key.asymmetricKeyType !== 'rsa') return null;
  return { key, pem: key.export({ type: 'spki', format: 'pem' }).toString() };
}

export type PlatformKeyReading =
  | { kind: 'certificate'; key: KeyObject; pem: string; serial: string; validTo: Date }
  | { kind: 'public_key'; key: KeyObject; pem: string };

/** A WeChat Pay platform certificate (with its serial and expiry) or the WeChat Pay public key; null when unreadable. */
export function readPlatformKey(input: string): PlatformKeyReading | null {
  const text = input.trim();
  if (text.includes('BEGIN CERTIFICATE')) {
    const cert = attempt(() => new X509Certificate(text));
    if (!cert || cert.publicKey.asymmetricKeyType !== 'rsa') return null;
    return { kind: 'certificate', key: cert.publicKey, pem: cert.toString(), serial: cert.serialNumber.toUpperCase(), validTo: new Date(cert.validTo) };
  }
  const publicKey = readPublicKey(text);
  return publicKey && { kind: 'public_key', ...publicKey };
}

/** SHA-256 of the key's SPKI bytes as `AB:CD:…`, to compare with what a console shows. */
export function keyFingerprint(key: KeyObject): string {
  const digest = createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex').toUpperCase();
  return digest.match(/../g)!.join(':');
}

/** Whether a private key is the pair of a public key (an NGO's own key pasted where the platform's belongs). */
export const pairs = (privateKey: KeyObject, publicKey: KeyObject) => createPublicKey(privateKey).equals(publicKey);
