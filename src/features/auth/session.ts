import Taro from '@tarojs/taro';
import type { SessionResponse } from '../../../domain/api/auth';
import { useLetterDraftStore } from '@/lib/letter-drafts';
import { configureApiClient } from '@/lib/api-client';
import { clearOutbox, configureOutboxOwner, outboxSignedIn } from '@/lib/outbox';
import { forgetKeptAnswers } from '@/lib/revalidation';
import { homeFor, ROUTES } from '@/lib/routes';
import { clearStoredData, DEVICE_PREFERENCE_KEYS, STORAGE_KEYS } from '@/lib/storage';
import { logoutOnServer } from './api';
import { isSessionActive, useSessionStore } from './session-store';

/** How long after one expiry redirect further 401s (from requests already in flight) are ignored. */
const EXPIRY_REDIRECT_QUIET_MS = 3000;
let lastExpiryRedirectAt = 0;

/**
 * Forgets the session and everything stored for this person — token, records, answers kept for revalidation, letter drafts and the
 * outbox of writes not yet sent; keeps language and text size. What a logout does.
 */
export function clearSession(): void {
  useSessionStore.getState().clear();
  forgetKeptAnswers();
  clearOutbox();
  useLetterDraftStore.getState().clearAll();
  clearStoredData(DEVICE_PREFERENCE_KEYS);
}

/**
 * The session ran out without the person choosing to leave (expiry, a 401): forgets it like a logout
 * but keeps the writes still waiting to send and the letters being written — a student offline when it
 * expired would otherwise lose them. They come back once the same account signs in again.
 */
function endExpiredSession(): void {
  useSessionStore.getState().clear();
  forgetKeptAnswers();
  clearStoredData([...DEVICE_PREFERENCE_KEYS, STORAGE_KEYS.outbox, STORAGE_KEYS.letterDrafts]);
}

/** Signs in; whatever an earlier account left waiting on the device is deleted, never shown or sent. */
export function startSession(session: SessionResponse): void {
  useSessionStore.getState().signIn(session);
  useLetterDraftStore.getState().keepOnlyOwnedBy(session.me.accountId);
  void outboxSignedIn(session.me.accountId);
}

/** Where the app should open: the role's home with a live session, the login page otherwise. */
export function entryRoute(now: Date = new Date()): string {
  const session = useSessionStore.getState();
  if (isSessionActive(session, now)) return homeFor(session.me.role);
  if (session.token) endExpiredSession();
  return ROUTES.login;
}

/** The server said the token is no longer good: back to login, saying why. */
export function expireSession(): void {
  const now = Date.now();
  if (now - lastExpiryRedirectAt < EXPIRY_REDIRECT_QUIET_MS) return;
  lastExpiryRedirectAt = now;
  const hadSession = Boolean(useSessionStore.getState().token);
  endExpiredSession();
  void Taro.reLaunch({ url: hadSession ? `${ROUTES.login}?reason=expired` : ROUTES.login });
}

/** Signs out: revokes the token on the server (best effort), wipes the device, goes to login. */
export async function logout(): Promise<void> {
  try {
    if (useSessionStore.getState().token) await logoutOnServer();
  } catch {
    // Offline or already revoked: leaving must still work; the token expires on the server anyway.
  } finally {
    clearSession();
    await Taro.reLaunch({ url: ROUTES.login });
  }
}

/** Gives the API client the token and the way out when it expires. Called once by the app. */
export function connectSessionToApiClient(): void {
  lastExpiryRedirectAt = 0;
  configureApiClient({
    getToken: () => useSessionStore.getState().token,
    onSessionExpired: expireSession,
  });
  // The outbox sends only the signed-in person's writes, with their token.
  configureOutboxOwner(() => {
    const session = useSessionStore.getState();
    return session.token ? (session.me?.accountId ?? null) : null;
  });
}
