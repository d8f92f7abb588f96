import { createTestApp, type TestApp } from '../../test/test-app';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { notify } from './repository';

let t: TestApp;
const as: Record<string, { authorization: string }> = {};

beforeAll(async () => {
  t = await createTestApp();
  await insertWorld(t.app.db);
  for (const account of ['acc-sponsor-1', 'acc-sponsor-2', 'acc-cw-a']) as[account] = await bearerFor(t.app.db, account);
  for (let i = 0; i < 5; i += 1) {
    const at = new Date(Date.UTC(2026, 10, 20 + i));
    await notify(t.app.db, { accountId: 'acc-sponsor-1', kind: 'letter_delivered', payload: { letterId: `l-${i}`, counterpartName: '阿依' }, dedupeKey: `test:${i}` }, at);
  }
});
afterAll(() => t.close());

const inbox = (who: string, query = '') => t.app.inject({ url: `/api/notifications${query}`, headers: as[who] });

it('lists the caller’s own notifications, newest first, paged, with the unread count', async () => {
  const first = (await inbox('acc-sponsor-1', '?limit=3')).json();
  expect(first.unread).toBe(5);
  expect(first.items.map((n: { payload: { letterId: string } }) => n.payload.letterId)).toEqual(['l-4', 'l-3', 'l-2']);
  expect(first.items[0]).toMatchObject({ kind: 'letter_delivered', payload: { counterpartName: '阿依' }, readAt: null, createdAt: '2026-11-24T00:00:00.000Z' });
  const second = (await inbox('acc-sponsor-1', `?limit=3&cursor=${first.nextCursor}`)).json();
  expect(second.items.map((n: { payload: { letterId: string } }) => n.payload.letterId)).toEqual(['l-1', 'l-0']);
  expect(second.nextCursor).toBeNull();
  expect((await inbox('acc-sponsor-2')).json()).toEqual({ items: [], nextCursor: null, unread: 0 });
  expect((await inbox('acc-cw-a')).statusCode).toBe(200);
  expect((await t.app.inject({ url: '/api/notifications' })).statusCode).toBe(401);
});

it('marks one read (204, again harmlessly), and never someone else’s', async () => {
  const [latest] = (await inbox('acc-sponsor-1', '?limit=1')).json().items;
  const markRead = (who: string, id: string) => t.app.inject({ method: 'POST', url: `/api/notifications/${id}/read`, headers: as[who] });
  expect((await markRead('acc-sponsor-2', latest.id)).statusCode).toBe(404);
  expect((await markRead('acc-sponsor-1', latest.id)).statusCode).toBe(204);
  expect((await markRead('acc-sponsor-1', latest.id)).statusCode).toBe(204);
  expect((await markRead('acc-sponsor-1', 'no-such-id')).statusCode).toBe(404);
  const after = (await inbox('acc-sponsor-1', '?limit=1')).json();
  expect(after.unread).toBe(4);
  expect(after.items[0].readAt).toBe(t.clock.now().toISOString());
});

it('adds a notification once per dedupe key', async () => {
  const n = { accountId: 'acc-sponsor-2', kind: 'letter_delivered', payload: {}, dedupeKey: 'test:once' };
  expect(await notify(t.app.db, n, t.clock.now())).toBe(true);
  expect(await notify(t.app.db, n, t.clock.now())).toBe(false);
  expect((await inbox('acc-sponsor-2')).json().items).toHaveLength(1);
});
