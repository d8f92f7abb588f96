import { MAX_PUSH_ATTEMPTS, retryDelayMs } from '../../../domain/messaging';
import { bearerFor } from '../../test/fixtures';
import { START, startMessagingWorld } from './test-world';

let w: Awaited<ReturnType<typeof startMessagingWorld>>;

beforeAll(async () => {
  w = await startMessagingWorld();
});
beforeEach(() => w.reset());
afterAll(() => w.close());

const noticesOf = (accountId: string, dedupeKey: string) =>
  w.db.selectFrom('notifications').select(['kind', 'payload']).where('account_id', '=', accountId).where('dedupe_key', '=', dedupeKey).execute();

describe('deliver', () => {
  it('queues a platform message for a granted event once, using up one send, and the sender sends it once', async () => {
    await w.grant('acc-sponsor-1', 'wechat_subscribe', 'letter_delivered', 2);
    const message = w.sponsorMessage('acc-sponsor-1', 'letter_delivered', { letterId: 'letter-7', counterpartName: '阿依' });
    expect(await w.deliver(message)).toBe(true);
    expect(await w.deliver(message)).toBe(false);

    const [queued, ...others] = await w.outbox();
    expect(others).toHaveLength(0);
    expect(queued).toMatchObject({ channel: 'wechat_subscribe', account_id: 'acc-sponsor-1', template: 'WX-LETTER', event: 'letter_delivered', status: 'pending', attempts: 0 });
    expect(queued.dedupe_key).toBe(`wechat_subscribe:${message.dedupeKey}`);
    expect(await w.remaining('acc-sponsor-1', 'letter_delivered')).toBe(1);
    expect(await noticesOf('acc-sponsor-1', message.dedupeKey)).toHaveLength(1);

    expect(await w.send()).toEqual({ sent: 1, retried: 0, refused: 0, failed: 0, interrupted: 0 });
    expect(await w.send()).toEqual({ sent: 0, retried: 0, refused: 0, failed: 0, interrupted: 0 });
    expect(w.platforms.subscribeSends).toEqual([
      {
        accessToken: expect.stringMatching(/^STABLE-TOKEN-/),
        touser: 'openid-sponsor-1',
        template_id: 'WX-LETTER',
        page: '/packages/sponsor/pages/letter/index?id=letter-7',
        data: { thing1: { value: '阿依' }, thing2: { value: '给您写了一封信' }, date3: { value: '2026年11月29日' } },
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      },
    ]);
    expect((await w.outbox())[0]).toMatchObject({ status: 'sent', sent_at: START.toISOString(), attempts: 1, locked_until: null });
  });

  it('without a grant (or with none left) tells the person in-app only', async () => {
    await w.grant('acc-sponsor-1', 'wechat_subscribe', 'student_checking_in', 0);
    const toSponsor1 = w.sponsorMessage('acc-sponsor-1', 'student_checking_in');
    const toSponsor2 = w.sponsorMessage('acc-sponsor-2', 'student_checking_in');
    expect(await w.deliver(toSponsor1)).toBe(true);
    expect(await w.deliver(toSponsor2)).toBe(true);
    expect(await noticesOf('acc-sponsor-1', toSponsor1.dedupeKey)).toHaveLength(1);
    expect(await noticesOf('acc-sponsor-2', toSponsor2.dedupeKey)).toHaveLength(1);
    expect(await w.outbox()).toEqual([]);
  });

  it('queues once and uses up one send when the same event is delivered by two transactions at once', async () => {
    await w.grant('acc-sponsor-1', 'wechat_subscribe', 'student_checking_in', 3);
    const message = w.sponsorMessage('acc-sponsor-1', 'student_checking_in');
    const results = await Promise.all([w.deliver(message), w.deliver(message)]);
    expect(results.sort()).toEqual([false, true]);
    expect(await w.outbox()).toHaveLength(1);
    expect(await w.remaining('acc-sponsor-1', 'student_checking_in')).toBe(2);
  });

  it('gives the last send of a grant to one of two events racing for it; the other stays in-app', async () => {
    await w.grant('acc-sponsor-1', 'wechat_subscribe', 'student_back_in_touch', 1);
    const [a, b] = [w.sponsorMessage('acc-sponsor-1', 'student_back_in_touch'), w.sponsorMessage('acc-sponsor-1', 'student_back_in_touch')];
    expect(await Promise.all([w.deliver(a), w.deliver(b)])).toEqual([true, true]);
    expect(await w.outbox()).toHaveLength(1);
    expect(await w.remaining('acc-sponsor-1', 'student_back_in_touch')).toBe(0);
  });

  it('queues the sponsor’s push when a letter from their student is delivered', async () => {
    await w.grant('acc-sponsor-1', 'wechat_subscribe', 'letter_delivered', 1);
    const response = await w.t.app.inject({
      method: 'POST',
      url: '/api/letters',
      headers: await bearerFor(w.db, 'acc-student-a1'),
      payload: { sponsorshipId: 'sp-1', body: '王老师好！这学期我参加了学校的合唱队，每周练两次。' },
    });
    expect(response.statusCode).toBe(201);
    const letter = response.json();
    expect(letter.status).toBe('delivered');
    const [queued] = await w.outbox();
    expect(queued).toMatchObject({ account_id: 'acc-sponsor-1', event: 'letter_delivered', template: 'WX-LETTER' });
    expect(JSON.parse(queued.payload)).toEqual({
      page: `/packages/sponsor/pages/letter/index?id=${letter.id}`,
      data: { thing1: '阿依', thing2: '给您写了一封信', date3: '2026年11月29日' },
    });
  });
});

describe('sendDueMessages', () => {
  it('sends each message once when two senders run at once, fetching the access token once', async () => {
    await w.grant('acc-sponsor-1', 'wechat_subscribe', 'student_checking_in', 10);
    for (let i = 0; i < 5; i += 1) await w.deliver(w.sponsorMessage('acc-sponsor-1', 'student_checking_in', { studentDisplayName: `同学${i}` }));
    // Two processes, three messages a run each; one may wait a tick while the other refreshes the token.
    for (let tick = 0; tick < 3; tick += 1) await Promise.all([w.send(3), w.send(3)]);
    const names = w.platforms.subscribeSends.map((s) => s.data.thing1.value).sort();
    expect(names).toEqual(['同学0', '同学1', '同学2', '同学3', '同学4']);
    expect(w.platforms.stableTokenRequests).toEqual([{ forceRefresh: false }]);
    expect(new Set(w.platforms.subscribeSends.map((s) => s.accessToken)).size).toBe(1);
    expect((await w.outbox()).map((m) => [m.status, m.attempts])).toEqual(Array(5).fill(['sent', 1]));
  });

  it('takes a refusal (43101) as final: failed, never retried, the in-app notice stays', async () => {
    await w.grant('acc-sponsor-1', 'wechat_subscribe', 'student_checking_in', 1);
    const message = w.sponsorMessage('acc-sponsor-1', 'student_checking_in');
    await w.deliver(message);
    w.platforms.scriptWechatSends(43101);
    expect(await w.send()).toEqual({ sent: 0, retried: 0, refused: 1, failed: 0, interrupted: 0 });
    expect((await w.outbox())[0]).toMatchObject({ status: 'failed', final_reason: 'refused:43101', attempts: 1, locked_until: null });
    w.at(24 * 3600_000);
    expect(await w.send()).toEqual({ sent: 0, retried: 0, refused: 0, failed: 0, interrupted: 0 });
    expect(w.platforms.subscribeSends).toEqual([]);
    expect(await noticesOf('acc-sponsor-1', message.dedupeKey)).toHaveLength(1);
  });

  it('retries an HTTP 500 and a timeout with backoff, then sends', async () => {
    await w.grant('acc-sponsor-1', 'wechat_subscribe', 'student_checking_in', 1);
    await w.deliver(w.sponsorMessage('acc-sponsor-1', 'student_checking_in'));
    w.platforms.scriptWechatSends('http500', 'slow');

    expect(await w.send()).toEqual({ sent: 0, retried: 1, refused: 0, failed: 0, interrupted: 0 });
    const firstRetryAt = START.getTime() + retryDelayMs(1);
    expect((await w.outbox())[0]).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: new Date(firstRetryAt).toISOString(), last_error: 'subscribe/send HTTP 500', locked_until: null });

    w.at(retryDelayMs(1) - 1000);
    expect(await w.send()).toEqual({ sent: 0, retried: 0, refused: 0, failed: 0, interrupted: 0 });

    w.at(retryDelayMs(1));
    expect(await w.send()).toEqual({ sent: 0, retried: 1, refused: 0, failed: 0, interrupted: 0 });
    const secondRetryAt = firstRetryAt + retryDelayMs(2);
    expect((await w.outbox())[0]).toMatchObject({ attempts: 2, next_attempt_at: new Date(secondRetryAt).toISOString(), last_error: 'subscribe/send request failed: TimeoutError' });

    w.at(secondRetryAt - START.getTime());
    expect(await w.send()).toEqual({ sent: 1, retried: 0, refused: 0, failed: 0, interrupted: 0 });
    expect(w.platforms.subscribeSends).toHaveLength(1);
    expect((await w.outbox())[0]).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
  });

  it('never sends again a message whose send a crash cut short, once its claim runs out; the in-app notice stays', async () => {
    await w.grant('acc-sponsor-1', 'wechat_subscribe', 'student_checking_in', 1);
    const message = w.sponsorMessage('acc-sponsor-1', 'student_checking_in');
    await w.deliver(message);
    // What a process that died mid-send leaves: claimed for 5 minutes, the send begun, never settled.
    const claimEnds = new Date(START.getTime() + 5 * 60_000).toISOString();
    await w.db.updateTable('outbox_messages').set({ send_started_at: START.toISOString(), locked_until: claimEnds }).execute();
    w.at(60_000);
    expect(await w.send()).toEqual({ sent: 0, retried: 0, refused: 0, failed: 0, interrupted: 0 });
    w.at(6 * 60_000);
    expect(await w.send()).toEqual({ sent: 0, retried: 0, refused: 0, failed: 0, interrupted: 1 });
    expect(await w.send()).toEqual({ sent: 0, retried: 0, refused: 0, failed: 0, interrupted: 0 });
    expect(w.platforms.subscribeSends).toEqual([]);
    expect((await w.outbox())[0]).toMatchObject({ status: 'failed', final_reason: 'send_interrupted', locked_until: null });
    expect(await noticesOf('acc-sponsor-1', message.dedupeKey)).toHaveLength(1);
  });

  it('marks the send begun before it goes out, and clears the mark when it ends', async () => {
    await w.grant('acc-sponsor-1', 'wechat_subscribe', 'student_checking_in', 1);
    await w.deliver(w.sponsorMessage('acc-sponsor-1', 'student_checking_in'));
    w.platforms.scriptWechatSends('slow');
    let settled = false;
    const sending = w.send().finally(() => (settled = true));
    let markedWhileInFlight: string | null = null;
    while (!settled && markedWhileInFlight === null) {
      markedWhileInFlight = (await w.outbox())[0].send_started_at;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await sending).toMatchObject({ retried: 1 });
    expect(markedWhileInFlight).toBe(START.toISOString());
    expect((await w.outbox())[0]).toMatchObject({ status: 'pending', send_started_at: null });
  });

  it(`gives up after ${MAX_PUSH_ATTEMPTS} attempts`, async () => {
    await w.grant('acc-sponsor-1', 'wechat_subscribe', 'student_checking_in', 1);
    await w.deliver(w.sponsorMessage('acc-sponsor-1', 'student_checking_in'));
    await w.db.updateTable('outbox_messages').set({ attempts: MAX_PUSH_ATTEMPTS - 1 }).execute();
    w.platforms.scriptWechatSends(-1);
    expect(await w.send()).toEqual({ sent: 0, retried: 0, refused: 0, failed: 1, interrupted: 0 });
    expect((await w.outbox())[0]).toMatchObject({ status: 'failed', final_reason: 'attempts_exhausted', attempts: MAX_PUSH_ATTEMPTS, last_error: 'subscribe/send errcode -1' });
  });

  it('trims values to the template limits, counting characters, not bytes', async () => {
    await w.grant('acc-sponsor-1', 'wechat_subscribe', 'student_checking_in', 2);
    await w.deliver(w.sponsorMessage('acc-sponsor-1', 'student_checking_in', { studentDisplayName: '阿'.repeat(40) }));
    await w.deliver(w.sponsorMessage('acc-sponsor-1', 'student_checking_in', { studentDisplayName: '🌻'.repeat(40) }));
    await w.send();
    const names = w.platforms.subscribeSends.map((s) => s.data.thing1.value).sort();
    expect(names).toEqual([`${'🌻'.repeat(19)}…`, `${'阿'.repeat(19)}…`].sort());
    expect(names.map((n) => Array.from(n).length)).toEqual([20, 20]);
  });

  it('reminds a student with the gentle check-in line, dated in Beijing time', async () => {
    await w.grant('acc-student-a1', 'wechat_subscribe', 'checkin_reminder', 1);
    w.at(13 * 3600_000); // 17:00 UTC is 01:00 the next day in Beijing
    await w.deliver({ accountId: 'acc-student-a1', kind: 'checkin_reminder', payload: { studentId: 'student-a1', studentDisplayName: '阿依', step: 'nudge_1' }, dedupeKey: 'checkin_reminder:step-1', push: 'checkin_reminder' });
    expect((await w.send()).sent).toBe(1);
    expect(w.platforms.subscribeSends.map(({ touser, template_id, page, data }) => ({ touser, template_id, page, data }))).toEqual([
      {
        touser: 'openid-student-a1',
        template_id: 'WX-REMIND',
        page: '/packages/student/pages/home/index',
        data: { thing1: { value: '报个平安' }, thing2: { value: '阿依，最近好吗？点一下就好' }, date3: { value: '2026年11月30日' } },
      },
    ]);
  });

  it('gives up at once on a message whose recipient has no identity on the platform', async () => {
    await w.grant('acc-sponsor-1', 'wechat_subscribe', 'student_checking_in', 1);
    await w.deliver(w.sponsorMessage('acc-sponsor-1', 'student_checking_in'));
    await w.db.deleteFrom('platform_identities').where('id', '=', 'pi-sponsor-1').execute();
    try {
      expect(await w.send()).toEqual({ sent: 0, retried: 0, refused: 0, failed: 1, interrupted: 0 });
      expect((await w.outbox())[0]).toMatchObject({ status: 'failed', final_reason: 'no_platform_identity' });
      expect(w.platforms.subscribeSends).toEqual([]);
    } finally {
      await w.db
        .insertInto('platform_identities')
        .values({ id: 'pi-sponsor-1', account_id: 'acc-sponsor-1', platform: 'wechat', subject: 'openid-sponsor-1', union_id: null, created_at: START.toISOString() })
        .execute();
    }
  });
});
