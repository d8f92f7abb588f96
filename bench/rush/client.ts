import { randomUUID } from 'node:crypto';
import { Agent, type Dispatcher, type FormData, request } from 'undici';

export type CallKind = 'pool' | 'pool student' | 'reserve' | 'confirm' | 'photo' | 'upload' | 'release';

export interface Answer {
  /** 0 when the request failed before an answer (connection refused, reset, timed out). */
  status: number;
  /** The parsed JSON body; for a photo, its bytes. */
  body: unknown;
  bytes: number;
}

/**
 * The bench's own load balancer: keep-alive connections to every instance, requests spread round
 * robin (or sent to the instance named), each timed and counted by kind and status.
 */
export class RoundRobinClient {
  private next = 0;
  // Up to 100 kept-alive connections per instance, as a load balancer would hold: opening one per
  // sponsor at the peak overflows an instance's accept queue before it answers anyone.
  private readonly agent = new Agent({ connections: 100, keepAliveTimeout: 30_000, connectTimeout: 30_000 });
  readonly latencies = new Map<CallKind, number[]>();
  /** `kind status code` → count, for every answer that is not a 2xx. */
  readonly failures = new Map<string, number>();

  constructor(readonly origins: string[]) {}

  pick(): number {
    const index = this.next;
    this.next = (this.next + 1) % this.origins.length;
    return index;
  }

  async call(kind: CallKind, method: 'GET' | 'POST', path: string, options: { token?: string; json?: unknown; instance?: number; body?: FormData } = {}): Promise<Answer> {
    const origin = this.origins[options.instance ?? this.pick()];
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    // As the app does: every POST carries a fresh key; a retry of the same operation would reuse it.
    if (method === 'POST') headers['idempotency-key'] = randomUUID();
    let payload: string | FormData | undefined = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(options.json);
    }
    const started = performance.now();
    let response: Dispatcher.ResponseData;
    let raw: Buffer;
    try {
      response = await request(`${origin}${path}`, { method, headers, body: payload, dispatcher: this.agent });
      raw = Buffer.from(await response.body.arrayBuffer());
    } catch (error) {
      const label = `${kind} ${(error as { code?: string }).code ?? 'network error'}`;
      this.failures.set(label, (this.failures.get(label) ?? 0) + 1);
      return { status: 0, body: null, bytes: 0 };
    }
    const ms = performance.now() - started;
    if (!this.latencies.has(kind)) this.latencies.set(kind, []);
    this.latencies.get(kind)!.push(ms);
    const isJson = String(response.headers['content-type'] ?? '').startsWith('application/json');
    const body = isJson ? JSON.parse(raw.toString('utf8')) : raw;
    if (response.statusCode >= 300) {
      const code = (body as { error?: { code?: string } }).error?.code ?? '';
      const label = `${kind} ${response.statusCode} ${code}`.trim();
      this.failures.set(label, (this.failures.get(label) ?? 0) + 1);
    }
    return { status: response.statusCode, body, bytes: raw.length };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/** The value below which `share` of the sorted samples fall (nearest rank). */
export function percentile(samples: number[], share: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
}
