import { sql } from 'kysely';
import type { RecordSubscriptionsBody, SubscriptionOptions } from '../../../domain/api/care';
import type { PushChannel, PushEvent } from '../../../domain/messaging';
import type { Role } from '../../../domain/roles';
import type { Principal } from '../../access/principal';
import type { AppConfig } from '../../config';
import type { Db } from '../../db/connect';
import type { SessionTable } from '../../db/schema';
import { AppError } from '../../lib/errors';

/**
 * The platform messages each role may ask for. Staff work in the app; the one thing that cannot wait
 * for them to open it is an urgent wellbeing flag.
 */
export const SUBSCRIBABLE_EVENTS: Record<Role, readonly PushEvent[]> = {
  student: ['checkin_reminder'],
  sponsor: ['student_checking_in', 'student_back_in_touch', 'letter_delivered', 'payment_due'],
  caseworker: ['care_urgent'],
  ngo_admin: ['care_urgent'],
};

/** Sends held at most per template: WeChat one-time grants add up, but a long-unused pile should not. */
export const MAX_REMAINING_SENDS = 10;

const CHANNEL_OF_SIGN_IN: Record<SessionTable['method'], PushChannel | null> = {
  wechat: 'wechat_subscribe',
  alipay: 'alipay_template',
  password: null,
  demo: null,
};

type Templates = AppConfig['templates'];

async function channelOf(db: Db, principal: Principal): Promise<PushChannel | null> {
  const session = await db.selectFrom('sessions').select('method').where('id', '=', principal.sessionId).executeTakeFirst();
  return session ? CHANNEL_OF_SIGN_IN[session.method] : null;
}

/** The caller's role's events that have a template on their sign-in platform. */
function offeredTemplates(templates: Templates, channel: PushChannel | null, role: Role): { event: PushEvent; templateId: string }[] {
  if (!channel) return [];
  const configured = channel === 'wechat_subscribe' ? templates.wechat : templates.alipay;
  return SUBSCRIBABLE_EVENTS[role].flatMap((event) => (configured[event] ? [{ event, templateId: configured[event] }] : []));
}

/** What the caller may subscribe to on their platform, and how many sends each grant has left. */
export async function subscriptionOptions(db: Db, templates: Templates, principal: Principal): Promise<SubscriptionOptions> {
  const channel = await channelOf(db, principal);
  const offered = offeredTemplates(templates, channel, principal.role);
  if (!channel || offered.length === 0) return { channel, templates: [] };
  const grants = await db
    .selectFrom('message_subscriptions')
    .select(['template_id', 'remaining'])
    .where('account_id', '=', principal.accountId)
    .where('channel', '=', channel)
    .where('template_id', 'in', offered.map((t) => t.templateId))
    .execute();
  const remaining = new Map(grants.map((g) => [g.template_id, g.remaining]));
  return { channel, templates: offered.map((t) => ({ ...t, remaining: remaining.get(t.templateId) ?? 0 })) };
}

/** Sends left after an answer: for a new grant, and as an update of an existing one. */
function sendsAfter(channel: PushChannel, accepted: boolean) {
  const current = sql.ref<number>('message_subscriptions.remaining');
  if (!accepted) return { initial: 0, updated: sql<number>`0` };
  if (channel === 'alipay_template') return { initial: MAX_REMAINING_SENDS, updated: sql<number>`${sql.lit(MAX_REMAINING_SENDS)}` };
  return { initial: 1, updated: sql<number>`case when ${current} >= ${sql.lit(MAX_REMAINING_SENDS)} then ${sql.lit(MAX_REMAINING_SENDS)} else ${current} + 1 end` };
}

/**
 * Records what the platform's subscribe dialog answered. A WeChat accept allows one more send
 * (one-time subscription); an Alipay accept is a standing grant, refilled to the cap. Reject and ban
 * stop sending; filter (the platform hid the template) changes nothing.
 */
export async function recordSubscriptions(db: Db, templates: Templates, principal: Principal, body: RecordSubscriptionsBody, now: Date): Promise<SubscriptionOptions> {
  const channel = await channelOf(db, principal);
  const eventOf = new Map(offeredTemplates(templates, channel, principal.role).map((t) => [t.templateId, t.event]));
  const unknown = body.results.flatMap((r, index) => (eventOf.has(r.templateId) ? [] : [{ field: `results[${index}].templateId`, message: 'subscription:template_unknown' }]));
  if (!channel || unknown.length > 0) throw new AppError('SUBSCRIPTION_TEMPLATE_UNKNOWN', { details: unknown });
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const { templateId, result } of body.results) {
      if (result === 'filter') continue;
      const { initial, updated } = sendsAfter(channel, result === 'accept');
      await trx
        .insertInto('message_subscriptions')
        .values({ account_id: principal.accountId, channel, template_id: templateId, event: eventOf.get(templateId)!, remaining: initial, updated_at: at })
        .onConflict((oc) => oc.columns(['account_id', 'channel', 'template_id']).doUpdateSet({ remaining: updated, event: eventOf.get(templateId)!, updated_at: at }))
        .execute();
    }
  });
  return subscriptionOptions(db, templates, principal);
}
