import { useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import { toast } from '@/lib/confirm';
import { useOperationKey } from '@/lib/idempotency';

/**
 * Runs one action on a case (an alert or a flag): busy while it runs, the server's message (in the
 * reader's language) when it fails, and the fresh case handed on when it succeeds. One idempotency key
 * per distinct action, kept for its retries.
 */
export function useCaseAction<T>(onChanged: (next: T) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const operation = useOperationKey();

  const run = async (identity: string, action: (key: string) => Promise<T>, doneText: string): Promise<boolean> => {
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
