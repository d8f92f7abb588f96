import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/lib/api-client';

export interface ResourceState<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: T | null;
  error: string | null;
  /** Loads (again); keeps what is shown while refreshing. Never rejects. */
  reload: () => Promise<void>;
  /** Puts a fresher copy in place (e.g. the answer to an action), discarding a load in flight. */
  replace: (next: T) => void;
}

/**
 * One record from the API, loaded when `enabled` first becomes true and again on `reload()`; a new
 * `key` starts over. An answer that arrives after a newer request started is ignored.
 */
export function useResource<T>(key: string, load: () => Promise<T>, enabled = true): ResourceState<T> {
  const [data, setData] = useState<T | null>(null);
  const [status, setStatus] = useState<ResourceState<T>['status']>('idle');
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const has = useRef(false);
  const loader = useRef(load);
  loader.current = load;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setError(null);
    if (!has.current) setStatus('loading');
    try {
      const next = await loader.current();
      if (mine !== generation.current) return;
      has.current = true;
      setData(next);
      setStatus('ready');
    } catch (failure) {
      if (mine !== generation.current) return;
      setError(errorMessage(failure));
      if (!has.current) setStatus('error');
    }
    // A new key is a new record: reload must not be shared across keys.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    generation.current += 1;
    has.current = false;
    setData(null);
    setStatus('idle');
  }, [key]);

  useEffect(() => {
    if (enabled && status === 'idle') void reload();
  }, [enabled, status, reload]);

  const replace = useCallback((next: T) => {
    generation.current += 1;
    has.current = true;
    setData(next);
    setStatus('ready');
  }, []);

  return { status, data, error, reload, replace };
}
