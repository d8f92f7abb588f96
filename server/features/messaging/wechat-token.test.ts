import { retryDelayMs } from '../../../domain/messaging';
import { TOKEN_REFRESH_BEFORE_MS } from '../../platforms/wechat-messages';
import { START, startMessagingWorld } from './test-world';

let w: Awaited<ReturnType<typeof startMessagingWorld>>;

beforeAll(async () => {
  w = await startMessagingWorld();
});
beforeEach(async () => {
  await w.reset();
  await w.grant('acc-sponsor-1', 'wechat_subscribe', 'student_checking_in', 10);
});
afterAll(() => w.close());

const HOUR = 3600_000;
const queue = () => w.deliver(w.sponsorMessage('acc-sponsor-1', 'student_checking_in'));
const tokenRow = () => w.db.selectFrom('platform_tokens').selectAll().executeTakeFirst();

it('fetches the stable token once and reuses it from the database for later sends', async () => {
  await queue();
  expect((await w.send()).sent).toBe(1);
  w.at(HOUR);
  await queue();
  expect((await w.send()).sent).toBe(1);
  expect(w.platforms.stableTokenRequests).toEqual([{ forceRefresh: false }]);
  const [first, second] = w.platforms.subscribeSends;
  expect(second.accessToken).toBe(first.accessToken);
  expect(await tokenRow()).toMatchObject({ name: 'wechat:wx-test-app', value: first.accessToken, expires_at: new Date(START.getTime() + 2 * HOUR).toISOString(), lease_owner: null, lease_until: null });
});

it('refreshes the token in its last minutes, before it expires', async () => {
  await queue();
  await w.send();
  // WeChat hands out a new token when asked in the old one's last minutes.
  w.platforms.expireStableTokens();
  w.at(2 * HOUR - TOKEN_REFRESH_BEFORE_MS + 1000);
  await queue();
  expect((await w.send()).sent).toBe(1);
  expect(w.platforms.stableTokenRequests).toEqual([{ forceRefresh: false }, { forceRefresh: false }]);
  const [first, second] = w.platforms.subscribeSends;
  expect(second.accessToken).not.toBe(first.accessToken);
});

it('drops a token WeChat refuses (40001) and fetches a new one with force_refresh on the retry', async () => {
  await queue();
  await w.send();
  w.platforms.revokeStableTokens();
  await queue();
  expect(await w.send()).toEqual({ sent: 0, retried: 1, refused: 0, failed: 0, interrupted: 0 });
  expect(await tokenRow()).toMatchObject({ value: null });
  expect((await w.outbox())[1]).toMatchObject({ status: 'pending', attempts: 1, last_error: 'subscribe/send errcode 40001' });

  w.at(retryDelayMs(1));
  expect((await w.send()).sent).toBe(1);
  expect(w.platforms.stableTokenRequests).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
  expect((await tokenRow())?.value).toBe(w.platforms.subscribeSends[1].accessToken);
});

it('leaves messages for the next tick, without counting an attempt, while another process refreshes the token', async () => {
  await w.db
    .insertInto('platform_tokens')
    .values({ name: 'wechat:wx-test-app', value: null, expires_at: null, lease_owner: 'another-process', lease_until: new Date(START.getTime() + 30_000).toISOString(), updated_at: START.toISOString() })
    .execute();
  await queue();
  expect(await w.send()).toEqual({ sent: 0, retried: 0, refused: 0, failed: 0, interrupted: 0 });
  expect((await w.outbox())[0]).toMatchObject({ status: 'pending', attempts: 0, next_attempt_at: START.toISOString(), locked_until: null });
  expect(w.platforms.stableTokenRequests).toEqual([]);

  // The other process never finished: once its lease runs out, this one refreshes and sends.
  w.at(31_000);
  expect((await w.send()).sent).toBe(1);
  expect(w.platforms.stableTokenRequests).toHaveLength(1);
  expect(await tokenRow()).toMatchObject({ lease_owner: null, lease_until: null });
});

it('counts a failed token fetch as an attempt and releases the lease for the next try', async () => {
  await queue();
  w.platforms.scriptStableTokenErrors(-1);
  expect(await w.send()).toEqual({ sent: 0, retried: 1, refused: 0, failed: 0, interrupted: 0 });
  expect((await w.outbox())[0]).toMatchObject({ attempts: 1, last_error: 'stable_token errcode -1' });
  expect(await tokenRow()).toMatchObject({ value: null, lease_owner: null, lease_until: null });
  w.at(retryDelayMs(1));
  expect((await w.send()).sent).toBe(1);
  expect(w.platforms.stableTokenRequests).toHaveLength(2);
});
