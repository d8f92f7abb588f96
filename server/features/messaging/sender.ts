import type { FastifyInstance } from 'fastify';

export interface OutboxReport {
  sent: number;
  retried: number;
  refused: number;
  failed: number;
}

/** Sends the platform messages that are due, each claimed by one process at a time. */
export async function sendDueMessages(_app: FastifyInstance, _now: Date): Promise<OutboxReport> {
  throw new Error('the message outbox is not built yet');
}
