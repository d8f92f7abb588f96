import type { PushEvent } from '../../../domain/messaging';
import type { Db } from '../../db/connect';
import { newId } from '../../lib/ids';
import { notify, notifyMany } from '../notifications/repository';
import { renderTemplate } from './templates';

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
  const isNew = await notify(db, { accountId: message.accountId, kind: message.kind, payload: message.payload, dedupeKey: message.dedupeKey }, now);
  // A platform message goes only with a new notice: delivering the same event again sends nothing.
  if (isNew && message.push) await queuePlatformMessage(db, message, message.push, now);
  return isNew;
}

/**
 * `deliver` for a batch of messages (the silence sweep): one insert for the in-app notices and one
 * look-up of grants; platform messages then queue one by one for the recipients holding a grant.
 * Returns the dedupe keys of the notices that were new.
 */
export async function deliverMany(db: Db, messages: readonly OutgoingMessage[], now: Date): Promise<Set<string>> {
  const fresh = await notifyMany(db, messages, now);
  // In account order, so concurrent batches using up the same grants lock them in the same order (no deadlock).
  const pushed = messages.filter((m) => m.push && fresh.has(m.dedupeKey)).sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  if (pushed.length === 0) return fresh;
  const granted = new Set<string>();
  const accounts = [...new Set(pushed.map((m) => m.accountId))];
  for (let i = 0; i < accounts.length; i += 500) {
    const grants = await db
      .selectFrom('message_subscriptions')
      .select(['account_id', 'event'])
      .where('account_id', 'in', accounts.slice(i, i + 500))
      .where('remaining', '>', 0)
      .execute();
    for (const g of grants) granted.add(`${g.account_id} ${g.event}`);
  }
  for (const m of pushed) if (granted.has(`${m.accountId} ${m.push}`)) await queuePlatformMessage(db, m, m.push!, now);
  return fresh;
}

/** Queues the platform message when the recipient holds a grant for the event, using up one send of it. */
async function queuePlatformMessage(db: Db, message: OutgoingMessage, event: PushEvent, now: Date) {
  const grant = await db
    .selectFrom('message_subscriptions')
    .select(['channel', 'template_id'])
    .where('account_id', '=', message.accountId)
    .where('event', '=', event)
    .where('remaining', '>', 0)
    .orderBy('channel')
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!grant) return;
  const at = now.toISOString();
  const id = newId();
  // Queue first, consume second: when the message is already queued (the insert conflicts), no send is used up.
  const queued = await db
    .insertInto('outbox_messages')
    .values({
      id,
      channel: grant.channel,
      account_id: message.accountId,
      template: grant.template_id,
      payload: JSON.stringify(renderTemplate(event, grant.channel, message.payload, now)),
      dedupe_key: `${grant.channel}:${message.dedupeKey}`,
      event,
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      locked_until: null,
      last_error: null,
      created_at: at,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  if (Number(queued.numInsertedOrUpdatedRows ?? 0) === 0) return;
  const consumed = await db
    .updateTable('message_subscriptions')
    .set((eb) => ({ remaining: eb('remaining', '-', 1), updated_at: at }))
    .where('account_id', '=', message.accountId)
    .where('channel', '=', grant.channel)
    .where('template_id', '=', grant.template_id)
    .where('remaining', '>', 0)
    .executeTakeFirst();
  // Another event took the last send of this grant in the meantime: this one stays in-app only.
  if (Number(consumed.numUpdatedRows) === 0) await db.deleteFrom('outbox_messages').where('id', '=', id).execute();
}
