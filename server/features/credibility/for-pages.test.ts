import { CLOCK_SLICE_MS } from '../../plugins/page-cache';
import { insertAlert } from '../care/care-fixtures';
import { insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { credibilityForPages } from './for-pages';

let t: TestApp;
const NOW = new Date('2026-11-29T04:00:00.000Z');

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await insertWorld(t.app.db);
});
afterAll(() => t.close());

const acknowledgedAlert = (id: string) =>
  insertAlert(t.app.db, { id, studentId: 'student-a1', ngoId: 'ngo-a', assignee: null, openedAt: '2026-11-20T04:00:00.000Z', status: 'acknowledged', acknowledged_at: '2026-11-20T10:00:00.000Z' });

it('computes the panel once per NGO and time slice, and again in the next slice', async () => {
  const first = await credibilityForPages(t.app, 'ngo-a', NOW);
  await acknowledgedAlert('alert-cred-1');
  const sameSlice = await credibilityForPages(t.app, 'ngo-a', new Date(NOW.getTime() + 1000));
  expect(sameSlice).toBe(first);
  const nextSlice = await credibilityForPages(t.app, 'ngo-a', new Date(NOW.getTime() + CLOCK_SLICE_MS));
  expect(nextSlice.alertAckMedianHours.sample).toBe(first.alertAckMedianHours.sample + 1);
  // Another NGO has its own panel.
  expect((await credibilityForPages(t.app, 'ngo-b', NOW)).ngo.id).toBe('ngo-b');
});

it('keeps panels per database: another server on another database computes its own', async () => {
  const other = await createTestApp({}, NOW);
  try {
    await insertWorld(other.app.db);
    const here = await credibilityForPages(t.app, 'ngo-a', NOW);
    const there = await credibilityForPages(other.app, 'ngo-a', NOW);
    expect(there).not.toBe(here);
  } finally {
    await other.close();
  }
});

it('does not keep a failed computation', async () => {
  await expect(credibilityForPages(t.app, 'no-such-ngo', NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  await t.app.db.insertInto('ngos').values({ id: 'no-such-ngo', name: '新机构', province: '四川', city: '成都', created_at: NOW.toISOString() }).execute();
  await expect(credibilityForPages(t.app, 'no-such-ngo', NOW)).resolves.toMatchObject({ ngo: { id: 'no-such-ngo' } });
});
