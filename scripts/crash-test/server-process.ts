import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The real server (`node --import tsx server/main.ts`) as a child process on one SQLite file and one
 * port, which can be killed without warning and started again. `generation` counts the starts, so a
 * caller can tell which run of the server gave an answer.
 */
export class ServerProcess {
  generation = 0;
  /** Set when the server exited without being killed or stopped. */
  exitedUnexpectedly = false;
  private child: ChildProcess | null = null;
  private expectingExit = false;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: { root: string; port: number; env: Record<string, string>; logFile: string },
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  async start(): Promise<void> {
    if (this.child) throw new Error('the server is already running');
    const log = fs.openSync(this.options.logFile, 'a');
    const env: NodeJS.ProcessEnv = { ...process.env, ...this.options.env, HOST: '127.0.0.1', PORT: String(this.options.port) };
    // Never point the crash test at whatever database the caller's shell is configured for.
    delete env.DATABASE_URL;
    delete env.NODE_ENV;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('server', 'main.ts')], {
      cwd: this.options.root,
      env,
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    this.child = child;
    this.generation += 1;
    this.expectingExit = false;
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        if (!this.expectingExit) this.exitedUnexpectedly = true;
        resolve();
      }),
    );
    await this.waitUntilReady(child);
  }

  /** `kill -9`: no shutdown hooks, no flush, the open transaction (if any) cut off. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.expectingExit = true;
    child.kill('SIGKILL');
    await this.exited;
    this.child = null;
  }

  /** A clean stop (SIGTERM), or a kill when it does not stop in time. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.expectingExit = true;
    child.kill('SIGTERM');
    const stopped = await Promise.race([this.exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
    if (!stopped) child.kill('SIGKILL');
    await this.exited;
    this.child = null;
  }

  private async waitUntilReady(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        this.child = null;
        this.exitedUnexpectedly = false;
        throw new Error(`the server exited while starting (code ${child.exitCode}, signal ${child.signalCode}); see ${this.options.logFile}`);
      }
      try {
        const response = await fetch(`${this.baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
        if (response.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await sleep(100);
    }
    await this.kill();
    throw new Error(`the server did not answer /healthz within ${READY_TIMEOUT_MS / 1000} s; see ${this.options.logFile}`);
  }
}
