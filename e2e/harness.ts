import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';

export const repoRoot = path.resolve(__dirname, '..');
export const screenshotDir = path.join(repoRoot, 'e2e', 'screenshots');

/** Builds h5 into BANXUE_H5_DIR when set (the folder the server then serves), else into dist/h5. */
export function buildH5(): void {
  const h5Dir = process.env.BANXUE_H5_DIR ? path.resolve(repoRoot, process.env.BANXUE_H5_DIR) : path.join(repoRoot, 'dist/h5');
  if (process.env.E2E_SKIP_BUILD === '1' && fs.existsSync(path.join(h5Dir, 'index.html'))) return;
  const result = spawnSync(path.join(repoRoot, 'node_modules/.bin/taro'), ['build', '--type', 'h5'], {
    cwd: repoRoot,
    env: { ...process.env, BANXUE_OUTPUT_ROOT: h5Dir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('h5 build failed');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  /** The server's SQLite file (removed by stop()). */
  dbPath: string;
  stop(): Promise<void>;
}

/**
 * Starts the real server (demo mode, seeded) on a free loopback port with a fresh SQLite database;
 * `extraEnv` adds settings, given the server's address.
 */
export async function startServer(extraEnv?: (baseUrl: string) => Promise<NodeJS.ProcessEnv>): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dbPath = path.join(dataDir, 'e2e.sqlite');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    BANXUE_SQLITE_PATH: dbPath,
    BANXUE_DEMO_LOGIN: 'true',
    BANXUE_SEED_ON_START: 'true',
    LOG_LEVEL: 'warn',
    ...(await extraEnv?.(baseUrl)),
  };
  delete env.DATABASE_URL;
  delete env.BANXUE_MODE;
  delete env.NODE_ENV;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not become healthy within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    dbPath,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless; Playwright gives it a fresh temporary profile and each context fresh storage. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    headless: true,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

async function demoSignIn(baseUrl: string, accountId: string) {
  const response = await fetch(`${baseUrl}/api/auth/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accountId }),
  });
  const session = await response.json();
  if (!session.token) throw new Error(`demo sign-in as ${accountId} failed: ${JSON.stringify(session)}`);
  return session as { token: string; expiresAt: string; me: unknown };
}

/** Calls the API directly as a demo user, to learn what the page is expected to show. */
export async function apiAs(baseUrl: string, accountId: string) {
  const session = await demoSignIn(baseUrl, accountId);
  return async <T>(route: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${route}`, { headers: { authorization: `Bearer ${session.token}` } });
    if (!response.ok) throw new Error(`${route} answered ${response.status}`);
    return (await response.json()) as T;
  };
}

/** Where the app keeps its session in localStorage. */
export const SESSION_KEY = 'banxue.session';

/** A fresh demo session for `accountId`, as the app stores it under SESSION_KEY after a sign-in. */
export async function demoSessionStorage(baseUrl: string, accountId: string): Promise<string> {
  const session = await demoSignIn(baseUrl, accountId);
  // Taro's h5 storage wraps every value as { data }.
  return JSON.stringify({ data: JSON.stringify({ state: { token: session.token, expiresAt: session.expiresAt, me: session.me }, version: 1 }) });
}

const SIGNED_IN_HOMES = ['sponsor-home', 'student-home', 'staff-home'].map((id) => `[data-testid="${id}"]`).join(', ');

export interface SignedInPage {
  page: Page;
  close(): Promise<void>;
}

/**
 * Opens the app in a fresh browser context as `accountId`: through its demo-login button when the
 * login page offers one, otherwise (the demo list shows a few people only) with a demo session put
 * where the app keeps it, as a sign-in would.
 */
export async function openAs(
  browser: Browser,
  baseUrl: string,
  accountId: string,
  viewport: { width: number; height: number } = { width: 390, height: 844 },
): Promise<SignedInPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 2, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.locator('[data-testid^="demo-user-"]').first().waitFor({ timeout: 30_000 });
  const button = page.getByTestId(`demo-user-${accountId}`);
  if ((await button.count()) > 0) {
    await button.click();
  } else {
    const stored = await demoSessionStorage(baseUrl, accountId);
    await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [SESSION_KEY, stored]);
    await page.goto(baseUrl);
  }
  // Signing in ends on the role's home; a test that navigates before that would race the redirect.
  await page.locator(SIGNED_IN_HOMES).filter({ visible: true }).first().waitFor({ timeout: 30_000 });
  return { page, close: () => context.close() };
}

/**
 * Records every Content-Security-Policy violation in any page of any context the browser opens: the
 * page's `securitypolicyviolation` events and the console's "Refused to … Content Security Policy" lines.
 */
function recordPolicyViolations(browser: Browser, violations: string[]): void {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.exposeBinding('__bxPolicyViolation', ({ page }, text: string) => void violations.push(`${page.url()} ${text}`));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __bxPolicyViolation: (text: string) => void }).__bxPolicyViolation;
        void report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
      });
    });
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(`${message.page()?.url() ?? ''} ${message.text()}`);
    });
    return context;
  };
}

function failOnPolicyViolations(violations: string[]): void {
  const seen = violations.splice(0);
  if (seen.length > 0) throw new Error(`Content-Security-Policy violations:\n${seen.join('\n')}`);
}

export interface BrowserSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * The set-up every browser test file shares: the h5 build, a fresh seeded server and Chromium before
 * the file's tests, both stopped after them. Read `server` and `browser` inside tests. `prepare` runs
 * once both are up (a second top-level `before` would not wait for them). A test during which a page
 * reported a Content-Security-Policy violation fails.
 */
export function browserSuite(
  prepare?: (suite: BrowserSuite) => Promise<void>,
  /** Services the server depends on (e.g. a fake payment platform): started first with the server's address, their settings passed to it, stopped last. */
  services?: { start(serverBaseUrl: string): Promise<NodeJS.ProcessEnv>; stop(): Promise<void> },
): BrowserSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const policyViolations: string[] = [];
  before(async () => {
    buildH5();
    server = await startServer(services && ((baseUrl) => services.start(baseUrl)));
    browser = await launchBrowser();
    recordPolicyViolations(browser, policyViolations);
    fs.mkdirSync(screenshotDir, { recursive: true });
    await prepare?.(suite);
  });
  afterEach(() => failOnPolicyViolations(policyViolations));
  after(async () => {
    await browser?.close();
    await server?.stop();
    await services?.stop();
    failOnPolicyViolations(policyViolations);
  });
  const suite: BrowserSuite = {
    get server() {
      if (!server) throw new Error('the server starts in the before hook');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in the before hook');
      return browser;
    },
  };
  return suite;
}

const MAX_SCREENSHOT_HEIGHT = 6000;

/** A full-page screenshot in e2e/screenshots/, named `<prefix><name>.png`. */
export function screenshotsFor(prefix = '') {
  return async (page: Page, name: string) => {
    // Let the h5 page transition finish, or the outgoing page is still beside the new one.
    await page.waitForTimeout(600);
    // h5 pages scroll inside their own container, so a full-page shot would stop at the window:
    // grow the window to the tallest scrolled content for the shot, then put it back.
    const viewport = page.viewportSize();
    const contentHeight = await page.evaluate(() =>
      Math.max(document.documentElement.scrollHeight, ...Array.from(document.querySelectorAll('*'), (el) => (el.scrollHeight > el.clientHeight + 1 ? el.scrollHeight : 0))),
    );
    if (viewport && contentHeight > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.min(contentHeight, MAX_SCREENSHOT_HEIGHT) });
    await page.screenshot({ path: path.join(screenshotDir, `${prefix}${name}.png`), fullPage: true });
    if (viewport) await page.setViewportSize(viewport);
  };
}

/** On h5 the pages below the current one stay in the document, hidden: look at the visible one only. */
export function shown(page: Page, testId: string) {
  return page.getByTestId(testId).filter({ visible: true });
}

/** Confirms Taro's h5 modal by its confirm button text. */
export async function confirmModal(page: Page, text: string) {
  const button = page.locator('.taro-modal__foot div', { hasText: text });
  await button.waitFor();
  await button.click();
}

/** Types into the input or text area inside the visible element with this test id. */
export async function fill(page: Page, testId: string, value: string) {
  const field = shown(page, testId).locator('input, textarea').first();
  await field.waitFor();
  await field.fill(value);
}
