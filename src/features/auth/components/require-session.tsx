import Taro from '@tarojs/taro';
import { useEffect, useState, type ReactNode } from 'react';
import type { Role } from '../../../../domain/roles';
import { StateView } from '@/components/ui';
import { entryRoute } from '../session';
import { isSessionActive, useSessionStore } from '../session-store';

export interface RequireSessionProps {
  /** Roles this page is for; anyone else is sent to their own home (or to login). */
  roles: readonly Role[];
  children: ReactNode;
}

/**
 * Guards a role home (on h5 anyone can type its URL). Checked when the page opens; a session that
 * ends later (logout, expiry) already reopens the app at the login page on its own.
 */
export function RequireSession({ roles, children }: RequireSessionProps) {
  const [allowed] = useState(() => {
    const session = useSessionStore.getState();
    return isSessionActive(session) && roles.includes(session.me.role);
  });
  useEffect(() => {
    if (!allowed) void Taro.reLaunch({ url: entryRoute() });
  }, [allowed]);
  return allowed ? <>{children}</> : <StateView state='loading' />;
}
