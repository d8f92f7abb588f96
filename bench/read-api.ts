/**
 * Read-API throughput and latency against bare Fastify, in one run on one machine (DESIGN.md §5).
 *
 *   npm run bench:read-api            10 s per target, 50 connections
 *   BENCH_SECONDS=30 npm run bench:read-api
 *
 * The app target is the real server (SQLite, demo data, a signed-in sponsor) answering the routes a
 * sponsor's phone calls most, for the busiest sponsorship: its timeline (the route the budget names)
 * and its letters, 20 items each, its detail and its ledger. Each is measured twice: as a fresh
 * request (the page kept by the versioned cache after the first), and as the app revalidates it, with
 * `If-None-Match` (304). The bare target is a Fastify server with no plugins sending the same bytes on
 * the same paths (and a 304 to a request carrying `If-None-Match`). Each server runs in its own
 * process; the load comes from this one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { seedDemoData } from '../server/db/seed';
import { createSession } from '../server/features/auth/sessions';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const NOW = new Date('2026-11-29T04:00:00.000Z');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

// Without the scheduled jobs: a sweep or outbox tick landing in one target's window would skew its tail.
// (Instances that only serve requests run this way too: see OPERATIONS.md.)
function config(dbPath: string) {
  return loadConfig({ BANXUE_SQLITE_PATH: dbPath, LOG_LEVEL: 'warn', BANXUE_H5_DIR: path.join(os.tmpdir(), 'none'), BANXUE_JOBS: 'false' });
}

interface Route {
  name: string;
  url: string;
  payload: string;
  etag: string;
}

/** Seeds a database and returns a sponsor's token and the routes to measure, with what they answer. */
async function prepare(dbPath: string) {
  const app = await buildApp({ config: config(dbPath) });
  await seedDemoData(app.db, { now: NOW });
  const busiest = await app.db
    .selectFrom('letters')
    .innerJoin('sponsorships', 'sponsorships.id', 'letters.sponsorship_id')
    .innerJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
    .select((eb) => ['sponsorships.id', 'sponsors.account_id', eb.fn.countAll<number>().as('n')])
    .groupBy(['sponsorships.id', 'sponsors.account_id'])
    .orderBy('n', 'desc')
    .executeTakeFirstOrThrow();
  const { token } = await createSession(app.db, { accountId: busiest.account_id, method: 'demo', now: new Date(), ttlHours: 24 });
  const routes: Route[] = [];
  for (const [name, url] of [
    ['timeline', `/api/sponsor/sponsorships/${busiest.id}/timeline?limit=20`],
    ['letters', `/api/letters?sponsorshipId=${busiest.id}&limit=20`],
    ['detail', `/api/sponsor/sponsorships/${busiest.id}`],
    ['ledger', `/api/sponsor/sponsorships/${busiest.id}/ledger`],
  ]) {
    const response = await app.inject({ url, headers: { authorization: `Bearer ${token}` } });
    if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
    routes.push({ name, url, payload: response.body, etag: String(response.headers.etag ?? '') });
  }
  await app.close();
  return { token, routes, sponsorshipId: busiest.id, letters: Number(busiest.n) };
}

async function serve(kind: string, port: number, arg: string) {
  if (kind === 'bare') {
    const routes = JSON.parse(fs.readFileSync(arg, 'utf8')) as Route[];
    const bare = Fastify({ logger: false });
    for (const { url, payload } of routes) {
      bare.get(url.split('?')[0], async (request, reply) =>
        request.headers['if-none-match'] ? reply.code(304).send() : reply.type('application/json; charset=utf-8').send(payload),
      );
    }
    await bare.listen({ host: '127.0.0.1', port });
  } else {
    const app = await buildApp({ config: config(arg) });
    await app.listen({ host: '127.0.0.1', port });
  }
  console.log('ready');
}

function startServer(kind: string, arg: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', __filename, '--serve', kind, String(port), arg], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

async function measure(name: string, url: string, headers: Record<string, string>) {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers }); // warm-up
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  // A page that reads the clock gets a new tag when its 5-minute slice ends: revalidations then get 200s.
  const unexpected = result.requests.total - result['2xx'] - (headers['if-none-match'] ? result['3xx'] : 0);
  if (unexpected > 0 || result.errors > 0) throw new Error(`${name} ${url}: ${unexpected} unexpected answers, ${result.errors} errors`);
  const notModified = headers['if-none-match'] ? ` (${((result['3xx'] / result.requests.total) * 100).toFixed(0)}% 304)` : '';
  return { name: `${name}${notModified}`, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-bench-'));
  const dbPath = path.join(dir, 'bench.sqlite');
  const routesPath = path.join(dir, 'routes.json');
  try {
    const { token, routes, sponsorshipId, letters } = await prepare(dbPath);
    fs.writeFileSync(routesPath, JSON.stringify(routes));
    const results = new Map<string, Awaited<ReturnType<typeof measure>>>();
    for (const [kind, arg] of [['bare', routesPath], ['app', dbPath]] as const) {
      const port = await freePort();
      const child = await startServer(kind, arg, port);
      try {
        for (const route of routes) {
          const url = `http://127.0.0.1:${port}${route.url}`;
          results.set(`${kind} ${route.name}`, await measure(kind, url, { authorization: `Bearer ${token}` }));
          // The tag the app holds now: the detail's and the ledger's change with the clock's 5-minute slice.
          const current = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
          const etag = current.headers.get('etag') ?? route.etag;
          results.set(`${kind} ${route.name} 304`, await measure(kind, url, { authorization: `Bearer ${token}`, 'if-none-match': etag }));
        }
      } finally {
        child.kill('SIGTERM');
      }
    }
    console.log(`\nThe busiest sponsorship (${letters} letters); ${CONNECTIONS} connections, ${SECONDS} s each, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}`);
    for (const route of routes) {
      console.log(`\nGET ${route.url.replace(sponsorshipId, '…')} — ${route.payload.length} B`);
      console.log('target                  req/s     p50 ms   p99 ms');
      for (const variant of ['', ' 304']) {
        const bare = results.get(`bare ${route.name}${variant}`)!;
        const app = results.get(`app ${route.name}${variant}`)!;
        for (const r of [bare, app]) console.log(`${r.name.padEnd(20)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(10)} ${String(r.p99).padStart(8)}`);
        console.log(`app / bare throughput${variant}: ${((app.rps / bare.rps) * 100).toFixed(1)}%; app p99 ${app.p99} ms (budget 50 ms)`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') {
  void serve(process.argv[3], Number(process.argv[4]), process.argv[5]);
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
