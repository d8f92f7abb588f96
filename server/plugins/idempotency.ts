import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import type { Db } from '../db/connect';
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

async function claimKey(db: Db, row: { account_id: string; key: string; method: string; path: string; request_hash: string; now: Date }) {
  const at = row.now.toISOString();
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      account_id: row.account_id,
      key: row.key,
      method: row.method,
      path: row.path,
      request_hash: row.request_hash,
      state: 'in_progress',
      response_status: null,
      response_body: null,
      created_at: at,
      expires_at: new Date(row.now.getTime() + TTL_HOURS * 3600_000).toISOString(),
    })
    .onConflict((oc) => oc.columns(['account_id', 'key']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Makes signed-in POSTs safe to retry: the first response to an `Idempotency-Key` is stored and
 * replayed; the same key with another body is refused (422), and so is a replay while the first
 * request is still running (409). Keys expire after a day.
 */
export default fp(
  async (app) => {
    app.decorateRequest('idempotency', null);

    app.addHook('preHandler', async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (request.method !== 'POST' || typeof key !== 'string' || !request.principal) return;
      if (!KEY_PATTERN.test(key)) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'header.idempotency-key', message: 'maxLength' }] });
      const accountId = request.principal.accountId;
      const path = request.routeOptions.url ?? request.url;
      const hash = requestHash(request.method, request.url, request.body);
      const now = app.clock.now();
      await app.db.deleteFrom('idempotency_keys').where('account_id', '=', accountId).where('key', '=', key).where('expires_at', '<=', now.toISOString()).execute();
      if (await claimKey(app.db, { account_id: accountId, key, method: request.method, path, request_hash: hash, now })) {
        request.idempotency = { accountId, key };
        return;
      }
      const existing = await app.db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (existing.request_hash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      if (existing.state === 'in_progress') throw new AppError('IDEMPOTENCY_IN_PROGRESS');
      reply.header('idempotent-replay', 'true').status(existing.response_status ?? 200);
      if (existing.response_body === null) return reply.send();
      return reply.type('application/json; charset=utf-8').send(existing.response_body);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const claim = request.idempotency;
      if (!claim) return payload;
      request.idempotency = null;
      const query = app.db.updateTable('idempotency_keys').where('account_id', '=', claim.accountId).where('key', '=', claim.key);
      if (reply.statusCode >= 500) {
        // A failure on our side is not an answer: let the retry run again.
        await app.db.deleteFrom('idempotency_keys').where('account_id', '=', claim.accountId).where('key', '=', claim.key).execute();
      } else {
        await query
          .set({ state: 'done', response_status: reply.statusCode, response_body: typeof payload === 'string' && payload !== '' ? payload : null })
          .execute();
      }
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['database', 'access'] },
);
