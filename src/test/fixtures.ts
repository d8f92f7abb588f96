import type { Me, SessionResponse } from '../../domain/api/auth';
import { startSession } from '@/features/auth';

export const sponsorMe: Me = { accountId: 'acc-sponsor-1', role: 'sponsor', displayName: '林晓', ngo: null };
export const caseworkerMe: Me = {
  accountId: 'acc-cw-1',
  role: 'caseworker',
  displayName: '周老师',
  ngo: { id: 'ngo-1', name: '凉山助学会', },
};

export function sessionFor(me: Me, expiresInMs = 24 * 60 * 60 * 1000): SessionResponse {
  return { token: `token-${me.accountId}`, expiresAt: new Date(Date.now() + expiresInMs).toISOString(), isNewAccount: false, me };
}

/** Signs `me` in, as a successful login would. */
export function signIn(me: Me = sponsorMe): SessionResponse {
  const session = sessionFor(me);
  startSession(session);
  return session;
}

export const studentMe: Me = { accountId: 'acc-student-1', role: 'student', displayName: '小雨', ngo: null };
export const adminMe: Me = {
  accountId: 'acc-admin-1',
  role: 'ngo_admin',
  displayName: '马主任',
  ngo: { id: 'ngo-1', name: '凉山助学会' },
};
