import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, Id } from '../../../domain/api/common';
import { NgoCredibility } from '../../../domain/api/credibility';
import { ngoCredibility } from './credibility';

const NgoIdParams = Type.Object({ id: Id }, { additionalProperties: false });

const credibilityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/ngos/:id/credibility',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['credibility'], params: NgoIdParams, response: { 200: NgoCredibility, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody } },
    },
    async (request) => ngoCredibility(app.db, request.params.id, app.clock.now()),
  );
};

export default credibilityRoutes;
