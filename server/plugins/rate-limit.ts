import fp from 'fastify-plugin';
import rateLimit, { type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connect';

const CLEANUP_INTERVAL_MS = 10 * 60_000;

/**
 * Counts one hit on `key` in a fixed window that starts with the first hit, in one statement (the
 * database is the compare-and-set), so every instance counts against the same number.
 */
export async function countHit(db: Db, key: string, windowMs: number, now: Date): Promise<{ count: number; windowEndsAt: string }> {
  const at = now.toISOString();
  const windowEndsAt = new Date(now.getTime() + windowMs).toISOString();
  const expired = sql<boolean>`rate_limit_counters.window_ends_at <= ${at}`;
  const row = await db
    .insertInto('rate_limit_counters')
    .values({ key, count: 1, window_ends_at: windowEndsAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when ${expired} then 1 else rate_limit_counters.count + 1 end`,
        window_ends_at: sql<string>`case when ${expired} then ${windowEndsAt} else rate_limit_counters.window_ends_at end`,
      }),
    )
    .returning(['count', 'window_ends_at'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), windowEndsAt: row.window_ends_at };
}

/** The hits counted in each key's current window (0 for a key without one). */
export async function currentCounts(db: Db, keys: string[], now: Date): Promise<Map<string, number>> {
  const rows = await db.selectFrom('rate_limit_counters').select(['key', 'count']).where('key', 'in', keys).where('window_ends_at', '>', now.toISOString()).execute();
  const counts = new Map(keys.map((key) => [key, 0]));
  for (const row of rows) counts.set(row.key, Number(row.count));
  return counts;
}

interface RouteLimitOptions {
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * `@fastify/rate-limit`'s store interface over `countHit`, one key space per route. The library
 * passes each route's window as a third argument its type declarations leave out.
 */
function databaseStore(app: FastifyInstance, prefix = ''): FastifyRateLimitStore {
  return {
    incr(key, callback, timeWindow = 60_000) {
      const now = app.clock.now();
      countHit(app.db, `${prefix}${key}`, timeWindow, now).then(
        ({ count, windowEndsAt }) => callback(null, { current: count, ttl: Date.parse(windowEndsAt) - now.getTime() }),
        (error: Error) => callback(error),
      );
    },
    child(options) {
      const { method, url } = (options as RouteLimitOptions).routeInfo ?? {};
      return databaseStore(app, `${[method].flat().join(',')} ${url ?? ''}:`);
    },
  };
}

/**
 * Request rate limits (`@fastify/rate-limit`, per route, opted into with `config.rateLimit`) counted
 * in the database, so a limit holds across every instance behind a load balancer; expired counters
 * are swept every 10 minutes.
 */
export default fp(
  async (app) => {
    await app.register(rateLimit, {
      global: false,
      store: function DatabaseStore() {
        return databaseStore(app);
      } as unknown as FastifyRateLimitStoreCtor,
    });
    const timer = setInterval(() => {
      app.db
        .deleteFrom('rate_limit_counters')
        .where('window_ends_at', '<=', app.clock.now().toISOString())
        .execute()
        .catch((error: unknown) => app.log.warn({ err: error }, 'rate-limit counter cleanup failed'));
    }, CLEANUP_INTERVAL_MS);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'rate-limit', dependencies: ['database'] },
);
