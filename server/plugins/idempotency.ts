import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import type { RouteHandlerMethod } from 'fastify';
import type { Db } from '../db/connect';
import { runGuarded } from '../db/guarded-writes';
import type { IdempotencyKeyTable } from '../db/schema';
import { AppError } from '../lib/errors';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
const TTL_HOURS = 24;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { accountId: string; key: string } | null;
  }
}

function requestHash(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${url}\n${JSON.stringify(body ?? null)}`).digest('hex');
}

interface Claim {
  account_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  now: Date;
  leaseMs: number;
}

async function claimKey(db: Db, claim: Claim): Promise<boolean> {
  const at = claim.now.toISOString();
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      account_id: claim.account_id,
      key: claim.key,
      method: claim.method,
      path: claim.path,
      request_hash: claim.request_hash,
      state: 'in_progress',
      lease_until: new Date(claim.now.getTime() + claim.leaseMs).toISOString(),
      response_status: null,
      response_body: null,
      created_at: at,
      expires_at: new Date(claim.now.getTime() + TTL_HOURS * 3600_000).toISOString(),
    })
    .onConflict((oc) => oc.columns(['account_id', 'key']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Takes over a claim whose request died before committing anything (its lease ran out); one retry wins. */
async function takeOverLapsedClaim(db: Db, existing: IdempotencyKeyTable, claim: Claim): Promise<boolean> {
  if (existing.lease_until === null || existing.lease_until > claim.now.toISOString()) return false;
  const taken = await db
    .updateTable('idempotency_keys')
    .set({ lease_until: new Date(claim.now.getTime() + claim.leaseMs).toISOString() })
    .where('account_id', '=', claim.account_id)
    .where('key', '=', claim.key)
    .where('state', '=', 'in_progress')
    .where('lease_until', '=', existing.lease_until)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/**
 * Makes signed-in POSTs safe to retry. The first request with an `Idempotency-Key` claims it for a
 * short lease; every write the handler commits marks the key `committed` in the same transaction
 * (`db/guarded-writes`); the response is stored when sent and replayed to retries. So after a crash
 * at any point a retry either runs the write (nothing was committed: the lease lapsed) or is told
 * it already happened (`IDEMPOTENCY_COMMITTED` when the answer was lost, the stored answer otherwise),
 * never both. The same key with another body is refused (422); a retry while the first request is
 * still running gets 409 `IDEMPOTENCY_IN_PROGRESS`. Keys expire after a day.
 */
export default fp(
  async (app) => {
    app.decorateRequest('idempotency', null);
    const leaseMs = app.config.idempotencyLeaseSeconds * 1000;

    // Each POST handler runs with its key (if claimed) in scope, so the database marks the key with its writes.
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (!methods.includes('POST')) return;
      const handler = route.handler as RouteHandlerMethod;
      route.handler = function guardedHandler(request, reply) {
        const claim = request.idempotency;
        return claim ? runGuarded(claim, () => handler.call(this, request, reply)) : handler.call(this, request, reply);
      };
    });

    app.addHook('preHandler', async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (request.method !== 'POST' || typeof key !== 'string' || !request.principal) return;
      if (!KEY_PATTERN.test(key)) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'header.idempotency-key', message: 'idempotency_key' }] });
      const accountId = request.principal.accountId;
      const claim: Claim = {
        account_id: accountId,
        key,
        method: request.method,
        path: request.routeOptions.url ?? request.url,
        request_hash: requestHash(request.method, request.url, request.body),
        now: app.clock.now(),
        leaseMs,
      };
      await app.db.deleteFrom('idempotency_keys').where('account_id', '=', accountId).where('key', '=', key).where('expires_at', '<=', claim.now.toISOString()).execute();
      if (await claimKey(app.db, claim)) {
        request.idempotency = { accountId, key };
        return;
      }
      const existing = await app.db.selectFrom('idempotency_keys').selectAll().where('account_id', '=', accountId).where('key', '=', key).executeTakeFirstOrThrow();
      if (existing.request_hash !== claim.request_hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      if (existing.state === 'committed') throw new AppError('IDEMPOTENCY_COMMITTED');
      if (existing.state === 'in_progress') {
        if (!(await takeOverLapsedClaim(app.db, existing, claim))) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
        request.idempotency = { accountId, key };
        return;
      }
      reply.header('idempotent-replay', 'true').status(existing.response_status ?? 200);
      if (existing.response_body === null) return reply.send();
      return reply.type('application/json; charset=utf-8').send(existing.response_body);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const claim = request.idempotency;
      if (!claim) return payload;
      request.idempotency = null;
      const thisKey = app.db.updateTable('idempotency_keys').where('account_id', '=', claim.accountId).where('key', '=', claim.key);
      if (reply.statusCode >= 500) {
        // A failure on our side is not an answer: a retry runs again, unless a write was committed.
        await app.db.deleteFrom('idempotency_keys').where('account_id', '=', claim.accountId).where('key', '=', claim.key).where('state', '=', 'in_progress').execute();
      } else {
        await thisKey
          .set({ state: 'done', lease_until: null, response_status: reply.statusCode, response_body: typeof payload === 'string' && payload !== '' ? payload : null })
          .execute();
      }
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['database', 'access'] },
);
