import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { pingDatabase } from '../../plugins/database';

const Health = Type.Object({ status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]), database: Type.String() });

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { tags: ['health'], response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      const ok = await pingDatabase(app.db);
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database: ok ? 'ok' : 'unreachable' });
    },
  );
};

export default healthRoutes;
