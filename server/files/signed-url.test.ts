import { fileToken, signedToken, verifyFileToken } from './signed-url';

const SECRET = 'a'.repeat(64);
const NOW = new Date('2026-11-29T04:00:00.000Z');

it('round-trips a key until the link expires', () => {
  const token = fileToken(SECRET, 'photos/2026-11/abc.jpg', NOW);
  expect(verifyFileToken(SECRET, token, NOW)).toMatchObject({ ok: true, key: 'photos/2026-11/abc.jpg' });
  expect(verifyFileToken(SECRET, token, new Date(NOW.getTime() + 14 * 60_000)).ok).toBe(true);
  expect(verifyFileToken(SECRET, token, new Date(NOW.getTime() + 15 * 60_000))).toEqual({ ok: false, reason: 'expired' });
});

it('refuses another secret, a changed key or expiry, and garbage', () => {
  const token = fileToken(SECRET, 'photos/2026-11/abc.jpg', NOW);
  const [key, expiry, signature] = token.split('.');
  expect(verifyFileToken('b'.repeat(64), token, NOW)).toEqual({ ok: false, reason: 'forged' });
  expect(verifyFileToken(SECRET, `${Buffer.from('photos/x.jpg').toString('base64url')}.${expiry}.${signature}`, NOW).ok).toBe(false);
  expect(verifyFileToken(SECRET, `${key}.${Number(expiry) + 1}.${signature}`, NOW).ok).toBe(false);
  for (const junk of ['', '...', 'a.b.c', `${key}.${expiry}`]) expect(verifyFileToken(SECRET, junk, NOW)).toEqual({ ok: false, reason: 'forged' });
});

it('signs only keys of our own shape', () => {
  expect(() => fileToken(SECRET, '../etc/passwd', NOW)).toThrow();
});

it('keeps tokens of another purpose apart from file tokens', () => {
  const statement = signedToken(SECRET, 'sponsor-1/2026/pdf/zh-CN', NOW, 60_000, 'statement');
  expect(verifyFileToken(SECRET, statement, NOW)).toEqual({ ok: false, reason: 'forged' });
  expect(verifyFileToken(SECRET, statement, NOW, 'statement')).toMatchObject({ ok: true, key: 'sponsor-1/2026/pdf/zh-CN' });
  expect(verifyFileToken(SECRET, fileToken(SECRET, 'photos/a.jpg', NOW), NOW, 'statement').ok).toBe(false);
});
