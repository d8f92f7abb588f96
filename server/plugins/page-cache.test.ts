import { sql } from 'kysely';
import { pageVersionTriggerNames } from '../db/migrations/015-page-versions';
import { createTestApp, usingPostgres, type TestApp } from '../test/test-app';
import { bearerFor, insertWorld } from '../test/fixtures';
import { CLOCK_SLICE_MS, ifNoneMatchIncludes } from './page-cache';

let t: TestApp;
const as: Record<string, { authorization: string }> = {};
const START = new Date('2026-11-29T04:00:00.000Z');

beforeAll(async () => {
  t = await createTestApp({}, START);
  await insertWorld(t.app.db);
  for (const a of ['acc-sponsor-1', 'acc-sponsor-2', 'acc-cw-a']) as[a] = await bearerFor(t.app.db, a);
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(START));

const PAGES = {
  detail: '/api/sponsor/sponsorships/sp-1',
  timeline: '/api/sponsor/sponsorships/sp-1/timeline?limit=20',
  letters: '/api/letters?sponsorshipId=sp-1&limit=20',
  ledger: '/api/sponsor/sponsorships/sp-1/ledger',
};

const get = (url: string, headers: Record<string, string> = as['acc-sponsor-1']) => t.app.inject({ url, headers });
const stats = () => ({ ...t.app.pageCacheStats });

describe.each(Object.entries(PAGES))('the %s page', (_page, url) => {
  it('is rendered once per version, then sent from memory, and answered 304 when the app holds it', async () => {
    t.clock.set(new Date(START.getTime() + 7 * CLOCK_SLICE_MS)); // a slice no other test rendered in
    const before = stats();
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toMatch(/^W\/"\d+\.\d+\.\d+\.[\w-]{22}"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const again = await get(url);
    expect(again.body).toBe(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);

    const revalidated = await get(url, { ...as['acc-sponsor-1'], 'if-none-match': String(first.headers.etag) });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
    expect(revalidated.headers.etag).toBe(first.headers.etag);
    expect(stats()).toEqual({ rendered: before.rendered + 1, served: before.served + 1, notModified: before.notModified + 1 });
  });

  it('is never given to another sponsor, even while kept and asked with the owner’s tag', async () => {
    const owner = await get(url);
    const other = await get(url, { ...as['acc-sponsor-2'], 'if-none-match': String(owner.headers.etag) });
    expect(other.headers.etag).toBeUndefined();
    // The route answers for itself: 404 for a sponsorship page, an empty list of letters.
    if (url.startsWith('/api/letters')) expect(JSON.parse(other.body)).toEqual({ items: [], nextCursor: null });
    else expect(other.statusCode).toBe(404);
  });

  it('changes with the next write to what it shows, on this instance and on another', async () => {
    const other = await t.anotherInstance();
    const before = await get(url);
    await t.app.db.updateTable('students').set({ display_name: `小明${before.headers.etag}` }).where('id', '=', 'student-a1').execute();
    const after = await other.inject({ url, headers: { ...as['acc-sponsor-1'], 'if-none-match': String(before.headers.etag) } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((await get(url, { ...as['acc-sponsor-1'], 'if-none-match': String(before.headers.etag) })).statusCode).toBe(200);
  });
});

it('keeps a page per language: the English ledger is its own page with its own tag', async () => {
  const zh = await get(PAGES.ledger, { ...as['acc-sponsor-1'], 'accept-language': 'zh-CN' });
  const en = await get(PAGES.ledger, { ...as['acc-sponsor-1'], 'accept-language': 'en-US' });
  expect(en.headers.etag).not.toBe(zh.headers.etag);
  expect(JSON.parse(en.body).paymentInstructions).not.toBe(JSON.parse(zh.body).paymentInstructions);
  const zhAgain = await get(PAGES.ledger, { ...as['acc-sponsor-1'], 'accept-language': 'en-US', 'if-none-match': String(zh.headers.etag) });
  expect(zhAgain.statusCode).toBe(200);
});

it('renders a page that reads the clock again in the next time slice, and not before', async () => {
  const first = await get(PAGES.detail);
  t.clock.set(new Date(START.getTime() + 1000));
  const sameSlice = await get(PAGES.detail, { ...as['acc-sponsor-1'], 'if-none-match': String(first.headers.etag) });
  t.clock.set(new Date(START.getTime() + CLOCK_SLICE_MS));
  const nextSlice = await get(PAGES.detail, { ...as['acc-sponsor-1'], 'if-none-match': String(first.headers.etag) });
  const sliceOf = (etag: unknown) => String(etag).split('.')[2];
  expect(sliceOf(first.headers.etag)).toBe(sliceOf(sameSlice.headers.etag));
  expect(sameSlice.statusCode).toBe(304);
  expect(nextSlice.statusCode).toBe(200);
  // The timeline does not read the clock: the same tag in any slice.
  const timeline = await get(PAGES.timeline);
  t.clock.set(new Date(START.getTime() + 3 * CLOCK_SLICE_MS));
  expect((await get(PAGES.timeline, { ...as['acc-sponsor-1'], 'if-none-match': String(timeline.headers.etag) })).statusCode).toBe(304);
});

it('does not cache staff reading a ledger: each read is rendered and audited', async () => {
  const audits = async () =>
    Number((await t.app.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'ledger.read').executeTakeFirstOrThrow()).n);
  const before = await audits();
  for (let i = 0; i < 2; i++) {
    const staff = await get('/api/staff/sponsorships/sp-1/ledger', as['acc-cw-a']);
    expect(staff.statusCode).toBe(200);
    expect(staff.headers.etag).toBeUndefined();
    const shared = await get(PAGES.ledger, as['acc-cw-a']);
    expect(shared.statusCode).toBe(200);
    expect(shared.headers.etag).toBeUndefined();
  }
  expect(await audits()).toBe(before + 4);
});

it('does not cache the letters of all the sponsor’s sponsorships at once', async () => {
  const all = await get('/api/letters?limit=20');
  expect(all.statusCode).toBe(200);
  expect(all.headers.etag).toBeUndefined();
});

it('refuses a signed-out caller even while the page is kept', async () => {
  const session = await bearerFor(t.app.db, 'acc-sponsor-1');
  const kept = await get(PAGES.timeline, session);
  expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session })).statusCode).toBe(204);
  const after = await get(PAGES.timeline, { ...session, 'if-none-match': String(kept.headers.etag) });
  expect(after.statusCode).toBe(401);
});

it('has every page-version trigger in place after the migrations (a table rebuilt by a later migration would lose them)', async () => {
  const { rows } = usingPostgres
    ? await sql<{ name: string }>`select tgname as name from pg_trigger where not tgisinternal and tgrelid::regclass::text not like 'pg_%'`.execute(t.app.db)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'trigger'`.execute(t.app.db);
  const present = new Set(rows.map((r) => r.name));
  expect(pageVersionTriggerNames().filter((name) => !present.has(name))).toEqual([]);
  expect(pageVersionTriggerNames().length).toBeGreaterThan(20);
});

describe('If-None-Match', () => {
  it('matches weakly, in a list, or any tag with *', () => {
    expect(ifNoneMatchIncludes('W/"1.0.0.abc"', 'W/"1.0.0.abc"')).toBe(true);
    expect(ifNoneMatchIncludes('"1.0.0.abc"', 'W/"1.0.0.abc"')).toBe(true);
    expect(ifNoneMatchIncludes('W/"x", W/"1.0.0.abc"', 'W/"1.0.0.abc"')).toBe(true);
    expect(ifNoneMatchIncludes('*', 'W/"1.0.0.abc"')).toBe(true);
    expect(ifNoneMatchIncludes('W/"2.0.0.abc"', 'W/"1.0.0.abc"')).toBe(false);
    expect(ifNoneMatchIncludes(undefined, 'W/"1.0.0.abc"')).toBe(false);
    expect(ifNoneMatchIncludes('', 'W/"1.0.0.abc"')).toBe(false);
  });
});
