import type { PushChannel, PushEvent } from '../../../domain/messaging';
import { insertWorld } from '../../test/fixtures';
import { startFakePlatforms } from '../../test/fake-platforms';
import { createTestApp, type TestApp } from '../../test/test-app';
import { deliver, type OutgoingMessage } from './deliver';
import { sendDueMessages } from './sender';

export const START = new Date('2026-11-29T04:00:00.000Z');
export const WECHAT_TEMPLATES: Record<PushEvent, string> = {
  checkin_reminder: 'WX-REMIND',
  student_checking_in: 'WX-CHECKING',
  student_back_in_touch: 'WX-BACK',
  letter_delivered: 'WX-LETTER',
  care_urgent: 'WX-URGENT',
  payment_due: 'WX-DUE',
};
export const ALIPAY_TEMPLATES: Record<PushEvent, string> = {
  checkin_reminder: 'ALI-REMIND',
  student_checking_in: 'ALI-CHECKING',
  student_back_in_touch: 'ALI-BACK',
  letter_delivered: 'ALI-LETTER',
  care_urgent: 'ALI-URGENT',
  payment_due: 'ALI-DUE',
};
const templateList = (templates: Record<string, string>) => Object.entries(templates).map(([event, id]) => `${event}=${id}`).join(',');

/**
 * A server wired to the fake WeChat and Alipay servers, with the fixture world and platform
 * identities: student a1 and sponsor 1 on WeChat, sponsor 2 on Alipay (a 2088… user id).
 */
export async function startMessagingWorld() {
  const platforms = await startFakePlatforms();
  const t: TestApp = await createTestApp(
    { ...platforms.env, WECHAT_SUBSCRIBE_TEMPLATES: templateList(WECHAT_TEMPLATES), ALIPAY_TEMPLATES: templateList(ALIPAY_TEMPLATES) },
    START,
  );
  const db = t.app.db;
  await insertWorld(db);
  await db
    .insertInto('platform_identities')
    .values([
      { id: 'pi-student-a1', account_id: 'acc-student-a1', platform: 'wechat', subject: 'openid-student-a1', union_id: null, created_at: START.toISOString() },
      { id: 'pi-sponsor-1', account_id: 'acc-sponsor-1', platform: 'wechat', subject: 'openid-sponsor-1', union_id: null, created_at: START.toISOString() },
      { id: 'pi-sponsor-2', account_id: 'acc-sponsor-2', platform: 'alipay', subject: '2088000000000002', union_id: null, created_at: START.toISOString() },
    ])
    .execute();

  let serial = 0;
  return {
    t,
    db,
    platforms,
    /** A grant as the subscription routes would record it. */
    async grant(accountId: string, channel: PushChannel, event: PushEvent, remaining: number) {
      const templateId = (channel === 'wechat_subscribe' ? WECHAT_TEMPLATES : ALIPAY_TEMPLATES)[event];
      await db
        .insertInto('message_subscriptions')
        .values({ account_id: accountId, channel, template_id: templateId, event, remaining, updated_at: START.toISOString() })
        .onConflict((oc) => oc.columns(['account_id', 'channel', 'template_id']).doUpdateSet({ remaining }))
        .execute();
    },
    async remaining(accountId: string, event: PushEvent) {
      const rows = await db.selectFrom('message_subscriptions').select('remaining').where('account_id', '=', accountId).where('event', '=', event).execute();
      return rows.reduce((sum, r) => sum + r.remaining, 0);
    },
    /** A sponsor notice with a push, unique per call unless a dedupe key is given. */
    sponsorMessage(accountId: string, push: PushEvent, payload: Record<string, unknown> = {}, dedupeKey = `test:${(serial += 1)}`): OutgoingMessage {
      return { accountId, kind: push, payload: { studentId: 'student-a1', studentDisplayName: '阿依', sponsorshipId: 'sp-1', ngoName: '凉山助学会', ...payload }, dedupeKey, push };
    },
    deliver: (message: OutgoingMessage) => db.transaction().execute((trx) => deliver(trx, message, t.clock.now())),
    send: (batchSize?: number) => sendDueMessages(t.app, t.clock.now(), { batchSize }),
    outbox: () => db.selectFrom('outbox_messages').selectAll().orderBy('created_at').orderBy('dedupe_key').execute(),
    at(msFromStart: number) {
      t.clock.set(new Date(START.getTime() + msFromStart));
    },
    /** Each test starts at START with an empty outbox, no grants, no cached token and nothing recorded. */
    async reset() {
      t.clock.set(START);
      await db.deleteFrom('outbox_messages').execute();
      await db.deleteFrom('message_subscriptions').execute();
      await db.deleteFrom('platform_tokens').execute();
      for (const list of [platforms.subscribeSends, platforms.stableTokenRequests, platforms.alipayTemplateSends]) list.length = 0;
    },
    async close() {
      await t.close();
      await platforms.close();
    },
  };
}
