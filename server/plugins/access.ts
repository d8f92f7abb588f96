import fp from 'fastify-plugin';
import { isAllowed } from '../access/rules';
import { principalForToken } from '../features/auth/sessions';
import { AppError } from '../lib/errors';

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
      if (token) request.principal = await principalForToken(app.db, token, app.clock.now());
      if (isAllowed(rule, request.principal)) return;
      throw new AppError(request.principal ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    });
  },
  { name: 'access', dependencies: ['database'] },
);
