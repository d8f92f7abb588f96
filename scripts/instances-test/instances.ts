import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';

const READY_TIMEOUT_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The time every instance reads (BANXUE_CLOCK_FILE): written elsewhere and renamed, so no reader sees half of it. */
export class ClockFile {
  constructor(readonly file: string) {}

  set(at: Date) {
    fs.writeFileSync(`${this.file}.next`, at.toISOString());
    fs.renameSync(`${this.file}.next`, this.file);
  }
}

export interface JobError {
  instance: number;
  message: string;
}

/** One slot of the cluster: a real server process (`node --import tsx server/main.ts`) that can be killed and started again. */
class Instance {
  child: ChildProcess | null = null;
  starts = 0;
  /** The loopback port of the latest start. */
  port = 0;
  /** Started and answering /healthz, with its jobs scheduled. */
  up = false;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    readonly index: number,
    private readonly cluster: Cluster,
  ) {}

  async start(): Promise<void> {
    const port = await freePort();
    this.port = port;
    const log = fs.createWriteStream(path.join(this.cluster.options.logDir, `instance-${this.index}.log`), { flags: 'a' });
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('server', 'main.ts')], {
      cwd: this.cluster.options.root,
      env: { ...process.env, NODE_ENV: '', ...this.cluster.options.env, ...this.cluster.options.envOf?.(this.index), HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.up = false;
    this.starts += 1;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.stderr!.pipe(log);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      log.write(`${line}\n`);
      this.cluster.read(this.index, line);
    });
    child.once('exit', () => log.end());
    const spawnedAt = Date.now();
    const ready = this.waitUntilReady(child, port);
    this.cluster.ready.set(this.index, ready);
    void ready.then((ok) => {
      this.up = ok && this.child === child;
      if (ok) this.cluster.startupMs.push(Date.now() - spawnedAt);
    });
  }

  /** `kill -9`: no shutdown hooks; whatever it was doing is cut off mid-way. */
  async kill(): Promise<void> {
    this.up = false;
    this.child?.kill('SIGKILL');
    await this.exited;
    this.child = null;
  }

  async stop(): Promise<void> {
    this.up = false;
    this.child?.kill('SIGTERM');
    const stopped = await Promise.race([this.exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!stopped) await this.kill();
    this.child = null;
  }

  private async waitUntilReady(child: ChildProcess, port: number): Promise<boolean> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) })).status === 200) return true;
      } catch {
        // Not listening yet.
      }
      await sleep(100);
    }
    return false;
  }
}

/**
 * Several server instances on one database with the jobs on, each reading the time from the clock
 * file. The cluster reads their JSON log lines: when each sweep finished (the `now` it swept at)
 * and any job that failed.
 */
export class Cluster {
  readonly instances: Instance[];
  readonly ready = new Map<number, Promise<boolean>>();
  readonly jobErrors: JobError[] = [];
  /** How long each start took until /healthz answered. */
  readonly startupMs: number[] = [];
  kills = 0;
  /** The latest `now` a sweep finished at, on any instance (ms). */
  sweptUpTo = Number.NEGATIVE_INFINITY;

  constructor(
    readonly options: {
      root: string;
      size: number;
      env: Record<string, string>;
      /** What one instance sets differently from the rest (e.g. which instance runs the jobs). */
      envOf?: (index: number) => Record<string, string>;
      logDir: string;
    },
  ) {
    this.instances = Array.from({ length: options.size }, (_, i) => new Instance(i, this));
  }

  read(index: number, line: string) {
    if (!line.startsWith('{')) return;
    let entry: { level?: number; msg?: string; sweptAt?: string; err?: { message?: string } };
    try {
      entry = JSON.parse(line);
    } catch {
      return;
    }
    if (entry.msg === 'silence sweep finished' && entry.sweptAt) this.sweptUpTo = Math.max(this.sweptUpTo, Date.parse(entry.sweptAt));
    if ((entry.level ?? 0) >= 50) this.jobErrors.push({ instance: index, message: `${entry.msg}: ${entry.err?.message ?? ''}`.trim() });
  }

  async startAll(): Promise<void> {
    await Promise.all(this.instances.map((i) => i.start()));
    await this.allReady();
  }

  async allReady(): Promise<void> {
    const states = await Promise.all(this.instances.map((i) => this.ready.get(i.index)));
    const failed = states.flatMap((ok, i) => (ok ? [] : [i]));
    if (failed.length) throw new Error(`instance(s) ${failed.join(', ')} did not become ready; see their logs in ${this.options.logDir}`);
  }

  /**
   * Kills a random instance that is up with SIGKILL and starts it again at once (it catches up while
   * the others work). One still starting is left alone: killed again before it is up, a slow start
   * would never end. Returns the instance killed, or null when none is up.
   */
  async killOneAndRestart(): Promise<number | null> {
    const up = this.instances.filter((i) => i.up);
    if (up.length === 0) return null;
    const victim = up[Math.floor(Math.random() * up.length)];
    await victim.kill();
    this.kills += 1;
    await victim.start();
    return victim.index;
  }

  get starts(): number {
    return this.instances.reduce((n, i) => n + i.starts, 0);
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.instances.map((i) => i.stop()));
  }
}
