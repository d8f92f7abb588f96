import fp from 'fastify-plugin';
import { isAllowed } from '../access/rules';
import { SessionCache } from '../access/session-cache';
import { hashToken, sessionForTokenHash } from '../features/auth/sessions';
import { isTokenOfDeletedSponsor } from '../features/sponsor-rights/repository';
import { AppError } from '../lib/errors';
import type { Principal } from '../access/principal';

declare module 'fastify' {
  interface FastifyInstance {
    /** Sessions resolved in this process; forget one here when it is revoked. */
    sessionCache: SessionCache;
  }
}

/** How long a resolved session is trusted without asking the database: the bound on a revocation elsewhere. */
export const SESSION_CACHE_TTL_MS = 5_000;
const SESSION_CACHE_MAX_ENTRIES = 10_000;

const UNCHECKED_PREFIXES = ['/api/docs'];

function requiresDeclaredAccess(url: string): boolean {
  return (url === '/healthz' || url.startsWith('/api/')) && !UNCHECKED_PREFIXES.some((p) => url.startsWith(p));
}

/**
 * Authentication and role checks for every route, in one place. A route states who may call it in
 * `config.access`; a route that forgets is refused at start-up rather than left open.
 */
export default fp(
  async (app) => {
    app.decorateRequest('principal', null);
    app.decorate('sessionCache', new SessionCache(SESSION_CACHE_TTL_MS, SESSION_CACHE_MAX_ENTRIES));

    async function principalFor(token: string, now: Date): Promise<Principal | null> {
      const tokenHash = hashToken(token);
      const cached = app.sessionCache.get(tokenHash, now);
      if (cached) return cached;
      const session = await sessionForTokenHash(app.db, tokenHash, now);
      if (!session) return null;
      app.sessionCache.remember(tokenHash, session.principal, session.expiresAt, now);
      return session.principal;
    }

    app.addHook('onRoute', (route) => {
      if (!requiresDeclaredAccess(route.url)) return;
      if (!route.config?.access) {
        throw new Error(`Route ${String(route.method)} ${route.url} must declare config.access`);
      }
      if (!route.schema?.response) {
        throw new Error(`Route ${String(route.method)} ${route.url} must declare its response schema`);
      }
    });

    app.addHook('preValidation', async (request) => {
      const rule = request.routeOptions.config.access;
      if (!rule) return;
      const header = request.headers.authorization;
      const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
      if (token) request.principal = await principalFor(token, app.clock.now());
      if (isAllowed(rule, request.principal)) return;
      // Someone whose account is deleted (a retry of the deletion, another tab) is told so, not asked to sign in again.
      if (token && !request.principal && (await isTokenOfDeletedSponsor(app.db, hashToken(token)))) throw new AppError('ACCOUNT_DELETED');
      throw new AppError(request.principal ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    });
  },
  { name: 'access', dependencies: ['database'] },
);
