import { createTestApp, type TestApp } from '../test/test-app';
import { bearerFor, insertWorld } from '../test/fixtures';
import { decodeCursor, encodeCursor } from './cursor';

const raw = (json: string) => Buffer.from(json, 'utf8').toString('base64url');

/** Cursors that decode to JSON of the wrong shape: objects, booleans, nulls, numbers where text goes, too many parts. */
const MALFORMED = [
  raw('[{"a":1},{"b":2}]'),
  raw('[true,false]'),
  raw('[null,null]'),
  raw('[1e999,"x"]'),
  raw('[["nested"],"x"]'),
  raw('"2026-01-01"'),
  raw('[0,1,"a","b","c","d"]'),
  'not base64 at all!',
];

describe('decodeCursor', () => {
  it('gives back the values it encoded, typed by the shape', () => {
    expect(decodeCursor(encodeCursor([0, 1, '2026-11-29T04:00:00.000Z', 'a', 'b']), ['integer', 'integer', 'text', 'text', 'text'])).toEqual([0, 1, '2026-11-29T04:00:00.000Z', 'a', 'b']);
    expect(decodeCursor(undefined, ['text'])).toBeUndefined();
  });

  it('refuses a value that does not fit its position', () => {
    expect(() => decodeCursor(encodeCursor(['0', 1]), ['integer', 'integer'])).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => decodeCursor(encodeCursor([1.5, 'x']), ['integer', 'text'])).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => decodeCursor(encodeCursor(['x'.repeat(201), 'y']), ['text', 'text'])).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('every list route refuses a malformed cursor with 400 naming it', () => {
  let t: TestApp;
  const as: Record<string, { authorization: string }> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await insertWorld(t.app.db);
    for (const account of ['acc-sponsor-1', 'acc-student-a1', 'acc-cw-a', 'acc-admin-a']) as[account] = await bearerFor(t.app.db, account);
  });
  afterAll(() => t.close());

  const LIST_ROUTES: [string, string][] = [
    ['/api/sponsor/sponsorships', 'acc-sponsor-1'],
    ['/api/sponsor/sponsorships/sp-1/timeline', 'acc-sponsor-1'],
    ['/api/letters', 'acc-sponsor-1'],
    ['/api/notifications', 'acc-sponsor-1'],
    ['/api/pool', 'acc-sponsor-1'],
    ['/api/student/checkins', 'acc-student-a1'],
    ['/api/staff/students', 'acc-cw-a'],
    ['/api/staff/sponsorships', 'acc-cw-a'],
    ['/api/staff/letters/held', 'acc-cw-a'],
    ['/api/staff/care/handovers', 'acc-admin-a'],
    ['/api/staff/care/queue?tab=alerts', 'acc-cw-a'],
    ['/api/staff/care/queue?tab=watch', 'acc-cw-a'],
  ];

  it.each(LIST_ROUTES)('%s', async (route, account) => {
    const first = await t.app.inject({ url: route, headers: as[account] });
    expect(first.statusCode).toBe(200);
    for (const cursor of MALFORMED) {
      const response = await t.app.inject({ url: `${route}${route.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`, headers: as[account] });
      expect({ cursor, status: response.statusCode }).toEqual({ cursor, status: 400 });
      expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ field: 'cursor' }] } });
    }
  });
});
