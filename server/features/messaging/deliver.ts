import type { PushEvent } from '../../../domain/messaging';
import type { Db } from '../../db/connect';
import { notify } from '../notifications/repository';

export interface OutgoingMessage {
  accountId: string;
  /** The in-app notice's kind (how the inbox renders it). */
  kind: string;
  /** Rendered in the reader's language by the client; for a platform message, by the sender. */
  payload: Record<string, unknown>;
  /** Unique per (recipient, event): the same event never reaches the same person twice. */
  dedupeKey: string;
  /** Also send it as a platform message (WeChat subscribe / Alipay template) when the recipient granted this event. */
  push?: PushEvent;
}

/**
 * The one way the system tells a person something: always the in-app inbox, and a platform message
 * through the outbox when they granted it. Call it inside the transaction that records the event,
 * so the notice exists exactly when the event does. Returns whether the notice was new.
 */
export async function deliver(db: Db, message: OutgoingMessage, now: Date): Promise<boolean> {
  return notify(db, { accountId: message.accountId, kind: message.kind, payload: message.payload, dedupeKey: message.dedupeKey }, now);
}
