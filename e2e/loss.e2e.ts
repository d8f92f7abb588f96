/**
 * The loss test: 1,000 check-ins and letters go through the real client outbox core to the real
 * server behind a lossy proxy that drops ~20% of responses after the server committed and ~10% of
 * requests before they reach it. Afterwards the database must hold each write exactly once.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type net from 'node:net';
import Database from 'better-sqlite3';
import type { SponsorshipPage, StudentProfile } from '../domain/api/homes';
import { Outbox, type OutboxItem, type OutboxStorage, type SendFailure } from '../src/lib/outbox/core';
import { newIdempotencyKey } from '../src/lib/idempotency';
import { startServer, type RunningServer } from './harness';

const CHECKINS = 700;
const LETTERS = 300;
const DROP_BEFORE = 0.1;
const DROP_AFTER = 0.2;
const MAX_ROUNDS = 20_000;
const CHECKIN_KINDS = ['doing_well', 'busy_exams', 'talk_to_caseworker'] as const;

/** mulberry32: a small seeded PRNG, so a failing run can be repeated. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Digits can look like phone or QQ numbers to letter screening: markers use letters only. */
function letters(n: number): string {
  let out = '';
  let v = n;
  do {
    out = String.fromCharCode(97 + (v % 26)) + out;
    v = Math.floor(v / 26);
  } while (v > 0);
  return out.padStart(3, 'a');
}

interface Counts {
  proxied: number;
  droppedBefore: number;
  droppedAfter: number;
  replays: number;
  inProgress: number;
}

/** A proxy in front of the server that loses requests and responses, as a bad mobile network does. */
function lossyProxy(upstream: string, random: () => number, counts: Counts): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(upstream);
  const agent = new http.Agent({ keepAlive: true });
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    counts.proxied += 1;
    const roll = random();
    if (roll < DROP_BEFORE) {
      counts.droppedBefore += 1;
      req.socket.destroy();
      return;
    }
    const dropAfter = roll < DROP_BEFORE + DROP_AFTER;
    const forward = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
        agent,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          if (answer.headers['idempotent-replay'] === 'true') counts.replays += 1;
          const body = Buffer.concat(chunks);
          if (answer.statusCode === 409 && body.toString('utf8').includes('IDEMPOTENCY_IN_PROGRESS')) counts.inProgress += 1;
          if (dropAfter) {
            // The server has answered (and committed); the phone never hears it.
            counts.droppedAfter += 1;
            req.socket.destroy();
            return;
          }
          const headers = { ...answer.headers };
          delete headers['transfer-encoding'];
          delete headers.connection;
          delete headers['keep-alive'];
          headers['content-length'] = String(body.length);
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(body);
        });
      },
    );
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            agent.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

async function signIn(baseUrl: string, accountId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accountId }),
  });
  const session = (await response.json()) as { token?: string };
  if (!session.token) throw new Error(`demo sign-in as ${accountId} failed (${response.status})`);
  return session.token;
}

async function getJson<T>(baseUrl: string, token: string, route: string): Promise<T> {
  const response = await fetch(`${baseUrl}${route}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${route} answered ${response.status}`);
  return (await response.json()) as T;
}

class HttpFailure extends Error {
  constructor(readonly failure: SendFailure) {
    super(failure.message);
  }
}

/** One phone: its own storage, signed in as one account, sending through the lossy network. */
interface Phone {
  accountId: string;
  outbox: Outbox;
  /** Writes not yet queued (the outbox holds at most MAX_ITEMS at a time). */
  backlog: Array<{ kind: 'checkin' | 'letter'; path: string; body: Record<string, unknown>; label: string }>;
}

let server: RunningServer;
let proxy: { url: string; close(): Promise<void> } | undefined;

before(async () => {
  server = await startServer();
});

after(async () => {
  await proxy?.close();
  await server?.stop();
});

it('every write sent through the outbox over a lossy network is stored exactly once', { timeout: 240_000 }, async () => {
  const random = prng(20240605);
  const counts: Counts = { proxied: 0, droppedBefore: 0, droppedAfter: 0, replays: 0, inProgress: 0 };
  proxy = await lossyProxy(server.baseUrl, prng(5), counts);
  const via = proxy.url;
  const run = letters(Math.floor(random() * 26 ** 4));

  // Who writes: students check in (and the sponsored ones write letters); sponsors write letters.
  const students = Array.from({ length: 8 }, (_, i) => `acc-student-${String(i + 1).padStart(3, '0')}`);
  const sponsors = Array.from({ length: 4 }, (_, i) => `acc-sponsor-${String(i + 1).padStart(3, '0')}`);
  const tokens = new Map<string, string>();
  const letterWriters: Array<{ accountId: string; sponsorshipId: string }> = [];
  for (const accountId of students) {
    const token = await signIn(server.baseUrl, accountId);
    tokens.set(accountId, token);
    const profile = await getJson<StudentProfile>(server.baseUrl, token, '/api/student/profile');
    if (profile.sponsorshipId) letterWriters.push({ accountId, sponsorshipId: profile.sponsorshipId });
  }
  for (const accountId of sponsors) {
    const token = await signIn(server.baseUrl, accountId);
    const page = await getJson<SponsorshipPage>(server.baseUrl, token, '/api/sponsor/sponsorships');
    const open = page.items.find((s) => s.status === 'active' || s.status === 'paused');
    if (!open) continue;
    tokens.set(accountId, token);
    letterWriters.push({ accountId, sponsorshipId: open.id });
  }
  assert.ok(letterWriters.some((w) => w.accountId.startsWith('acc-sponsor-')), 'a sponsor with an open sponsorship');
  assert.ok(letterWriters.some((w) => w.accountId.startsWith('acc-student-')), 'a sponsored student');

  // Every phone shares one fast virtual clock: backoff waits are skipped over, not slept through.
  let clock = Date.UTC(2025, 0, 1);
  let requestsSent = 0;
  const phones = new Map<string, Phone>();
  const phoneOf = (accountId: string): Phone => {
    let phone = phones.get(accountId);
    if (phone) return phone;
    const disk = new Map<string, string>();
    const storage: OutboxStorage = {
      load: () => disk.get('outbox') ?? null,
      save: (json) => void disk.set('outbox', json),
      remove: () => void disk.delete('outbox'),
    };
    const token = tokens.get(accountId)!;
    const outbox = new Outbox({
      storage,
      now: () => clock,
      random,
      newKey: newIdempotencyKey,
      getOwner: () => accountId,
      transport: {
        async send(item: OutboxItem, body: Record<string, unknown>) {
          requestsSent += 1;
          const response = await fetch(`${via}${item.path}`, {
            method: item.method,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${token}`,
              'idempotency-key': item.idempotencyKey,
            },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(15_000),
          });
          const text = await response.text();
          const json = text ? (JSON.parse(text) as unknown) : null;
          if (!response.ok) {
            const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
            throw new HttpFailure({ status: response.status, code: error?.code ?? String(response.status), message: error?.message ?? text });
          }
          return json;
        },
        upload: () => Promise.reject(new Error('no photos in this test')),
        describe: (error) => (error instanceof HttpFailure ? error.failure : { status: null, code: 'NETWORK', message: String(error) }),
      },
    });
    phone = { accountId, outbox, backlog: [] };
    phones.set(accountId, phone);
    return phone;
  };

  // The writes, each with a marker to find it by afterwards.
  const expected = { checkin: new Set<string>(), letter: new Set<string>() };
  for (let i = 0; i < CHECKINS; i += 1) {
    const accountId = students[i % students.length];
    const marker = `losscheckin${run}${letters(i)}`;
    expected.checkin.add(marker);
    const kind = CHECKIN_KINDS[i % CHECKIN_KINDS.length];
    phoneOf(accountId).backlog.push({ kind: 'checkin', path: '/api/student/checkins', body: { kind, note: `today ${marker}` }, label: kind });
  }
  for (let i = 0; i < LETTERS; i += 1) {
    const writer = letterWriters[i % letterWriters.length];
    const marker = `lossletter${run}${letters(i)}`;
    expected.letter.add(marker);
    const body = `你好！今天天气很好，我们去图书馆看书了。祝学习顺利，身体健康。 ${marker}`;
    phoneOf(writer.accountId).backlog.push({ kind: 'letter', path: '/api/letters', body: { sponsorshipId: writer.sponsorshipId, body }, label: body.slice(0, 12) });
  }

  let enqueued = 0;
  const topUp = () => {
    for (const phone of phones.values()) {
      while (phone.backlog.length > 0 && phone.outbox.getSnapshot().items.length < 50) {
        const next = phone.backlog[0];
        phone.outbox.enqueue({ kind: next.kind, path: next.path, body: next.body, label: next.label });
        phone.backlog.shift();
        enqueued += 1;
      }
    }
  };

  const started = Date.now();
  let rounds = 0;
  const pending = () => [...phones.values()].reduce((n, p) => n + p.backlog.length + p.outbox.getSnapshot().items.length, 0);
  while (pending() > 0 && rounds < MAX_ROUNDS) {
    rounds += 1;
    topUp();
    await Promise.all([...phones.values()].map((phone) => phone.outbox.flush()));
    const failed = [...phones.values()].flatMap((p) => p.outbox.getSnapshot().items.filter((item) => item.status === 'failed'));
    assert.deepEqual(
      failed.map((item) => `${item.path} ${item.errorCode}: ${item.lastError}`),
      [],
      'no write is refused by the server',
    );
    // Jump the clock to the next item that is due.
    const wakes = [...phones.values()].map((p) => p.outbox.nextWakeAt()).filter((at): at is number => at !== null);
    if (wakes.length > 0) clock = Math.max(clock, Math.min(...wakes));
  }
  const seconds = (Date.now() - started) / 1000;
  assert.equal(pending(), 0, `the outboxes drained within ${MAX_ROUNDS} rounds`);

  // The database: each marker exactly once.
  const db = new Database(server.dbPath, { readonly: true, fileMustExist: true });
  const rows = {
    checkin: (db.prepare("select note as text from checkins where note like 'today losscheckin%'").all() as Array<{ text: string }>).map((r) => r.text),
    letter: (db.prepare("select body as text from letters where body like '%lossletter%'").all() as Array<{ text: string }>).map((r) => r.text),
  };
  const letterStatuses = db.prepare("select status, count(*) as n from letters where body like '%lossletter%' group by status").all() as Array<{ status: string; n: number }>;
  db.close();

  const tally = (kind: 'checkin' | 'letter') => {
    const seen = new Map<string, number>();
    for (const text of rows[kind]) {
      const marker = /loss(?:checkin|letter)[a-z]+/.exec(text)?.[0] ?? text;
      seen.set(marker, (seen.get(marker) ?? 0) + 1);
    }
    const duplicates = [...seen.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
    const missing = [...expected[kind]].filter((m) => !seen.has(m)).length;
    const unexpected = [...seen.keys()].filter((m) => !expected[kind].has(m)).length;
    return { rows: rows[kind].length, duplicates, missing, unexpected };
  };
  const checkins = tally('checkin');
  const lettersTally = tally('letter');

  console.log('loss test counts:');
  console.log(`  writes enqueued:                       ${enqueued} (${CHECKINS} check-ins, ${LETTERS} letters, ${phones.size} phones)`);
  console.log(`  requests sent by the outboxes:         ${requestsSent}`);
  console.log(`  requests seen by the proxy:            ${counts.proxied}`);
  console.log(`  responses dropped after commit:        ${counts.droppedAfter}`);
  console.log(`  requests dropped before forwarding:    ${counts.droppedBefore}`);
  console.log(`  replays answered from idempotency store: ${counts.replays}`);
  console.log(`  409 in-progress answers:               ${counts.inProgress}`);
  console.log(`  rounds:                                ${rounds} (${seconds.toFixed(1)} s)`);
  console.log(`  final check-in rows:                   ${checkins.rows}`);
  console.log(`  final letter rows:                     ${lettersTally.rows} (${letterStatuses.map((s) => `${s.status} ${s.n}`).join(', ')})`);
  console.log(`  duplicates:                            ${checkins.duplicates + lettersTally.duplicates}`);
  console.log(`  missing:                               ${checkins.missing + lettersTally.missing}`);

  assert.equal(enqueued, CHECKINS + LETTERS);
  assert.equal(checkins.duplicates + lettersTally.duplicates, 0, 'no duplicates');
  assert.equal(checkins.missing + lettersTally.missing, 0, 'none missing');
  assert.equal(checkins.unexpected + lettersTally.unexpected, 0, 'nothing unexpected');
  assert.equal(checkins.rows, CHECKINS);
  assert.equal(lettersTally.rows, LETTERS);
  assert.ok(counts.droppedAfter > 0, 'some responses were dropped after the server committed');
  assert.ok(counts.droppedBefore > 0, 'some requests were dropped before reaching the server');
  // Every response lost after a commit is followed by exactly one replay that the proxy sees answered.
  assert.equal(counts.replays, counts.droppedAfter, 'each retry after a lost response was answered from the idempotency store');
});
