import { seedDemoData } from '../../db/seed';
import { bearerFor } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * On the demo data (whose disbursements name schools as payees): no timeline page and no ledger a
 * sponsor receives contains their student's legal name, school, village, date of birth, or any
 * guardian or school contact.
 */
let t: TestApp;
const NOW = new Date('2026-11-29T04:00:00.000Z');

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await seedDemoData(t.app.db, { now: NOW });
}, 60_000);
afterAll(() => t.close());

it('keeps forbidden fields out of every sponsor’s timeline and ledger', async () => {
  const sponsorships = await t.app.db
    .selectFrom('sponsorships')
    .innerJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
    .innerJoin('students', 'students.id', 'sponsorships.student_id')
    .select(['sponsorships.id', 'sponsors.account_id', 'students.id as student_id', 'students.legal_name', 'students.school_name', 'students.village', 'students.date_of_birth'])
    .where('sponsorships.status', '!=', 'reserved')
    .orderBy('sponsorships.id')
    .execute();
  expect(sponsorships.length).toBeGreaterThan(40);
  let disbursementsSeen = 0;
  let itemsSeen = 0;
  for (const s of sponsorships) {
    const contacts = await t.app.db.selectFrom('student_contacts').select(['name', 'phone']).where('student_id', '=', s.student_id).execute();
    const forbidden = [s.legal_name, s.school_name, s.village, s.date_of_birth, ...contacts.flatMap((c) => [c.name, c.phone])].filter((v): v is string => Boolean(v));
    const headers = await bearerFor(t.app.db, s.account_id, NOW);
    const bodies: string[] = [];
    for (const lang of ['zh-CN', 'en-US']) {
      const ledger = await t.app.inject({ url: `/api/sponsor/sponsorships/${s.id}/ledger`, headers: { ...headers, 'accept-language': lang } });
      expect([s.id, ledger.statusCode]).toEqual([s.id, 200]);
      disbursementsSeen += ledger.json().disbursements.length;
      bodies.push(ledger.body);
    }
    let cursor: string | null = null;
    do {
      const page = await t.app.inject({ url: `/api/sponsor/sponsorships/${s.id}/timeline?limit=100${cursor ? `&cursor=${cursor}` : ''}`, headers });
      expect([s.id, page.statusCode]).toEqual([s.id, 200]);
      const json = page.json() as { items: { kind: string; mood?: string }[]; nextCursor: string | null };
      itemsSeen += json.items.length;
      expect(json.items.some((i) => i.kind === 'checkin' && i.mood !== 'doing_well' && i.mood !== 'busy_exams')).toBe(false);
      bodies.push(page.body);
      cursor = json.nextCursor;
    } while (cursor);
    for (const body of bodies) {
      for (const value of forbidden) expect([s.id, value, body.includes(value)]).toEqual([s.id, value, false]);
      expect(body).not.toContain('talk_to_caseworker');
      expect(body).not.toMatch(/"(legalName|schoolName|village|dateOfBirth|phone|payee)"/);
    }
  }
  expect(disbursementsSeen).toBeGreaterThan(100);
  expect(itemsSeen).toBeGreaterThan(500);
}, 60_000);
