import { useLocaleStore } from '@/lib/i18n';
import { usePreferencesStore } from '@/lib/preferences';
import { caseworkerMe, sessionFor, signIn, sponsorMe } from '@/test/fixtures';
import { failWith, mockApi, offline } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { entryRoute, logout, startSession } from './session';
import { isSessionActive, useSessionStore } from './session-store';

const SESSION_KEY = 'banxue.session';

function stored(key: string): unknown {
  const raw = Taro.getStorageSync(key);
  return raw === '' ? null : JSON.parse(String(raw));
}

describe('session store', () => {
  it('persists token, expiry and the person in Taro storage, and nothing else', () => {
    const session = signIn(sponsorMe);
    expect(stored(SESSION_KEY)).toEqual({
      state: { token: session.token, expiresAt: session.expiresAt, me: sponsorMe },
      version: 1,
    });
  });

  it('comes back from storage when the app starts again', async () => {
    const session = sessionFor(caseworkerMe);
    expect(useSessionStore.getState().token).toBeNull();
    // What an earlier run of the app left on the device.
    Taro.setStorageSync(
      SESSION_KEY,
      JSON.stringify({ state: { token: session.token, expiresAt: session.expiresAt, me: caseworkerMe }, version: 1 }),
    );

    await useSessionStore.persist.rehydrate();

    expect(useSessionStore.getState()).toMatchObject({ token: session.token, me: caseworkerMe });
    expect(isSessionActive(useSessionStore.getState())).toBe(true);
  });

  it('treats an expired session as no session', () => {
    startSession(sessionFor(sponsorMe, -1000));
    expect(isSessionActive(useSessionStore.getState())).toBe(false);
  });
});

describe('entryRoute (launch page)', () => {
  it('opens each role at its own home', () => {
    const homes: Array<[typeof sponsorMe, string]> = [
      [sponsorMe, '/packages/sponsor/pages/home/index'],
      [{ ...sponsorMe, role: 'student' }, '/packages/student/pages/home/index'],
      [caseworkerMe, '/packages/staff/pages/home/index'],
      [{ ...caseworkerMe, role: 'ngo_admin' }, '/packages/staff/pages/home/index'],
    ];
    for (const [me, home] of homes) {
      startSession(sessionFor(me));
      expect(entryRoute()).toBe(home);
    }
  });

  it('sends people without a live session to login, forgetting an expired one', () => {
    expect(entryRoute()).toBe('/pages/login/index');
    startSession(sessionFor(sponsorMe, -1000));
    expect(entryRoute()).toBe('/pages/login/index');
    expect(useSessionStore.getState().token).toBeNull();
    expect(Taro.getStorageSync(SESSION_KEY)).toBe('');
  });
});

describe('logout', () => {
  it('revokes the token on the server, clears the store and every stored key, and reopens login', async () => {
    const session = signIn(sponsorMe);
    Taro.setStorageSync('banxue.cache.letters', '[1,2,3]');
    useLocaleStore.getState().setLocale('en-US');
    usePreferencesStore.getState().setLargeText(true);
    const sent = mockApi({ 'POST /api/auth/logout': { statusCode: 204 } });

    await logout();

    expect(sent).toHaveLength(1);
    expect(sent[0].header.Authorization).toBe(`Bearer ${session.token}`);
    expect(sent[0].header['Idempotency-Key']).toBeTruthy();
    expect(useSessionStore.getState()).toMatchObject({ token: null, expiresAt: null, me: null });
    expect(Taro.getStorageSync(SESSION_KEY)).toBe('');
    expect(Taro.getStorageSync('banxue.cache.letters')).toBe('');
    // Language and text size are the device's, not the person's: they stay.
    expect(Taro.getStorageInfoSync().keys.sort()).toEqual(['banxue.locale', 'banxue.preferences']);
    expect(Taro.reLaunch).toHaveBeenLastCalledWith({ url: '/pages/login/index' });
  });

  it('still signs out when offline or when the token was already revoked', async () => {
    for (const handler of [offline, () => failWith(401, 'UNAUTHENTICATED', 'gone')]) {
      signIn(sponsorMe);
      Taro.reLaunch.mockClear();
      mockApi({ 'POST /api/auth/logout': handler });
      await logout();
      expect(useSessionStore.getState().token).toBeNull();
      expect(Taro.getStorageSync(SESSION_KEY)).toBe('');
      // Straight to login, not via the "session expired" notice.
      expect(Taro.reLaunch).toHaveBeenCalledTimes(1);
      expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    }
  });
});
