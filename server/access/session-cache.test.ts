import { createSession } from '../features/auth/sessions';
import { SESSION_CACHE_TTL_MS } from '../plugins/access';
import { insertWorld } from '../test/fixtures';
import { createTestApp, type TestApp } from '../test/test-app';
import type { Principal } from './principal';
import { SessionCache } from './session-cache';

const START = new Date('2026-11-29T04:00:00.000Z');
const later = (ms: number) => new Date(START.getTime() + ms);

describe('the session cache in front of the database', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({}, START);
    await insertWorld(t.app.db);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.set(START));

  async function signIn(ttlHours = 24) {
    const { token } = await createSession(t.app.db, { accountId: 'acc-sponsor-1', method: 'demo', now: t.clock.now(), ttlHours });
    return { authorization: `Bearer ${token}` };
  }
  const me = (headers: { authorization: string }) => t.app.inject({ url: '/api/me', headers });

  it('refuses a session at once after it logs out, though it was just resolved', async () => {
    const auth = await signIn();
    expect((await me(auth)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: auth })).statusCode).toBe(204);
    const after = await me(auth);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a session from the instant it expires, inside the time it is cached', async () => {
    const auth = await signIn(2 / 3600); // expires two seconds from now
    expect((await me(auth)).statusCode).toBe(200);
    t.clock.set(later(1_999));
    expect((await me(auth)).statusCode).toBe(200);
    t.clock.set(later(2_000));
    expect((await me(auth)).statusCode).toBe(401);
  });

  it('sees a revocation made elsewhere (another instance) once the cached entry runs out', async () => {
    const auth = await signIn();
    expect((await me(auth)).statusCode).toBe(200);
    await t.app.db.updateTable('sessions').set({ revoked_at: START.toISOString() }).where('account_id', '=', 'acc-sponsor-1').execute();
    expect((await me(auth)).statusCode).toBe(200);
    t.clock.set(later(SESSION_CACHE_TTL_MS));
    expect((await me(auth)).statusCode).toBe(401);
  });
});

describe('SessionCache', () => {
  const principal = (sessionId: string): Principal => ({ accountId: 'acc-1', sessionId, role: 'sponsor', sponsorId: 'sponsor-1', displayName: '李老师' });
  const farExpiry = '2027-01-01T00:00:00.000Z';

  it('holds at most its capacity, making room by dropping the oldest entry', () => {
    const cache = new SessionCache(5_000, 2);
    cache.remember('hash-a', principal('s-a'), farExpiry, START);
    cache.remember('hash-b', principal('s-b'), farExpiry, START);
    cache.remember('hash-c', principal('s-c'), farExpiry, START);
    expect(cache.get('hash-a', START)).toBeUndefined();
    expect(cache.get('hash-b', START)?.sessionId).toBe('s-b');
    expect(cache.get('hash-c', START)?.sessionId).toBe('s-c');
  });

  it('forgets a session by its id, and keeps nothing past its time limit', () => {
    const cache = new SessionCache(5_000, 10);
    cache.remember('hash-a', principal('s-a'), farExpiry, START);
    cache.remember('hash-b', principal('s-b'), farExpiry, START);
    cache.forgetSession('s-a');
    expect(cache.get('hash-a', START)).toBeUndefined();
    expect(cache.get('hash-b', later(4_999))?.sessionId).toBe('s-b');
    expect(cache.get('hash-b', later(5_000))).toBeUndefined();
  });
});
