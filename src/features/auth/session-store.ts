import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Me, SessionResponse } from '../../../domain/api/auth';
import { STORAGE_KEYS, taroJSONStorage } from '@/lib/storage';

export interface SessionData {
  token: string | null;
  /** ISO-8601 UTC. */
  expiresAt: string | null;
  me: Me | null;
}

interface SessionState extends SessionData {
  signIn: (session: SessionResponse) => void;
  clear: () => void;
}

const signedOut: SessionData = { token: null, expiresAt: null, me: null };

/** The signed-in person and their token, kept in device storage across app restarts. */
export const useSessionStore = create<SessionState>()(
  persist(
    (set) => ({
      ...signedOut,
      signIn: ({ token, expiresAt, me }) => set({ token, expiresAt, me }),
      clear: () => set(signedOut),
    }),
    {
      name: STORAGE_KEYS.session,
      storage: taroJSONStorage,
      version: 1,
      partialize: ({ token, expiresAt, me }) => ({ token, expiresAt, me }),
    },
  ),
);

/** True when there is a token that has not expired yet. */
export function isSessionActive(session: SessionData, now: Date = new Date()): session is SessionData & {
  token: string;
  expiresAt: string;
  me: Me;
} {
  if (!session.token || !session.expiresAt || !session.me) return false;
  const expires = Date.parse(session.expiresAt);
  return Number.isFinite(expires) && expires > now.getTime();
}

export function useMe(): Me | null {
  return useSessionStore((state) => state.me);
}
