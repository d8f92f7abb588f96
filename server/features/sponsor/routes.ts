import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PageQuery } from '../../../domain/api/common';
import { SponsorshipPage } from '../../../domain/api/homes';
import { principalAs, SPONSOR } from '../../access/rules';
import { listSponsorships } from './repository';

const sponsorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/sponsor/sponsorships',
    {
      config: { access: SPONSOR },
      schema: { tags: ['sponsor'], querystring: PageQuery, response: { 200: SponsorshipPage, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody } },
    },
    async (request) =>
      listSponsorships(
        app.db,
        principalAs(request.principal, 'sponsor'),
        { limit: request.query.limit ?? 20, cursor: request.query.cursor },
        app.clock.now(),
      ),
  );
};

export default sponsorRoutes;
