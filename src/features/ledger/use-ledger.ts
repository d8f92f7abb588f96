import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import { fetchLedger, type Ledger } from './api';

export interface LedgerState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  ledger: Ledger | null;
  error: string | null;
  /** Loads (again); keeps the ledger shown while refreshing. Never rejects. */
  reload: () => Promise<void>;
}

/** Loads a sponsorship's ledger when `enabled` first becomes true, and again on `reload()`. */
export function useLedger(sponsorshipId: string, enabled = true): LedgerState {
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [status, setStatus] = useState<LedgerState['status']>('idle');
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const has = useRef(false);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setError(null);
    if (!has.current) setStatus('loading');
    try {
      const next = await fetchLedger(sponsorshipId);
      if (mine !== generation.current) return;
      has.current = true;
      setLedger(next);
      setStatus('ready');
    } catch (failure) {
      if (mine !== generation.current) return;
      setError(errorMessage(failure));
      if (!has.current) setStatus('error');
    }
  }, [sponsorshipId]);

  useEffect(() => {
    has.current = false;
    setLedger(null);
    setStatus('idle');
  }, [sponsorshipId]);

  useEffect(() => {
    if (enabled && status === 'idle') void reload();
  }, [enabled, status, reload]);

  return { status, ledger, error, reload };
}
