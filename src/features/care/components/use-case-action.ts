import { useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import { toast } from '@/lib/confirm';
import { useOperationKey } from '@/lib/idempotency';
import type { CaseView } from '../api';

/**
 * Runs one case action: busy while it runs, the server's message (in the reader's language) when it
 * fails, and the fresh case handed on when it succeeds. One idempotency key per distinct action, kept
 * for its retries.
 */
export function useCaseAction(onChanged: (next: CaseView) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const operation = useOperationKey();

  const run = async (identity: string, action: (key: string) => Promise<CaseView>, doneText: string): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setError(null);
    try {
      const next = await action(operation.for(identity));
      operation.done();
      toast(doneText);
      onChanged(next);
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
