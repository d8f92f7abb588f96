import type { PoolPage, PoolStudentResponse, Reservation } from '../../../domain/api/pool';
import type { SponsorshipPage } from '../../../domain/api/homes';
import { PLEDGE_ACKNOWLEDGEMENTS } from '../../../domain/pledge';
import { seedDemoData } from '../../db/seed';
import { bearerFor } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * Sponsor-facing field safety, on the demo data: every response a sponsor can get from the sponsor
 * journey's routes is collected, and none may contain ANY student's legal name, school, village, date
 * of birth, guardian or school contact (name or phone), a consenting guardian's name, an ID-card-like
 * or phone-like number, or a field named like one of them.
 *
 * To cover a new route, add a step to SPONSOR_STEPS: it gets the sponsor's headers and their
 * sponsorship ids, calls the route(s), and returns the responses (each must be 2xx).
 */
let t: TestApp;
const NOW = new Date('2026-11-29T04:00:00.000Z');

interface Response {
  url: string;
  statusCode: number;
  body: string;
}
interface StepContext {
  headers: Record<string, string>;
  /** The sponsor's own sponsorships (any status but reserved), as the list route gave them. */
  sponsorshipIds: string[];
  get(url: string): Promise<Response>;
  post(url: string, payload?: object): Promise<Response>;
}
type Step = { name: string; run(ctx: StepContext): Promise<Response[]> };

/** Every page of a paginated sponsor route. */
async function allPages(ctx: StepContext, url: string): Promise<Response[]> {
  const out: Response[] = [];
  let cursor: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res = await ctx.get(`${url}${sep}limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    out.push(res);
    cursor = res.statusCode === 200 ? (JSON.parse(res.body) as { nextCursor: string | null }).nextCursor : null;
  } while (cursor);
  return out;
}

const SPONSOR_STEPS: Step[] = [
  { name: 'pool list', run: (ctx) => allPages(ctx, '/api/pool') },
  { name: 'pool filters', run: async (ctx) => [await ctx.get('/api/pool/filters')] },
  {
    name: 'pool student (waiting and taken)',
    run: async (ctx) => {
      const pool = JSON.parse((await ctx.get('/api/pool?limit=100')).body) as PoolPage;
      const sponsored = await t.app.db.selectFrom('sponsorships').select('student_id').where('status', '=', 'active').limit(5).execute();
      const ids = [...pool.items.map((s) => s.id), ...sponsored.map((s) => s.student_id), 'student-058'];
      return Promise.all(ids.map((id) => ctx.get(`/api/pool/${id}`)));
    },
  },
  {
    name: 'reserve, review, release, reserve again and confirm',
    run: async (ctx) => {
      const pool = JSON.parse((await ctx.get('/api/pool?limit=1')).body) as PoolPage;
      const reserved = await ctx.post('/api/pledges/reserve', { studentId: pool.items[0].id, cadence: 'monthly' });
      const { sponsorshipId } = JSON.parse(reserved.body) as Reservation;
      const review = await ctx.get(`/api/pledges/${sponsorshipId}`);
      const release = await ctx.post(`/api/pledges/${sponsorshipId}/release`);
      const again = await ctx.post('/api/pledges/reserve', { studentId: pool.items[0].id, cadence: 'quarterly' });
      const confirm = await ctx.post(`/api/pledges/${(JSON.parse(again.body) as Reservation).sponsorshipId}/confirm`, { acknowledgements: [...PLEDGE_ACKNOWLEDGEMENTS] });
      return [reserved, review, release, again, confirm];
    },
  },
  { name: 'sponsorships list', run: (ctx) => allPages(ctx, '/api/sponsor/sponsorships') },
  { name: 'sponsorship detail', run: (ctx) => Promise.all(ctx.sponsorshipIds.map((id) => ctx.get(`/api/sponsor/sponsorships/${id}`))) },
  { name: 'timeline', run: async (ctx) => (await Promise.all(ctx.sponsorshipIds.map((id) => allPages(ctx, `/api/sponsor/sponsorships/${id}/timeline`)))).flat() },
  { name: 'ledger', run: (ctx) => Promise.all(ctx.sponsorshipIds.map((id) => ctx.get(`/api/sponsor/sponsorships/${id}/ledger`))) },
  {
    name: 'letters, and each letter',
    run: async (ctx) => {
      const pages = await allPages(ctx, '/api/letters');
      const ids = pages.flatMap((p) => (JSON.parse(p.body) as { items: { id: string }[] }).items.map((l) => l.id));
      return [...pages, ...(await Promise.all(ids.map((id) => ctx.get(`/api/letters/${id}`))))];
    },
  },
  { name: 'notifications', run: (ctx) => allPages(ctx, '/api/notifications') },
  {
    name: 'NGO credibility',
    run: async (ctx) => {
      const ngos = await t.app.db.selectFrom('ngos').select('id').orderBy('id').execute();
      return Promise.all(ngos.map((n) => ctx.get(`/api/ngos/${n.id}/credibility`)));
    },
  },
  {
    name: 'student left: detail, notice and sponsoring another',
    run: async (ctx) => {
      if (ctx.sponsorshipIds.length === 0) return [];
      const open = await t.app.db
        .selectFrom('sponsorships')
        .innerJoin('students', 'students.id', 'sponsorships.student_id')
        .innerJoin('staff', (j) => j.onRef('staff.ngo_id', '=', 'students.ngo_id').on('staff.role', '=', 'ngo_admin'))
        .select(['sponsorships.id', 'sponsorships.student_id', 'staff.account_id'])
        .where('sponsorships.id', 'in', ctx.sponsorshipIds)
        .where('sponsorships.status', '=', 'active')
        .limit(1)
        .executeTakeFirst();
      if (!open) return [];
      const admin = await bearerFor(t.app.db, open.account_id, NOW);
      const left = await t.app.inject({ method: 'POST', url: `/api/staff/students/${open.student_id}/left`, headers: admin, payload: { reason: '转学', returnExpected: false } });
      expect(left.statusCode).toBe(204);
      const detail = await ctx.get(`/api/sponsor/sponsorships/${open.id}`);
      const notices = await ctx.get('/api/notifications?limit=100');
      const pool = JSON.parse((await ctx.get('/api/pool?limit=1')).body) as PoolPage;
      const another = await ctx.post(`/api/sponsor/sponsorships/${open.id}/after-leaving`, { choice: 'sponsor_another', newStudentId: pool.items[0].id });
      return [detail, notices, another];
    },
  },
];

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await seedDemoData(t.app.db, { now: NOW });
}, 60_000);
afterAll(() => t.close());

/** Values a sponsor must never receive, whoever's they are. */
async function forbiddenValues(): Promise<string[]> {
  const db = t.app.db;
  const students = await db.selectFrom('students').select(['legal_name', 'school_name', 'village', 'date_of_birth']).execute();
  const contacts = await db.selectFrom('student_contacts').select(['name', 'phone']).execute();
  const guardians = await db.selectFrom('guardian_consents').select('guardian_name').execute();
  // A student's words that raised a wellbeing flag, and the passages that raised it, never reach a sponsor.
  const flags = await db.selectFrom('wellbeing_flags').select(['text', 'findings']).execute();
  const values = [
    ...students.flatMap((s) => [s.legal_name, s.school_name, s.village, s.date_of_birth]),
    ...contacts.flatMap((c) => [c.name, c.phone]),
    ...guardians.map((g) => g.guardian_name),
    ...flags.flatMap((f) => [f.text, ...(JSON.parse(f.findings) as { excerpt: string }[]).map((x) => x.excerpt).filter((x) => x.length >= 4)]),
  ];
  // Single characters (a relation like 奶奶 is two) would match ordinary text; every real value is longer.
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v.length >= 2))];
}

const ID_LIKE = /(?<![0-9a-f-])(\d{17}[\dXx]|1[3-9]\d{9})(?![0-9a-f])/;
const FORBIDDEN_KEYS = /"(legalName|legal_name|surname|schoolName|school_name|village|dateOfBirth|date_of_birth|phone|payee|guardianName|flagId|wellbeing\w*)"/;

it('offers the eleven waiting demo students in the pool', async () => {
  const { account_id } = await t.app.db.selectFrom('sponsors').select('account_id').where('id', '=', 'sponsor-042').executeTakeFirstOrThrow();
  const res = await t.app.inject({ url: '/api/pool?limit=100', headers: await bearerFor(t.app.db, account_id, NOW) });
  const page = res.json<PoolPage>();
  expect(page.items.length).toBe(11);
  for (const s of page.items) expect(s.story.length).toBeGreaterThan(20);
  const one = await t.app.inject({ url: `/api/pool/${page.items[0].id}`, headers: await bearerFor(t.app.db, account_id, NOW) });
  expect(one.json<PoolStudentResponse>().availability).toBe('waiting');
});

it('keeps every student’s private details out of every sponsor-facing response', async () => {
  const forbidden = await forbiddenValues();
  expect(forbidden.length).toBeGreaterThan(200);
  const seen = new Map<string, number>();
  // A sponsor with two students (one gone quiet), one who renewed, one who has not sponsored anyone yet,
  // and the sponsors of the students whose words raised a wellbeing flag.
  const flagged = await t.app.db
    .selectFrom('wellbeing_flags')
    .innerJoin('sponsorships', 'sponsorships.student_id', 'wellbeing_flags.student_id')
    .select('sponsorships.sponsor_id')
    .where('sponsorships.status', '=', 'active')
    .execute();
  expect(flagged.length).toBe(2);
  for (const sponsorId of new Set(['sponsor-001', 'sponsor-002', 'sponsor-003', 'sponsor-041', ...flagged.map((f) => f.sponsor_id)])) {
    const { account_id } = await t.app.db.selectFrom('sponsors').select('account_id').where('id', '=', sponsorId).executeTakeFirstOrThrow();
    const headers = await bearerFor(t.app.db, account_id, NOW);
    const send = async (method: 'GET' | 'POST', url: string, payload?: object): Promise<Response> => {
      const res = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      return { url: `${method} ${url}`, statusCode: res.statusCode, body: res.body };
    };
    const list = JSON.parse((await send('GET', '/api/sponsor/sponsorships?limit=100')).body) as SponsorshipPage;
    const ctx: StepContext = {
      headers,
      sponsorshipIds: list.items.map((s) => s.id),
      get: (url) => send('GET', url),
      post: (url, payload) => send('POST', url, payload),
    };
    for (const step of SPONSOR_STEPS) {
      const responses = await step.run(ctx);
      seen.set(step.name, (seen.get(step.name) ?? 0) + responses.length);
      for (const r of responses) {
        expect([sponsorId, step.name, r.url, r.statusCode >= 200 && r.statusCode < 300]).toEqual([sponsorId, step.name, r.url, true]);
        const leaked = forbidden.filter((v) => r.body.includes(v));
        expect([sponsorId, r.url, leaked]).toEqual([sponsorId, r.url, []]);
        expect([sponsorId, r.url, r.body.match(ID_LIKE)?.[0] ?? null]).toEqual([sponsorId, r.url, null]);
        expect([sponsorId, r.url, r.body.match(FORBIDDEN_KEYS)?.[0] ?? null]).toEqual([sponsorId, r.url, null]);
      }
    }
  }
  // Every step really ran and answered something.
  for (const step of SPONSOR_STEPS) expect([step.name, (seen.get(step.name) ?? 0) > 0]).toEqual([step.name, true]);
}, 120_000);
