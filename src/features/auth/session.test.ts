import { waitFor } from '@testing-library/react';
import { draftKey, useLetterDraftStore } from '@/lib/letter-drafts';
import { useLocaleStore } from '@/lib/i18n';
import { kickOutbox, outbox } from '@/lib/outbox';
import { usePreferencesStore } from '@/lib/preferences';
import { caseworkerMe, sessionFor, signIn, sponsorMe, studentMe } from '@/test/fixtures';
import { failWith, mockApi, offline } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { entryRoute, expireSession, logout, startSession } from './session';
import { isSessionActive, useSessionStore } from './session-store';

const SESSION_KEY = 'banxue.session';
const OUTBOX_KEY = 'banxue.outbox';
const DRAFTS_KEY = 'banxue.letterDrafts';
const CHECKIN = 'POST /api/student/checkins';

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

describe('writes waiting to send when the session ends', () => {
  const queueCheckin = () =>
    outbox.enqueue({ kind: 'checkin', path: '/api/student/checkins', body: { kind: 'doing_well' }, label: '我很好' });

  /** The student queues a check-in; sending it meets a 401 (the session was ended on the server). */
  async function expireWhileSending() {
    signIn(studentMe);
    const sent = mockApi({ [CHECKIN]: failWith(401, 'UNAUTHENTICATED', 'gone') });
    const item = queueCheckin();
    await kickOutbox();
    return { item, sent };
  }

  it('keeps them through an expiry, then sends them once, with their key, when the same account signs in', async () => {
    const { item, sent } = await expireWhileSending();
    expect(sent).toHaveLength(1);
    expect(Taro.reLaunch).toHaveBeenLastCalledWith({ url: '/pages/login/index?reason=expired' });
    expect(useSessionStore.getState().token).toBeNull();
    expect(outbox.getSnapshot().items).toEqual([expect.objectContaining({ id: item.id, status: 'pending' })]);
    // Paused, not backing off: no timer will try it again with a token nobody holds.
    expect(outbox.nextWakeAt()).toBeNull();
    expect(JSON.parse(String(Taro.getStorageSync(OUTBOX_KEY))).items).toHaveLength(1);

    const resent = mockApi({ [CHECKIN]: { statusCode: 201, data: { id: 'c-1' } } });
    signIn(studentMe);
    // Signing in is enough: nothing else has to wake the outbox.
    await waitFor(() => expect(outbox.getSnapshot().items).toHaveLength(0));
    expect(resent).toHaveLength(1);
    expect(resent[0].header['Idempotency-Key']).toBe(item.idempotencyKey);
    expect(outbox.getSnapshot().items).toHaveLength(0);
    expect(Taro.getStorageSync(OUTBOX_KEY)).toBe('');
  });

  it('keeps them when the app opens on a session that ran out while offline', async () => {
    startSession(sessionFor(studentMe, 60_000));
    mockApi({ [CHECKIN]: offline });
    const item = queueCheckin();
    await kickOutbox();
    // Reopened later: the stored session is past its end.
    useSessionStore.setState({ expiresAt: new Date(Date.now() - 1000).toISOString() });

    expect(entryRoute()).toBe('/pages/login/index');
    expect(useSessionStore.getState().token).toBeNull();
    outbox.reload();
    expect(outbox.get(item.id)).toMatchObject({ idempotencyKey: item.idempotencyKey, ownerAccountId: studentMe.accountId });
  });

  it('never sends or shows them to a different account signing in: they are deleted', async () => {
    await expireWhileSending();
    const sent = mockApi({ [CHECKIN]: { statusCode: 201, data: { id: 'c-1' } } });
    signIn({ ...studentMe, accountId: 'acc-student-2', displayName: '阿木' });
    await kickOutbox();
    expect(sent).toHaveLength(0);
    expect(outbox.getSnapshot().items).toHaveLength(0);
    expect(Taro.getStorageSync(OUTBOX_KEY)).toBe('');
  });

  it('are deleted by a logout', async () => {
    await expireWhileSending();
    signIn(studentMe);
    mockApi({ [CHECKIN]: offline, 'POST /api/auth/logout': { statusCode: 204 } });
    await logout();
    expect(outbox.getSnapshot().items).toHaveLength(0);
    expect(Taro.getStorageSync(OUTBOX_KEY)).toBe('');
  });
});

describe('letter drafts when the session ends', () => {
  const target = { kind: 'new', sponsorshipId: 'sp-1' } as const;
  const studentDraft = draftKey(target, studentMe.accountId);

  /** The student has started a letter (its send key already made) when the server ends the session. */
  function expireWhileWriting() {
    signIn(studentMe);
    const drafts = useLetterDraftStore.getState();
    drafts.setBody(studentDraft, '老师说我进步了');
    const sendKey = drafts.sendKey(studentDraft);
    expireSession();
    return sendKey;
  }

  const storedDrafts = () => (stored(DRAFTS_KEY) as { state: { drafts: Record<string, unknown> } } | null)?.state.drafts;

  it('keeps them through an expiry, on the device too, for the same account signing in again', async () => {
    const sendKey = expireWhileWriting();
    expect(useSessionStore.getState().token).toBeNull();
    expect(Object.keys(storedDrafts() ?? {})).toEqual([studentDraft]);

    // The app restarts before the student signs in again: memory is empty, the draft comes back from the device.
    const onDevice = Taro.getStorageSync(DRAFTS_KEY);
    useLetterDraftStore.setState({ drafts: {} });
    Taro.setStorageSync(DRAFTS_KEY, onDevice);
    await useLetterDraftStore.persist.rehydrate();
    signIn(studentMe);

    expect(useLetterDraftStore.getState().drafts[studentDraft]).toMatchObject({ body: '老师说我进步了', idempotencyKey: sendKey });
  });

  it('keeps them when the app opens on a session that ran out', () => {
    signIn(studentMe);
    useLetterDraftStore.getState().setBody(studentDraft, '这学期我当了班长');
    useSessionStore.setState({ expiresAt: new Date(Date.now() - 1000).toISOString() });

    expect(entryRoute()).toBe('/pages/login/index');
    expect(Object.keys(storedDrafts() ?? {})).toEqual([studentDraft]);
  });

  it('never shows them to a different account signing in: they are deleted', () => {
    expireWhileWriting();
    const otherStudent = { ...studentMe, accountId: 'acc-student-2', displayName: '阿木' };
    signIn(otherStudent);
    useLetterDraftStore.getState().setBody(draftKey(target, otherStudent.accountId), '你好');

    expect(Object.keys(useLetterDraftStore.getState().drafts)).toEqual([draftKey(target, otherStudent.accountId)]);
    expect(Object.keys(storedDrafts() ?? {})).toEqual([draftKey(target, otherStudent.accountId)]);
  });

  it('are deleted by a logout, from memory and the device', async () => {
    expireWhileWriting();
    signIn(studentMe);
    mockApi({ 'POST /api/auth/logout': { statusCode: 204 } });
    await logout();
    expect(useLetterDraftStore.getState().drafts).toEqual({});
    expect(Taro.getStorageSync(DRAFTS_KEY)).toBe('');
  });
});
