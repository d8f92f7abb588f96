import fp from 'fastify-plugin';
import type { Db } from '../db/connect';

export const CLEANUP_INTERVAL_MS = 10 * 60 * 1000;
export const CLEANUP_BATCH = 500;

/**
 * Deletes expired idempotency keys in bounded batches (so one sweep never holds a long lock), up to
 * `maxBatches`. Returns how many rows went.
 */
export async function cleanupExpiredIdempotencyKeys(db: Db, now: Date, batch = CLEANUP_BATCH, maxBatches = 20): Promise<number> {
  const nowIso = now.toISOString();
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const rows = await db
      .selectFrom('idempotency_keys')
      .select(['account_id', 'key'])
      .where('expires_at', '<=', nowIso)
      .orderBy('expires_at')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const res = await db
        .deleteFrom('idempotency_keys')
        .where('account_id', '=', r.account_id)
        .where('key', '=', r.key)
        .where('expires_at', '<=', nowIso)
        .executeTakeFirst();
      total += Number(res.numDeletedRows);
    }
    if (rows.length < batch) break;
  }
  return total;
}

/** Sweeps expired idempotency keys every 10 minutes; the timer never keeps the process alive. */
export default fp(
  async (app) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      cleanupExpiredIdempotencyKeys(app.db, app.clock.now())
        .then((n) => {
          if (n > 0) app.log.info({ deleted: n }, 'expired idempotency keys removed');
        })
        .catch((error: unknown) => app.log.warn({ err: error }, 'idempotency key cleanup failed'))
        .finally(() => {
          running = false;
        });
    }, CLEANUP_INTERVAL_MS);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'idempotency-cleanup', dependencies: ['database'] },
);
