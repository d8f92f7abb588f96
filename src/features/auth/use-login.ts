import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { SessionResponse } from '../../../domain/api/auth';
import { errorMessage } from '@/lib/api-client';
import { note } from '@/lib/dialog';
import { t } from '@/lib/i18n';
import { useOperationKey } from '@/lib/idempotency';
import { homeFor } from '@/lib/routes';
import { startSession } from './session';

export interface LoginRunner {
  /** Which login is running (e.g. `demo:<accountId>`), or null. */
  pending: string | null;
  error: string | null;
  /**
   * Runs one login. `operation` names it: retrying the same operation reuses its Idempotency-Key.
   * On success the session is stored and the app reopens at the role's home.
   */
  run: (operation: string, login: (idempotencyKey: string) => Promise<SessionResponse>) => Promise<void>;
  setError: (message: string | null) => void;
}

export function useLogin(): LoginRunner {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const operationKey = useOperationKey();

  const run = useCallback<LoginRunner['run']>(
    async (operation, login) => {
      setPending(operation);
      setError(null);
      try {
        const session = await login(operationKey.for(operation));
        operationKey.done();
        startSession(session);
        if (session.isNewAccount) note(t('login.welcomeNew'));
        await Taro.reLaunch({ url: homeFor(session.me.role) });
      } catch (failure) {
        setError(errorMessage(failure));
      } finally {
        setPending(null);
      }
    },
    [operationKey],
  );

  return { pending, error, run, setError };
}
