import { useResource } from '@/hooks/use-resource';
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
  const { status, data, error, reload, replace } = useResource(id, () => fetchSponsorship(id));
  // Loaded at once, so "not started yet" shows as loading.
  return { status: status === 'idle' ? 'loading' : status, detail: data, error, reload, replace };
}
