import type { FastifyInstance } from 'fastify';
import { MAX_PUSH_ATTEMPTS, retryDelayMs, type PushChannel } from '../../../domain/messaging';
import type { Updateable } from 'kysely';
import type { Db, Dialect } from '../../db/connect';
import type { OutboxMessageTable } from '../../db/schema';
import type { PlatformMessage, PushOutcome } from '../../platforms/push-outcome';
import { WechatMessages } from '../../platforms/wechat-messages';

export interface OutboxReport {
  sent: number;
  retried: number;
  refused: number;
  failed: number;
  /** Sends a crash cut short, given up rather than repeated (the platform may have delivered them). */
  interrupted: number;
}

/** Messages one run sends at most: each takes up to the platform timeout, and all must finish within the claim. */
export const OUTBOX_BATCH_SIZE = 20;
/** How long a claimed message is left to its process before another may take it (a crashed process's claim runs out). */
const CLAIM_MS = 5 * 60_000;

const PLATFORM_OF: Record<PushChannel, 'wechat' | 'alipay'> = { wechat_subscribe: 'wechat', alipay_template: 'alipay' };

type ClaimedMessage = Awaited<ReturnType<typeof claimDueMessages>>[number];
/** Sends one message; `markStarted` records the send as begun (under the claim) just before the request goes out. */
type Send = (message: PlatformMessage, now: Date, markStarted: () => Promise<boolean>) => Promise<PushOutcome>;
/** Final answers that are not the platform's: nobody to send to, or no client for the channel. */
type Undeliverable = { kind: 'undeliverable'; reason: string };

/**
 * Claims up to `limit` due messages for this run by setting `locked_until`. PostgreSQL skips rows
 * another process is claiming at this moment; on SQLite the single update is itself the
 * compare-and-set. Either way a message is in one run's hands at a time.
 */
async function claimDueMessages(db: Db, dialect: Dialect, now: Date, limit: number) {
  const at = now.toISOString();
  const due = db
    .selectFrom('outbox_messages')
    .select('id')
    .where('status', '=', 'pending')
    .where('send_started_at', 'is', null)
    .where('next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
    .orderBy('next_attempt_at')
    .limit(limit);
  return db
    .updateTable('outbox_messages')
    .set({ locked_until: new Date(now.getTime() + CLAIM_MS).toISOString() })
    .where('id', 'in', dialect === 'postgres' ? due.forUpdate().skipLocked() : due)
    .where('status', '=', 'pending')
    .where('send_started_at', 'is', null)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
    .returning(['id', 'channel', 'account_id', 'template', 'payload', 'attempts', 'locked_until'])
    .execute();
}

/**
 * Messages whose send began in a process that then died (the claim ran out with the send unsettled).
 * Neither platform can be asked whether a subscribe or template message arrived, so they are given
 * up, not sent again: a person may miss one push (the in-app notice stands), never get two.
 */
async function abandonInterruptedSends(db: Db, now: Date): Promise<number> {
  const at = now.toISOString();
  const result = await db
    .updateTable('outbox_messages')
    .set({ status: 'failed', final_reason: 'send_interrupted', locked_until: null })
    .where('status', '=', 'pending')
    .where('send_started_at', 'is not', null)
    .where('locked_until', '<', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Records, under this run's claim, that the message is about to go out; false if the claim was lost. */
async function markSendStarted(db: Db, message: ClaimedMessage, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('outbox_messages')
    .set({ send_started_at: now.toISOString() })
    .where('id', '=', message.id)
    .where('locked_until', '=', message.locked_until)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Each recipient's id on the platform of the message's channel. */
async function platformSubjects(db: Db, messages: readonly ClaimedMessage[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('platform_identities')
    .select(['account_id', 'platform', 'subject'])
    .where('account_id', 'in', [...new Set(messages.map((m) => m.account_id))])
    .execute();
  return new Map(rows.map((r) => [`${r.account_id}:${r.platform}`, r.subject]));
}

function channelSenders(app: FastifyInstance): Partial<Record<PushChannel, Send>> {
  const wechat = app.config.wechat ? new WechatMessages(app.config.wechat, app.config.platformTimeoutMs, app.db) : undefined;
  const alipay = app.platforms.alipay;
  return {
    wechat_subscribe: wechat && ((message, now, markStarted) => wechat.send(message, now, markStarted)),
    alipay_template: alipay && (async (message, now, markStarted) => ((await markStarted()) ? alipay.sendTemplateMessage(message, now) : { kind: 'deferred' })),
  };
}

/** Records how a claimed message's send ended, if this run still holds its claim. */
async function settle(db: Db, message: ClaimedMessage, outcome: PushOutcome | Undeliverable, now: Date): Promise<keyof OutboxReport | null> {
  const at = now.toISOString();
  const attempts = message.attempts + 1;
  const update = (values: Updateable<OutboxMessageTable>) =>
    db
      .updateTable('outbox_messages')
      .set({ ...values, send_started_at: null })
      .where('id', '=', message.id)
      .where('locked_until', '=', message.locked_until)
      .execute();
  switch (outcome.kind) {
    case 'sent':
      await update({ status: 'sent', sent_at: at, attempts, locked_until: null, last_error: null });
      return 'sent';
    case 'refused':
      await update({ status: 'failed', final_reason: outcome.reason, attempts, locked_until: null });
      return 'refused';
    case 'undeliverable':
      await update({ status: 'failed', final_reason: outcome.reason, locked_until: null });
      return 'failed';
    case 'deferred':
      await update({ locked_until: null });
      return null;
    case 'retry':
      if (attempts >= MAX_PUSH_ATTEMPTS) {
        await update({ status: 'failed', final_reason: 'attempts_exhausted', attempts, last_error: outcome.error, locked_until: null });
        return 'failed';
      }
      await update({ attempts, last_error: outcome.error, next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(), locked_until: null });
      return 'retried';
  }
}

/**
 * Sends the platform messages that are due, each claimed by one process at a time: sent once,
 * retried with backoff after a passing failure, given up after MAX_PUSH_ATTEMPTS, and never retried
 * once the platform refuses (the in-app notice already stands).
 */
export async function sendDueMessages(app: FastifyInstance, now: Date, options: { batchSize?: number } = {}): Promise<OutboxReport> {
  const report: OutboxReport = { sent: 0, retried: 0, refused: 0, failed: 0, interrupted: await abandonInterruptedSends(app.db, now) };
  if (report.interrupted > 0) app.log.warn({ interrupted: report.interrupted }, 'platform sends cut short by a crash were given up, not repeated');
  const claimed = await claimDueMessages(app.db, app.dialect, now, options.batchSize ?? OUTBOX_BATCH_SIZE);
  if (claimed.length === 0) return report;
  const subjects = await platformSubjects(app.db, claimed);
  const senders = channelSenders(app);
  for (const message of claimed) {
    const send = senders[message.channel];
    const recipient = subjects.get(`${message.account_id}:${PLATFORM_OF[message.channel]}`);
    let outcome: PushOutcome | Undeliverable;
    if (!send) outcome = { kind: 'undeliverable', reason: 'channel_not_configured' };
    else if (!recipient) outcome = { kind: 'undeliverable', reason: 'no_platform_identity' };
    else {
      const { page, data } = JSON.parse(message.payload) as { page: string; data: Record<string, string> };
      try {
        outcome = await send({ recipient, templateId: message.template, page, data }, now, () => markSendStarted(app.db, message, now));
      } catch (error) {
        app.log.error({ err: error, outboxMessageId: message.id }, 'platform message send failed unexpectedly');
        outcome = { kind: 'retry', error: 'unexpected error' };
      }
    }
    const counted = await settle(app.db, message, outcome, now);
    if (counted) report[counted] += 1;
  }
  return report;
}
