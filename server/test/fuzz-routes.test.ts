/**
 * Every route the app registers, fuzzed from its own request schemas (read from the OpenAPI document)
 * by every kind of caller, on the seeded demo data: no answer may be a 5xx, every 4xx carries the
 * ErrorBody shape, and afterwards the database holds no half-written records.
 *
 * FUZZ_RUNS sets the cases per route and attack (default 25: about 8,000 requests in all);
 * FUZZ_SEED replays a run (a number) or explores (`random`). With DATABASE_URL it runs on PostgreSQL.
 */
import sharp from 'sharp';
import fc from 'fast-check';
import { sql } from 'kysely';
import { Value } from '@sinclair/typebox/value';
import { ErrorBody } from '../../domain/api/common';
import { DEMO_STAFF_PASSWORD, seedDemoData } from '../db/seed';
import { SEEDED_TABLES } from '../db/seed/model';
import { heardProblems, ladderProblems, letterRecordProblems, pledgeProblems, poolProblems, wellbeingFlagProblems, type Snapshot } from '../db/seed/invariants';
import { hashToken } from '../features/auth/sessions';
import { bearerFor } from './fixtures';
import { startFakePlatforms } from './fake-platforms';
import { attacksFor, idKind, requestArbitrary, routesOf, type Attack, type FuzzRequest, type FuzzWorld, type RouteSpec } from './fuzz-requests';
import type { FieldContext } from './schema-arbitrary';
import { createTestApp, usingPostgres, type TestApp } from './test-app';

const NOW = new Date('2026-11-29T04:00:00.000Z');
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20261129);

jest.setTimeout(Math.max(RUNS, 10) * 30_000);

let t: TestApp;
let platforms: Awaited<ReturnType<typeof startFakePlatforms>>;
let world: FuzzWorld;
let routes: RouteSpec[];
/** Who may send a request: an account id per principal name, null for nobody signed in. */
const accounts = new Map<string, string | null>();

/** Which table's ids a field or path segment names (`studentId`, `/students/{id}`, `inReplyTo`…). */
const ID_SOURCES: [RegExp, string][] = [
  [/sponsorship|pledge|carryfrom/i, 'sponsorships'],
  [/student|pool/i, 'students'],
  [/upload|photo|receipt/i, 'uploads'],
  [/letter|inreplyto/i, 'letters'],
  [/staff|caseworker/i, 'staff'],
  [/ngo/i, 'ngos'],
  [/account/i, 'accounts'],
  [/alert/i, 'alerts'],
  [/flag/i, 'wellbeing_flags'],
  [/task/i, 'caseworker_tasks'],
  [/handover/i, 'handovers'],
  [/notification/i, 'notifications'],
  [/consent/i, 'guardian_consents'],
  [/guardian-request/i, 'guardian_requests'],
];
const tableFor = (name: string) => ID_SOURCES.find(([pattern]) => pattern.test(name))?.[1];

async function idsByTable(): Promise<Map<string, string[]>> {
  const ids = new Map<string, string[]>();
  for (const table of new Set(ID_SOURCES.map(([, source]) => source))) {
    const rows = await sql<{ id: string }>`select id from ${sql.table(table)} order by id`.execute(t.app.db).catch(() => ({ rows: [] }));
    ids.set(table, rows.rows.map((r) => r.id));
  }
  return ids;
}

interface Seen {
  ids: Set<string>;
  /** Ids whose kind the answer tells: by their field (`sponsorshipId`), or for `id` the object holding it. */
  idsByTable: Map<string, Set<string>>;
  cursors: Set<string>;
  codes: Set<string>;
}

const nothingSeen = (): Seen => ({ ids: new Set(), idsByTable: new Map(), cursors: new Set(), codes: new Set() });

/**
 * Every id-like value in a JSON answer (fields named `id`, `…Id` or `…Ids`), its next-page cursor, and
 * codes it hands out. `holder` names what an `id` belongs to: the field holding its object, or at the
 * top the route's path (`/api/letters` answers a letter).
 */
function collect(value: unknown, into: Seen, key: string, holder: string): void {
  if (typeof value === 'string' && /^id$|Ids?$/.test(key)) {
    into.ids.add(value);
    const table = tableFor(key === 'id' ? holder : key);
    if (table) into.idsByTable.set(table, (into.idsByTable.get(table) ?? new Set()).add(value));
  } else if (typeof value === 'string' && key === 'nextCursor') into.cursors.add(value);
  else if (typeof value === 'string' && key === 'code') into.codes.add(value);
  else if (Array.isArray(value)) for (const item of value) collect(item, into, key, holder);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, into, k, key && tableFor(key) ? key : holder);
}

/** What a route's answer is about: the last segment of its path that names a kind of record (`/api/pledges/reserve` → pledges). */
const pathOf = (url: string) => [...url.split('?')[0].split('/')].reverse().find((segment) => tableFor(segment)) ?? '';

/** What a principal meets in what the app shows them: every list (a long page, and a short one for a cursor), then the details of what the lists named. */
async function seenBy(principal: string, idsOfKind: (kind: string) => string[]): Promise<Seen> {
  const seen = nothingSeen();
  const look = async (url: string) => {
    const answer = await send({ principal, method: 'GET', url, headers: {} });
    if (answer.status === 200) collect(JSON.parse(answer.body), seen, '', pathOf(url));
  };
  const reads = routes.filter((r) => r.method === 'GET');
  for (const route of reads.filter((r) => r.pathParams.length === 0)) {
    if (!('limit' in route.query.properties)) await look(route.path);
    else for (const limit of [100, 2]) await look(`${route.path}?limit=${limit}`);
  }
  for (const route of reads.filter((r) => r.pathParams.length === 1)) {
    const [param] = route.pathParams;
    for (const id of idsOfKind(idKind(route, param)).filter((x) => seen.ids.has(x)).slice(0, 10)) await look(route.path.replace(`{${param}}`, encodeURIComponent(id)));
  }
  return seen;
}

/** What the run's own successful requests handed out (a reservation, an upload, an invite code), per principal: later requests use it. */
const handedOut = new Map<string, Seen>();
/** Codes anyone was handed (a student's invite code is for the student, not the caseworker who made it). */
const issuedCodes = new Set<string>();

/** One of a list that grows during the run (a placeholder while it is empty). */
const oneOfGrowing = (list: Set<string>) => fc.nat().map((i) => (list.size ? [...list][i % list.size] : 'none-yet'));

async function knownFields(): Promise<(principal: string) => FieldContext> {
  const ids = await idsByTable();
  const idsOfKind = (kind: string) => ids.get(tableFor(kind) ?? '') ?? [];
  const usernames = (await t.app.db.selectFrom('staff').select('username').execute()).map((s) => s.username!);
  // Single-use codes as wx.login and my.getAuthCode would hand them out, for the platform sign-ins.
  const loginCodes = Array.from({ length: 50 }, (_, i) => [platforms.issueCode('wechat', `fuzz-${i}`), platforms.issueCode('alipay', `fuzz-${i}`)]).flat();
  const contexts = new Map<string, FieldContext>();
  for (const principal of accounts.keys()) {
    const seen = await seenBy(principal, idsOfKind);
    const created = nothingSeen();
    handedOut.set(principal, created);
    const cache = new Map<string, fc.Arbitrary<string> | null>();
    const known = (name: string): fc.Arbitrary<string> | null => {
      if (/username/i.test(name)) return fc.constantFrom(...usernames);
      if (/password/i.test(name)) return fc.constant(DEMO_STAFF_PASSWORD);
      if (/code$/i.test(name)) return fc.oneof(fc.constantFrom(...loginCodes), oneOfGrowing(issuedCodes));
      if (name === 'cursor') return seen.cursors.size ? fc.constantFrom(...seen.cursors) : null;
      const table = tableFor(name);
      if (!table && !/id$/i.test(name)) return null;
      const all = idsOfKind(name);
      const own = all.filter((id) => seen.ids.has(id));
      const mine = table ? (created.idsByTable.get(table) ?? created.idsByTable.set(table, new Set()).get(table)!) : created.ids;
      return fc.oneof(
        ...(own.length ? [{ weight: 3, arbitrary: fc.constantFrom(...own) }] : []),
        ...(all.length ? [{ weight: 1, arbitrary: fc.constantFrom(...all) }] : []),
        { weight: 2, arbitrary: oneOfGrowing(mine) },
      );
    };
    contexts.set(principal, {
      knownValues: (name) => {
        if (!cache.has(name)) cache.set(name, known(name));
        return cache.get(name)!;
      },
    });
  }
  return (principal) => contexts.get(principal)!;
}

async function seedPrincipals(highlights: { sponsorWithTwoStudents: string; longestWaitingStudent: string }) {
  const db = t.app.db;
  const sponsorAccount = async (id: string) => (await db.selectFrom('sponsors').select('account_id').where('id', '=', id).executeTakeFirstOrThrow()).account_id;
  const studentAccount = async (id: string) => (await db.selectFrom('students').select('account_id').where('id', '=', id).executeTakeFirstOrThrow()).account_id;
  const staffAccount = async (ngoId: string, role: 'caseworker' | 'ngo_admin') =>
    (await db.selectFrom('staff').select('account_id').where('ngo_id', '=', ngoId).where('role', '=', role).orderBy('id').executeTakeFirstOrThrow()).account_id;
  const sponsored = await db.selectFrom('sponsorships').select('student_id').where('sponsor_id', '=', highlights.sponsorWithTwoStudents).where('status', '=', 'active').orderBy('id').executeTakeFirstOrThrow();
  const idle = await db.selectFrom('sponsors').leftJoin('sponsorships', 'sponsorships.sponsor_id', 'sponsors.id').select('sponsors.account_id').where('sponsorships.id', 'is', null).orderBy('sponsors.id').executeTakeFirstOrThrow();
  accounts.set('anonymous', null);
  accounts.set('sponsor', await sponsorAccount(highlights.sponsorWithTwoStudents));
  accounts.set('sponsor without students', idle.account_id);
  accounts.set('sponsored student', await studentAccount(sponsored.student_id));
  accounts.set('student in the pool', await studentAccount(highlights.longestWaitingStudent));
  accounts.set('caseworker', await staffAccount('ngo-sc', 'caseworker'));
  accounts.set('NGO admin', await staffAccount('ngo-sc', 'ngo_admin'));
  accounts.set('other NGO caseworker', await staffAccount('ngo-gs', 'caseworker'));
  accounts.set('other NGO admin', await staffAccount('ngo-gs', 'ngo_admin'));
}

/** Per route, the principals its access check lets through: a bare request from them is not answered 401 or 403. */
async function admittedPrincipals(): Promise<Map<string, string[]>> {
  const admitted = new Map<string, string[]>();
  for (const route of routes) {
    const url = route.pathParams.reduce((path, param) => path.replace(`{${param}}`, 'probe'), route.path);
    const names: string[] = [];
    for (const principal of accounts.keys()) {
      const { status } = await send({ principal, method: route.method, url, headers: {} });
      if (status !== 401 && status !== 403) names.push(principal);
    }
    admitted.set(`${route.method} ${route.path}`, names);
  }
  return admitted;
}

beforeAll(async () => {
  platforms = await startFakePlatforms();
  t = await createTestApp({ ...platforms.env, BANXUE_MSG_SEC_CHECK: 'true' }, NOW);
  const { highlights } = await seedDemoData(t.app.db, { now: NOW });
  await t.app.ready();
  // Deleting the caller's own account goes last, so the callers stay signed in for every other route.
  const endsTheCaller = (route: RouteSpec) => /\/delete$/.test(route.path);
  routes = routesOf(t.app.swagger() as unknown as Parameters<typeof routesOf>[0]).sort((a, b) => Number(endsTheCaller(a)) - Number(endsTheCaller(b)));
  await seedPrincipals(highlights);
  const admitted = await admittedPrincipals();
  world = {
    principals: [...accounts.keys()],
    admittedBy: (route) => admitted.get(`${route.method} ${route.path}`) ?? [],
    fieldsFor: await knownFields(),
    image: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a7' } }).jpeg().toBuffer(),
  };
});
afterAll(async () => {
  await t?.close();
  await platforms?.close();
});

interface Answer {
  status: number;
  body: string;
}

const sessions = new Map<string, { authorization: string }>();

/** The principal's session, signed in again when a fuzzed logout has revoked it. */
async function sessionOf(principal: string): Promise<{ authorization?: string }> {
  const account = accounts.get(principal);
  if (!account) return {};
  const current = sessions.get(principal);
  const live = current
    ? await t.app.db.selectFrom('sessions').select('id').where('token_hash', '=', hashToken(current.authorization.slice('Bearer '.length))).where('revoked_at', 'is', null).executeTakeFirst()
    : undefined;
  if (current && live) return current;
  const fresh = await bearerFor(t.app.db, account, NOW);
  sessions.set(principal, fresh);
  return fresh;
}

async function send(request: FuzzRequest): Promise<Answer> {
  const session = await sessionOf(request.principal);
  const response = await t.app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: { ...session, ...request.headers },
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
  if (response.statusCode < 300 && request.method !== 'HEAD' && String(response.headers['content-type']).startsWith('application/json')) {
    const created = handedOut.get(request.principal);
    if (created) collect(response.json(), created, '', pathOf(request.url));
    for (const code of created?.codes ?? []) issuedCodes.add(code);
  }
  return { status: response.statusCode, body: response.body };
}

/** What is wrong with an answer, or null: a 5xx, or a 4xx whose body is not an ErrorBody. */
function problemWith(request: FuzzRequest, answer: Answer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (answer.status < 400 || request.method === 'HEAD') return null;
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    body = answer.body;
  }
  return Value.Check(ErrorBody, body) ? null : `answered ${answer.status} without an ErrorBody`;
}

const preview = (text: string | Buffer | undefined, max = 240) => {
  if (text === undefined) return '(none)';
  const s = typeof text === 'string' ? text : `<${text.length} bytes>`;
  return s.length > max ? `${JSON.stringify(s.slice(0, max))}… (${s.length} chars)` : JSON.stringify(s);
};

interface Finding {
  route: string;
  attack: Attack;
  principal: string;
  problem: string;
  request: string;
  answer: string;
  logged: string;
}

/** Per route, how many answers of each status class (2xx, 4xx, 5xx) the run got. */
const answersPerRoute = new Map<string, Record<string, number>>();
function tally(route: string, status: number) {
  const classes = answersPerRoute.get(route) ?? {};
  const statusClass = `${Math.floor(status / 100)}xx`;
  classes[statusClass] = (classes[statusClass] ?? 0) + 1;
  answersPerRoute.set(route, classes);
}
const findings: Finding[] = [];

/** The snapshot without the words of students whose data was erased: their flags outlive the words they were raised on. */
function withoutErasedWords(d: Snapshot): Snapshot {
  const erased = new Set(d.students.filter((s) => (s as { anonymised_at?: string | null }).anonymised_at).map((s) => s.id));
  const erasedSponsorships = new Set(d.sponsorships.filter((sp) => erased.has(sp.student_id)).map((sp) => sp.id));
  return {
    ...d,
    wellbeing_flags: d.wellbeing_flags.filter((f) => !erased.has(f.student_id)),
    letters: d.letters.filter((l) => !erasedSponsorships.has(l.sponsorship_id)),
    checkins: d.checkins.filter((c) => !erased.has(c.student_id)),
    term_reports: d.term_reports.filter((r) => !erased.has(r.student_id)),
  };
}

describe('fuzzing every route from its own schema', () => {
  it('answers every caller without a 5xx, and every 4xx with an ErrorBody', async () => {
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      for (const attack of attacksFor(route)) {
        const details = await fc.check(
          fc.asyncProperty(requestArbitrary(route, attack, world), async (request) => {
            const answer = await send(request);
            tally(name, answer.status);
            const problem = problemWith(request, answer);
            if (problem) throw new Error(problem);
          }),
          { numRuns: RUNS, seed: SEED },
        );
        if (!details.failed || !details.counterexample) continue;
        const [request] = details.counterexample;
        const logsBefore = t.logs.length;
        const answer = await send(request);
        findings.push({
          route: name,
          attack,
          principal: request.principal,
          problem: problemWith(request, answer) ?? String(details.errorInstance),
          request: `${request.method} ${preview(request.url, 160)} headers=${JSON.stringify(request.headers)} payload=${preview(request.payload)}`,
          answer: preview(answer.body, 200),
          logged: t.logs.slice(logsBefore).filter((line) => line.includes('"level":50')).map((line) => preview((JSON.parse(line) as { err?: { message?: string } }).err?.message ?? line, 200)).join(' | '),
        });
      }
    }
    const count = (classes: Record<string, number>) => Object.values(classes).reduce((a, b) => a + b, 0);
    const total = [...answersPerRoute.values()].reduce((sum, classes) => sum + count(classes), 0);
    console.log(
      [
        `fuzzed ${routes.length} routes with ${total} requests on ${usingPostgres ? 'PostgreSQL' : 'SQLite'} (FUZZ_RUNS=${RUNS}, FUZZ_SEED=${SEED})`,
        ...[...answersPerRoute].map(([route, classes]) => `  ${String(count(classes)).padStart(5)}  ${route}  ${JSON.stringify(classes)}`),
        ...findings.map((f) => `FOUND ${f.route} [${f.attack}] as ${f.principal}: ${f.problem}\n  request: ${f.request}\n  answer: ${f.answer}\n  logged: ${f.logged}`),
      ].join('\n'),
    );
    expect(findings.map((f) => `${f.route} [${f.attack}] as ${f.principal}: ${f.problem}`)).toEqual([]);
  });

  it('leaves no half-written records behind', async () => {
    const db = t.app.db;
    if (!usingPostgres) {
      expect((await sql`PRAGMA foreign_key_check`.execute(db)).rows).toEqual([]);
      expect((await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db)).rows).toEqual([{ integrity_check: 'ok' }]);
    }
    // Every request has finished: no claimed idempotency key may be left half done.
    expect(await db.selectFrom('idempotency_keys').select(['key', 'path']).where('state', '=', 'in_progress').execute()).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const data = {} as Record<string, unknown[]>;
    for (const table of SEEDED_TABLES) if (table !== 'audit_log') data[table] = await db.selectFrom(table).selectAll().execute();
    const snapshot = data as unknown as Snapshot;
    // A policy is versioned: the invariants read the last version of each NGO's.
    snapshot.ngo_policies.sort((a, b) => a.version - b.version);
    // The demo data's own invariants that every write through the API must keep (not its counts or shapes).
    expect([
      ...heardProblems(snapshot),
      ...ladderProblems(snapshot),
      ...letterRecordProblems(snapshot),
      ...wellbeingFlagProblems(withoutErasedWords(snapshot)),
      ...pledgeProblems(snapshot),
      ...poolProblems(snapshot, NOW),
    ]).toEqual([]);
  });
});
