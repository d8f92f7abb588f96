import type { SessionTable } from '../../db/schema';
import { createSession } from '../auth/sessions';
import { MAX_REMAINING_SENDS } from './subscriptions';
import { START, startMessagingWorld } from './test-world';

let w: Awaited<ReturnType<typeof startMessagingWorld>>;

beforeAll(async () => {
  w = await startMessagingWorld();
});
beforeEach(() => w.reset());
afterAll(() => w.close());

async function signedIn(accountId: string, method: SessionTable['method']) {
  const { token } = await createSession(w.db, { accountId, method, now: START, ttlHours: 24 });
  return { authorization: `Bearer ${token}` };
}
const options = (headers: Record<string, string>) => w.t.app.inject({ url: '/api/me/message-subscriptions', headers });
const record = (headers: Record<string, string>, results: { templateId: string; result: string }[]) =>
  w.t.app.inject({ method: 'POST', url: '/api/me/message-subscriptions', headers, payload: { results } });
const remainingBy = (body: { templates: { templateId: string; remaining: number }[] }) => Object.fromEntries(body.templates.map((t) => [t.templateId, t.remaining]));

it('offers a WeChat sponsor the sponsor templates, none granted yet', async () => {
  const response = await options(await signedIn('acc-sponsor-1', 'wechat'));
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual({
    channel: 'wechat_subscribe',
    templates: [
      { event: 'student_checking_in', templateId: 'WX-CHECKING', remaining: 0 },
      { event: 'student_back_in_touch', templateId: 'WX-BACK', remaining: 0 },
      { event: 'letter_delivered', templateId: 'WX-LETTER', remaining: 0 },
      { event: 'payment_due', templateId: 'WX-DUE', remaining: 0 },
    ],
  });
});

it('offers a student only the check-in reminder, and staff only the urgent-care alert', async () => {
  expect((await options(await signedIn('acc-student-a1', 'wechat'))).json()).toEqual({
    channel: 'wechat_subscribe',
    templates: [{ event: 'checkin_reminder', templateId: 'WX-REMIND', remaining: 0 }],
  });
  expect((await options(await signedIn('acc-cw-a', 'wechat'))).json()).toEqual({
    channel: 'wechat_subscribe',
    templates: [{ event: 'care_urgent', templateId: 'WX-URGENT', remaining: 0 }],
  });
  expect((await options(await signedIn('acc-admin-a', 'password'))).json()).toEqual({ channel: null, templates: [] });
});

it('offers nothing to a demo sign-in, which has no platform to send to, and refuses its answers', async () => {
  const demo = await signedIn('acc-sponsor-1', 'demo');
  expect((await options(demo)).json()).toEqual({ channel: null, templates: [] });
  const refused = await record(demo, [{ templateId: 'WX-LETTER', result: 'accept' }]);
  expect(refused.statusCode).toBe(400);
  expect(refused.json().error).toMatchObject({ code: 'SUBSCRIPTION_TEMPLATE_UNKNOWN', details: [{ field: 'results[0].templateId' }] });
});

it('adds one send per WeChat accept, up to the cap; reject and ban stop sending; filter changes nothing', async () => {
  const sponsor = await signedIn('acc-sponsor-1', 'wechat');
  await record(sponsor, [{ templateId: 'WX-LETTER', result: 'accept' }, { templateId: 'WX-CHECKING', result: 'accept' }]);
  const second = await record(sponsor, [{ templateId: 'WX-LETTER', result: 'accept' }, { templateId: 'WX-BACK', result: 'filter' }]);
  expect(second.statusCode).toBe(200);
  expect(remainingBy(second.json())).toEqual({ 'WX-CHECKING': 1, 'WX-BACK': 0, 'WX-LETTER': 2, 'WX-DUE': 0 });

  for (let i = 0; i < MAX_REMAINING_SENDS + 2; i += 1) await record(sponsor, [{ templateId: 'WX-CHECKING', result: 'accept' }]);
  expect(remainingBy((await options(sponsor)).json())['WX-CHECKING']).toBe(MAX_REMAINING_SENDS);

  const stopped = await record(sponsor, [{ templateId: 'WX-LETTER', result: 'reject' }, { templateId: 'WX-CHECKING', result: 'ban' }]);
  expect(remainingBy(stopped.json())).toEqual({ 'WX-CHECKING': 0, 'WX-BACK': 0, 'WX-LETTER': 0, 'WX-DUE': 0 });
});

it('treats an Alipay accept as a standing grant', async () => {
  const sponsor = await signedIn('acc-sponsor-2', 'alipay');
  const response = await record(sponsor, [{ templateId: 'ALI-BACK', result: 'accept' }]);
  expect(response.json().channel).toBe('alipay_template');
  expect(remainingBy(response.json())).toEqual({ 'ALI-CHECKING': 0, 'ALI-BACK': MAX_REMAINING_SENDS, 'ALI-LETTER': 0, 'ALI-DUE': 0 });
});

it('refuses template ids the caller cannot subscribe to, saying which, and records none of the answers', async () => {
  const sponsor = await signedIn('acc-sponsor-1', 'wechat');
  const response = await w.t.app.inject({
    method: 'POST',
    url: '/api/me/message-subscriptions',
    headers: { ...sponsor, 'accept-language': 'en-US' },
    payload: { results: [{ templateId: 'WX-LETTER', result: 'accept' }, { templateId: 'WX-REMIND', result: 'accept' }, { templateId: 'NO-SUCH', result: 'accept' }] },
  });
  expect(response.statusCode).toBe(400);
  expect(response.json().error).toEqual({
    code: 'SUBSCRIPTION_TEMPLATE_UNKNOWN',
    message: expect.stringContaining('not ones you can subscribe to'),
    details: [
      { field: 'results[1].templateId', message: 'not a message template you can subscribe to' },
      { field: 'results[2].templateId', message: 'not a message template you can subscribe to' },
    ],
  });
  expect(await w.remaining('acc-sponsor-1', 'letter_delivered')).toBe(0);
  expect((await record(sponsor, [{ templateId: 'WX-LETTER', result: 'maybe' }])).statusCode).toBe(400);
  expect((await w.t.app.inject({ url: '/api/me/message-subscriptions' })).statusCode).toBe(401);
});

it('sends the next granted event on the platform the person subscribed on', async () => {
  await record(await signedIn('acc-sponsor-1', 'wechat'), [{ templateId: 'WX-CHECKING', result: 'accept' }]);
  await w.deliver(w.sponsorMessage('acc-sponsor-1', 'student_checking_in'));
  expect(await w.send()).toMatchObject({ sent: 1 });
  expect(w.platforms.subscribeSends.map((s) => [s.touser, s.template_id])).toEqual([['openid-sponsor-1', 'WX-CHECKING']]);
});
