import { useResource } from '@/hooks/use-resource';
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
  const { status, data, error, reload } = useResource(sponsorshipId, () => fetchLedger(sponsorshipId), enabled);
  return { status, ledger: data, error, reload };
}
