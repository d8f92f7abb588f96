import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import { fetchSponsorship, type SponsorshipDetail } from './api';

export interface SponsorshipState {
  status: 'loading' | 'ready' | 'error';
  detail: SponsorshipDetail | null;
  error: string | null;
  reload: () => Promise<void>;
  replace: (next: SponsorshipDetail) => void;
}

/** One of the sponsor's sponsorships; a refresh keeps the last one shown. */
export function useSponsorship(id: string): SponsorshipState {
  const [detail, setDetail] = useState<SponsorshipDetail | null>(null);
  const [status, setStatus] = useState<SponsorshipState['status']>('loading');
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const has = useRef(false);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setError(null);
    if (!has.current) setStatus('loading');
    try {
      const next = await fetchSponsorship(id);
      if (mine !== generation.current) return;
      has.current = true;
      setDetail(next);
      setStatus('ready');
    } catch (failure) {
      if (mine !== generation.current) return;
      setError(errorMessage(failure));
      if (!has.current) setStatus('error');
    }
  }, [id]);

  useEffect(() => {
    has.current = false;
    void reload();
  }, [reload]);

  const replace = useCallback((next: SponsorshipDetail) => {
    generation.current += 1;
    has.current = true;
    setDetail(next);
    setStatus('ready');
  }, []);

  return { status, detail, error, reload, replace };
}
