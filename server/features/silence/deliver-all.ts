import type { Db } from '../../db/connect';
import { deliver, type OutgoingMessage } from '../messaging/deliver';

/** Delivers each message of a batch, in order, inside the caller's transaction. */
export async function deliverAll(db: Db, messages: readonly OutgoingMessage[], now: Date): Promise<void> {
  for (const message of messages) await deliver(db, message, now);
}
