import { createTestApp, type TestApp } from '../../test/test-app';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { startFakePlatforms } from '../../test/fake-platforms';

let t: TestApp;
let platforms: Awaited<ReturnType<typeof startFakePlatforms>>;
const as: Record<string, { authorization: string }> = {};
const CLEAN = '阿依你好，冬天到了，记得多穿衣服，祝你学习进步。';

beforeAll(async () => {
  platforms = await startFakePlatforms();
  t = await createTestApp({ ...platforms.env, BANXUE_MSG_SEC_CHECK: 'true' });
  await insertWorld(t.app.db);
  await t.app.db
    .insertInto('platform_identities')
    .values({ id: 'pi-1', account_id: 'acc-sponsor-1', platform: 'wechat', subject: 'openid-sponsor-1', union_id: null, created_at: '2026-01-01T00:00:00.000Z' })
    .execute();
  for (const account of ['acc-sponsor-1', 'acc-sponsor-2', 'acc-cw-a']) as[account] = await bearerFor(t.app.db, account);
});
afterAll(async () => {
  await t.close();
  await platforms.close();
});

const write = async (body: string, who = 'acc-sponsor-1', sponsorshipId = 'sp-1', locale = 'zh-CN') => {
  const response = await t.app.inject({ method: 'POST', url: '/api/letters', payload: { sponsorshipId, body }, headers: { ...as[who], 'accept-language': locale } });
  expect(response.statusCode).toBe(201);
  return response.json();
};
const heldDetail = async (letterId: string) => {
  const event = await t.app.db.selectFrom('letter_events').select('detail').where('letter_id', '=', letterId).where('to_status', '=', 'held').executeTakeFirstOrThrow();
  return JSON.parse(event.detail!);
};

it('delivers text WeChat passes, asking with the writer’s openid and reusing the access token', async () => {
  const first = await write(CLEAN);
  const second = await write(`${CLEAN}再见！`);
  expect([first.status, second.status]).toEqual(['delivered', 'delivered']);
  expect(platforms.textChecks.slice(-2)).toEqual([
    { content: CLEAN, openid: 'openid-sponsor-1', scene: 2, version: 2 },
    { content: `${CLEAN}再见！`, openid: 'openid-sponsor-1', scene: 2, version: 2 },
  ]);
  expect(platforms.tokenRequests()).toBe(1);
});

it('fetches a new access token once the cached one is near its expiry', async () => {
  const before = platforms.tokenRequests();
  const start = t.clock.now();
  t.clock.set(new Date(start.getTime() + 2 * 3600_000));
  try {
    expect((await write(CLEAN)).status).toBe('delivered');
    expect((await write(CLEAN)).status).toBe('delivered');
  } finally {
    t.clock.set(start);
  }
  expect(platforms.tokenRequests()).toBe(before + 1);
});

it.each([
  ['risky', `${CLEAN} RISKY`],
  ['review', `${CLEAN} REVIEW`],
  ['error', `${CLEAN} FAILS`],
  ['error', `${CLEAN} SLOW`],
])('holds the letter when WeChat says %s (or fails), telling the writer only that a caseworker will look', async (verdict, body) => {
  const letter = await write(body, 'acc-sponsor-1', 'sp-1', 'en-US');
  expect(letter.status).toBe('held');
  expect(letter.findings).toEqual([]);
  expect(letter.events.at(-1)).toMatchObject({ status: 'held', reason: expect.stringContaining('caseworker') });
  expect(await heldDetail(letter.id)).toEqual({ findings: [], contentSecurity: verdict });
  const queue = (await t.app.inject({ url: '/api/staff/letters/held?limit=100', headers: as['acc-cw-a'] })).json();
  expect(queue.items.map((l: { id: string }) => l.id)).toContain(letter.id);
});

it('checks a long letter in parts of at most 2500 characters, holding it if any part is doubtful', async () => {
  const before = platforms.textChecks.length;
  const body = `${'好'.repeat(2600)}REVIEW`;
  const letter = await write(body);
  expect(letter.status).toBe('held');
  expect(platforms.textChecks.slice(before).map((c) => c.content.length)).toEqual([2500, 106]);
  expect(await heldDetail(letter.id)).toEqual({ findings: [], contentSecurity: 'review' });
});

it('holds the letter of a writer without a WeChat identity (fails closed)', async () => {
  const checks = platforms.textChecks.length;
  const letter = await write('拉则你好，祝你新年快乐。', 'acc-sponsor-2', 'sp-3');
  expect(letter.status).toBe('held');
  expect(await heldDetail(letter.id)).toEqual({ findings: [], contentSecurity: 'error' });
  expect(platforms.textChecks.length).toBe(checks);
});
