import type { PlannedWrite } from './workload';

export type Outcome =
  /** `first`: a 2xx that ran the write; `replay`: the stored first answer; `committed`: 409 IDEMPOTENCY_COMMITTED ("already saved"). */
  | { kind: 'acknowledged'; how: 'first' | 'replay' | 'committed' }
  /** A 4xx the outbox would not retry. */
  | { kind: 'failed'; answer: string }
  /** Still `409 IDEMPOTENCY_IN_PROGRESS` from a server started after the key was first sent, for longer than the patience. */
  | { kind: 'stuck' }
  /** No final answer before the run's hard deadline. */
  | { kind: 'unfinished'; answer: string };

export interface Delivery {
  write: PlannedWrite;
  outcome: Outcome;
  attempts: number;
}

export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  requestTimeoutMs: number;
  /** How long a key may keep answering "in progress" after a restart before it counts as stuck. */
  stuckAfterMs: number;
  /** Epoch ms after which nothing more is sent. */
  hardDeadline: number;
}

/** What the client needs of the server: its address and which start of it is answering. */
export interface ServerHandle {
  readonly baseUrl: string;
  readonly generation: number;
}

interface Answer {
  status: number;
  code: string | null;
  replay: boolean;
  generation: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function send(server: ServerHandle, write: PlannedWrite, timeoutMs: number): Promise<Answer | null> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${write.persona.token}`,
    'idempotency-key': write.key,
    'accept-language': 'zh-CN',
  };
  if (write.body) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(`${server.baseUrl}${write.path}`, {
      method: 'POST',
      headers,
      body: write.body ? JSON.stringify(write.body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let code: string | null = null;
    if (response.status >= 400) {
      try {
        code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
      } catch {
        code = null;
      }
    }
    return { status: response.status, code, replay: response.headers.get('idempotent-replay') === 'true', generation: server.generation };
  } catch {
    // Refused, reset or timed out: the server may or may not have the write.
    return null;
  }
}

/** The app outbox's retry rule: no answer, 408, 429, 5xx and 409 IDEMPOTENCY_IN_PROGRESS are tried again. */
const isRetried = (answer: Answer | null) =>
  !answer || answer.status === 408 || answer.status === 429 || answer.status >= 500 || (answer.status === 409 && answer.code === 'IDEMPOTENCY_IN_PROGRESS');

const describe = (answer: Answer | null) => (answer ? `${answer.status} ${answer.code ?? ''}`.trim() : 'no answer');

/**
 * Delivers one write the way the app's outbox does (`src/lib/outbox/core.ts`): the same key and body
 * on every attempt, exponential backoff with ±50% jitter, on a shorter scale so a run stays short.
 */
export async function deliver(server: ServerHandle, write: PlannedWrite, policy: RetryPolicy): Promise<Delivery> {
  const firstGeneration = server.generation;
  let inProgressSince: number | null = null;
  for (let attempts = 1; ; attempts += 1) {
    const answer = await send(server, write, policy.requestTimeoutMs);
    if (answer && answer.status >= 200 && answer.status < 300) {
      return { write, attempts, outcome: { kind: 'acknowledged', how: answer.replay ? 'replay' : 'first' } };
    }
    if (answer?.status === 409 && answer.code === 'IDEMPOTENCY_COMMITTED') {
      return { write, attempts, outcome: { kind: 'acknowledged', how: 'committed' } };
    }
    if (!isRetried(answer)) return { write, attempts, outcome: { kind: 'failed', answer: describe(answer) } };

    const inProgressAfterRestart = answer?.code === 'IDEMPOTENCY_IN_PROGRESS' && answer.generation > firstGeneration;
    if (!inProgressAfterRestart) inProgressSince = null;
    else inProgressSince ??= Date.now();
    if (inProgressSince !== null && Date.now() - inProgressSince >= policy.stuckAfterMs) return { write, attempts, outcome: { kind: 'stuck' } };
    if (Date.now() >= policy.hardDeadline) return { write, attempts, outcome: { kind: 'unfinished', answer: describe(answer) } };

    const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1));
    await sleep(delay * (0.5 + Math.random()));
  }
}
