import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { bearerFor, insertWorld } from '../test/fixtures';
import { multipartBody } from '../test/multipart';
import { createTestApp, type TestApp } from '../test/test-app';
import { keepPages, readAfterWrite } from './page-cache-test-support';

/**
 * After every write to letters, the sponsor's next read shows it, on the instance that kept the pages
 * (A) and on the one that wrote (B). The versions come from the triggers of migration 015 on
 * `letters`, `letter_events` and `letter_photos`.
 */
jest.setTimeout(30_000);

let t: TestApp;
let a: FastifyInstance;
let b: FastifyInstance;
const as: Record<string, Record<string, string>> = {};
const PHONE = '13800001234';
const FROM_STUDENT_HELD = `王老师好！这是我们班主任的电话 ${PHONE}，期末见。`;
const FROM_STUDENT_CLEAN = '王老师好！这学期我考了班上第三名，谢谢您。';
const FROM_SPONSOR = '阿依，你好！冬天到了，记得多穿衣服。';

beforeAll(async () => {
  t = await createTestApp();
  a = t.app;
  b = await t.anotherInstance();
  await insertWorld(a.db);
  for (const account of ['acc-sponsor-1', 'acc-student-a1', 'acc-cw-a']) as[account] = await bearerFor(a.db, account);
}, 60_000);
afterAll(() => t.close());

const sponsor = () => as['acc-sponsor-1'];
const post = (app: FastifyInstance, who: string, url: string, payload?: object) => app.inject({ method: 'POST', url, payload, headers: as[who] });
const byId = <T extends { id: string }>(items: T[], id: string) => items.find((item) => item.id === id);

async function writeOnB(who: string, body: string, extra: object = {}) {
  const res = await post(b, who, '/api/letters', { sponsorshipId: 'sp-1', body, ...extra });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; status: string; photoCount: number };
}

test('a student’s letter held for review shows as delayed; approved with a redaction, it shows redacted on letters and timeline', async () => {
  const held = await keepPages(a, 'sp-1', ['detail'], sponsor());
  expect(held.detail.body.lettersDelayed).toBe(0);

  const letter = await writeOnB('acc-student-a1', FROM_STUDENT_HELD);
  expect(letter.status).toBe('held');
  expect((await readAfterWrite(a, b, held.detail, sponsor())).lettersDelayed).toBe(1);

  const kept = await keepPages(a, 'sp-1', ['detail', 'letters', 'timeline'], sponsor());
  expect(byId(kept.letters.body.items, letter.id)).toBeUndefined();
  const start = FROM_STUDENT_HELD.indexOf(PHONE);
  const approved = await post(b, 'acc-cw-a', `/api/staff/letters/${letter.id}/approve-redacted`, { redactions: [{ start, end: start + PHONE.length }] });
  expect(approved.json()).toEqual({ id: letter.id, status: 'delivered' });

  const letters = await readAfterWrite(a, b, kept.letters, sponsor());
  expect(byId(letters.items, letter.id)).toMatchObject({ status: 'delivered', mine: false, preview: FROM_STUDENT_HELD.replace(PHONE, '■■■') });
  const timeline = await readAfterWrite(a, b, kept.timeline, sponsor());
  expect(byId(timeline.items, letter.id)).toMatchObject({ kind: 'letter', direction: 'to_sponsor', preview: FROM_STUDENT_HELD.replace(PHONE, '■■■') });
  expect(JSON.stringify(timeline)).not.toContain(PHONE);
  const detail = await readAfterWrite(a, b, kept.detail, sponsor());
  expect(detail).toMatchObject({ lettersDelayed: 0, letterCount: kept.detail.body.letterCount + 1 });
});

test('a clean letter from the student is on the letters page and the timeline at once, and the detail’s last heard moves', async () => {
  t.clock.set(new Date('2026-11-29T04:01:00.000Z'));
  const kept = await keepPages(a, 'sp-1', ['detail', 'letters', 'timeline'], sponsor());
  const letter = await writeOnB('acc-student-a1', FROM_STUDENT_CLEAN);
  expect(letter.status).toBe('delivered');

  expect(byId((await readAfterWrite(a, b, kept.letters, sponsor())).items, letter.id)).toMatchObject({ status: 'delivered', preview: FROM_STUDENT_CLEAN });
  expect((await readAfterWrite(a, b, kept.timeline, sponsor())).items[0]).toMatchObject({ kind: 'letter', id: letter.id, preview: FROM_STUDENT_CLEAN });
  expect((await readAfterWrite(a, b, kept.detail, sponsor())).lastHeardAt).toBe('2026-11-29T04:01:00.000Z');
});

test('the sponsor’s own letter is on their letters page', async () => {
  const kept = await keepPages(a, 'sp-1', ['letters'], sponsor());
  const letter = await writeOnB('acc-sponsor-1', FROM_SPONSOR);
  expect(byId((await readAfterWrite(a, b, kept.letters, sponsor())).items, letter.id)).toMatchObject({ mine: true, direction: 'to_student', preview: FROM_SPONSOR });
});

test('a letter the sponsor opens shows as read', async () => {
  const kept = await keepPages(a, 'sp-1', ['letters'], sponsor());
  const delivered = kept.letters.body.items.find((l: { direction: string; status: string }) => l.direction === 'to_sponsor' && l.status === 'delivered');
  expect(delivered).toBeDefined();
  expect((await post(b, 'acc-sponsor-1', `/api/letters/${delivered.id}/read`)).json().status).toBe('read');
  expect(byId((await readAfterWrite(a, b, kept.letters, sponsor())).items, delivered.id)).toMatchObject({ status: 'read' });
});

test('a photo sent with a letter is counted on the letters page and the timeline', async () => {
  const kept = await keepPages(a, 'sp-1', ['letters', 'timeline'], sponsor());
  const photo = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#3a7' } }).jpeg().toBuffer();
  const { payload, headers } = multipartBody('photo', photo);
  const uploaded = await b.inject({ method: 'POST', url: '/api/letter-photos', payload, headers: { ...sponsor(), ...headers } });
  expect(uploaded.statusCode).toBe(201);
  const letter = await writeOnB('acc-sponsor-1', '阿依，这是我家门口的花。', { photoIds: [uploaded.json().id] });
  expect(letter.photoCount).toBe(1);

  expect(byId((await readAfterWrite(a, b, kept.letters, sponsor())).items, letter.id)).toMatchObject({ photoCount: 1 });
  expect(byId((await readAfterWrite(a, b, kept.timeline, sponsor())).items, letter.id)).toMatchObject({ kind: 'letter', photoCount: 1 });
});
