import { useConfirmedSave } from '@/hooks/use-confirmed-save';
import type { ConfirmRequest, SuccessToastKey } from '@/lib/dialog';

/**
 * Runs one action on a case (an alert or a flag), confirmed first when `confirm` is given: busy while
 * it runs, the server's message when it fails, and the fresh case handed on when it succeeds. One
 * idempotency key per distinct action, kept for its retries.
 */
export function useCaseAction<T>(onChanged: (next: T) => void) {
  const { busy, failure, setFailure, save } = useConfirmedSave();

  const run = async (identity: string, send: (key: string) => Promise<T>, done: SuccessToastKey, confirm?: ConfirmRequest): Promise<boolean> => {
    const saved = await save({ identity, send, done, confirm });
    if (saved) onChanged(saved.result);
    return saved !== null;
  };
  return { busy, error: failure, setError: setFailure, run };
}
