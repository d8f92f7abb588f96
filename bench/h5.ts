/**
 * The h5 first screen on a mid-range phone, cold: FCP, LCP, TBT and the JS transferred, for the login
 * page, the sponsor home (a session already stored) and Taro's bare template beside them.
 *
 *   npm run bench:h5                              builds both h5 apps, then measures (median of 3)
 *   npm run bench:h5 -- --skip-build              reuses the builds that are there
 *   npm run bench:h5 -- --dir /tmp/h5 --runs 5    another build folder (default BANXUE_H5_DIR, else dist/h5)
 *
 * Chromium throttled through the DevTools protocol: CPU 4× slower, 150 ms latency, 1.6 Mbps down,
 * 750 kbps up; every run in a fresh browser context, so nothing is cached. The app is the real server
 * (seeded demo data); the bare template is served by the same h5 plugin, so both get the same headers.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import type { Browser, BrowserContext } from 'playwright-core';
import { buildH5, demoSessionStorage, launchBrowser, repoRoot, SESSION_KEY, startServer } from '../e2e/harness';
import h5Plugin from '../server/plugins/h5';
import { buildBareTemplate } from './h5-bare-template';

const SPONSOR = 'acc-sponsor-001';
const CPU_SLOWDOWN = 4;
const LATENCY_MS = 150;
const DOWN_BITS_PER_SECOND = 1_600_000;
const UP_BITS_PER_SECOND = 750_000;
/** The page counts as settled once no long task has run for this long and the network is idle. */
const QUIET_MS = 3000;
const LONG_TASK_MS = 50;

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string' },
    'bare-dir': { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
  },
});
const h5Dir = path.resolve(repoRoot, args.dir ?? process.env.BANXUE_H5_DIR ?? 'dist/h5');
const bareDir = path.resolve(args['bare-dir'] ?? path.join(os.tmpdir(), 'banxue-bench-bare-h5'));
const runs = Number(args.runs);

interface Target {
  name: string;
  url: string;
  /** What shows once the first screen is there. */
  ready: string;
  prepare?: (context: BrowserContext) => Promise<unknown>;
}

interface Sample {
  fcp: number;
  lcp: number;
  tbt: number;
  jsBytes: number;
  jsFiles: number;
  allBytes: number;
}

interface PageTimings {
  fcp: number;
  lcp: number;
  longTasks: { start: number; duration: number }[];
  sinceLastLongTask: number;
}

/** Installed before any page script: records long tasks and the latest LCP candidate. */
function observePerformance() {
  const w = window as unknown as { __bxLongTasks: { start: number; duration: number }[]; __bxLcp: number };
  w.__bxLongTasks = [];
  w.__bxLcp = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__bxLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__bxLcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

function readTimings(): PageTimings {
  const w = window as unknown as { __bxLongTasks: { start: number; duration: number }[]; __bxLcp: number };
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
  const last = w.__bxLongTasks.reduce((end, task) => Math.max(end, task.start + task.duration), 0);
  return { fcp, lcp: w.__bxLcp, longTasks: w.__bxLongTasks, sinceLastLongTask: performance.now() - last };
}

/** Total blocking time as Lighthouse counts it: each long task's part beyond 50 ms, after FCP. */
function totalBlockingTime(fcp: number, longTasks: { start: number; duration: number }[]): number {
  return longTasks.reduce((sum, task) => {
    const end = task.start + task.duration;
    if (end <= fcp) return sum;
    return sum + Math.max(0, end - Math.max(task.start, fcp) - LONG_TASK_MS);
  }, 0);
}

async function measure(browser: Browser, baseUrl: string, target: Target): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  try {
    await target.prepare?.(context);
    await context.addInitScript(observePerformance);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: LATENCY_MS,
      downloadThroughput: DOWN_BITS_PER_SECOND / 8,
      uploadThroughput: UP_BITS_PER_SECOND / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const scripts = new Set<string>();
    const inFlight = new Set<string>();
    let lastNetworkActivity = Date.now();
    let jsBytes = 0;
    let allBytes = 0;
    cdp.on('Network.requestWillBeSent', (event) => {
      inFlight.add(event.requestId);
      lastNetworkActivity = Date.now();
    });
    cdp.on('Network.responseReceived', (event) => {
      if (event.type === 'Script') scripts.add(event.requestId);
    });
    cdp.on('Network.loadingFinished', (event) => {
      inFlight.delete(event.requestId);
      lastNetworkActivity = Date.now();
      allBytes += event.encodedDataLength;
      if (scripts.has(event.requestId)) jsBytes += event.encodedDataLength;
    });
    cdp.on('Network.loadingFailed', (event) => {
      inFlight.delete(event.requestId);
      lastNetworkActivity = Date.now();
    });

    await page.goto(`${baseUrl}${target.url}`);
    await page.locator(target.ready).filter({ visible: true }).first().waitFor({ timeout: 120_000 });
    for (;;) {
      const { sinceLastLongTask } = await page.evaluate(readTimings);
      const networkQuiet = inFlight.size === 0 ? Date.now() - lastNetworkActivity : 0;
      const wait = QUIET_MS - Math.min(sinceLastLongTask, networkQuiet);
      if (wait <= 0) break;
      await page.waitForTimeout(wait);
    }
    const timings = await page.evaluate(readTimings);
    return {
      fcp: timings.fcp,
      lcp: timings.lcp,
      tbt: totalBlockingTime(timings.fcp, timings.longTasks),
      jsBytes,
      jsFiles: scripts.size,
      allBytes,
    };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function serveBareTemplate() {
  const app = Fastify({ logger: false });
  await app.register(h5Plugin, { dir: bareDir });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { baseUrl: address, stop: () => app.close() };
}

async function main() {
  process.env.BANXUE_H5_DIR = h5Dir;
  if (args['skip-build']) process.env.E2E_SKIP_BUILD = '1';
  else delete process.env.E2E_SKIP_BUILD;
  console.log(`Building (or reusing) the app's h5 build in ${h5Dir} and the bare template's in ${bareDir}…`);
  buildH5();
  buildBareTemplate(repoRoot, bareDir, args['skip-build']);

  const server = await startServer();
  const bare = await serveBareTemplate();
  const browser = await launchBrowser();
  try {
    const sponsorSession = await demoSessionStorage(server.baseUrl, SPONSOR);
    const targets: (Target & { baseUrl: string })[] = [
      { name: 'login page', baseUrl: server.baseUrl, url: '/', ready: '[data-testid^="demo-user-"]' },
      {
        name: 'sponsor home',
        baseUrl: server.baseUrl,
        url: '/packages/sponsor/pages/home/index',
        ready: '[data-testid="sponsorship-card"]',
        prepare: (context) => context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [SESSION_KEY, sponsorSession]),
      },
      { name: 'Taro bare template', baseUrl: bare.baseUrl, url: '/', ready: 'text=Hello world!' },
    ];
    console.log(`\nChromium, CPU ${CPU_SLOWDOWN}× slower, ${LATENCY_MS} ms latency, ${DOWN_BITS_PER_SECOND / 1e6} Mbps down, ` +
      `${UP_BITS_PER_SECOND / 1e3} kbps up, cold cache; median of ${runs}\n`);
    const header = ['page', 'FCP', 'LCP', 'TBT', 'JS transferred', 'JS files', 'all transferred'];
    const rows: string[][] = [];
    for (const target of targets) {
      const samples: Sample[] = [];
      for (let run = 0; run < runs; run += 1) samples.push(await measure(browser, target.baseUrl, target));
      const pick = (key: keyof Sample) => median(samples.map((sample) => sample[key]));
      console.log(`  ${target.name}: LCP ${samples.map((s) => seconds(s.lcp)).join(', ')}`);
      rows.push([target.name, seconds(pick('fcp')), seconds(pick('lcp')), `${pick('tbt').toFixed(0)} ms`, kb(pick('jsBytes')), String(pick('jsFiles')), kb(pick('allBytes'))]);
    }
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
    const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
    console.log(`\n${line(header)}\n|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
    for (const row of rows) console.log(line(row));
  } finally {
    await browser.close();
    await bare.stop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
