import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PageQuery } from '../../../domain/api/common';
import { SponsorshipIdParams, TimelinePage } from '../../../domain/api/sponsorship';
import { principalAs, SPONSOR } from '../../access/rules';
import { localeFrom } from '../../lib/messages';
import { sponsorTimeline } from './service';

const timelineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/sponsor/sponsorships/:id/timeline',
    {
      config: { access: SPONSOR, pageCache: { page: 'timeline', sponsorshipOf: (request) => (request.params as { id: string }).id } },
      schema: {
        tags: ['sponsor'],
        params: SponsorshipIdParams,
        querystring: PageQuery,
        response: { 200: TimelinePage, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) =>
      sponsorTimeline(
        app,
        principalAs(request.principal, 'sponsor'),
        request.params.id,
        { limit: request.query.limit ?? 20, cursor: request.query.cursor },
        localeFrom(request.headers['accept-language']),
      ),
  );
};

export default timelineRoutes;
