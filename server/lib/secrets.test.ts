import { randomBytes } from 'node:crypto';
import { openSecret, sealSecret } from './secrets';

describe('sealed secrets', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = sealSecret(key, '{"apiV3Key":"0123456789abcdefghijABCDEFGHIJ01"}');
    expect(sealed).not.toContain('0123456789abcdef');
    expect(openSecret(key, sealed)).toBe('{"apiV3Key":"0123456789abcdefghijABCDEFGHIJ01"}');
  });

  it('seals the same text differently each time', () => {
    expect(sealSecret(key, 'same')).not.toBe(sealSecret(key, 'same'));
  });

  it('refuses another key and any change to the stored text', () => {
    const sealed = sealSecret(key, 'secret');
    expect(() => openSecret(randomBytes(32), sealed)).toThrow();
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    expect(() => openSecret(key, [...parts.slice(0, 3), flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => openSecret(key, 'v0.a.b.c')).toThrow(/unknown format/);
  });
});
