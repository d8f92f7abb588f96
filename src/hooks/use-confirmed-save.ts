import { useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import { confirmAction, toast, type ConfirmRequest, type SuccessToastKey } from '@/lib/dialog';
import { useOperationKey } from '@/lib/idempotency';

export interface SaveStep<T> {
  /** Asked first when the step matters (money, closing a case): nothing is sent on "no". */
  confirm?: ConfirmRequest;
  /** What is sent, as text: the same identity keeps the same idempotency key until it is saved. */
  identity: string;
  send: (idempotencyKey: string) => Promise<T>;
  /** The toast once saved. */
  done: SuccessToastKey;
}

/**
 * Confirm (when asked to), then save: busy while it runs, the server's message in `failure` when it
 * fails. A retry after a failure reuses the idempotency key, so nothing is recorded twice.
 */
export function useConfirmedSave() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const operation = useOperationKey();

  /** What the server answered once saved; null when the person backed out or the save failed. */
  const save = async <T>({ confirm, identity, send, done }: SaveStep<T>): Promise<{ result: T } | null> => {
    if (busy) return null;
    setFailure(null);
    if (confirm && !(await confirmAction(confirm))) return null;
    setBusy(true);
    try {
      const result = await send(operation.for(identity));
      operation.done();
      toast(done);
      setBusy(false);
      return { result };
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
      return null;
    }
  };

  return { busy, failure, setFailure, save };
}
