import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PageQuery } from '../../../domain/api/common';
import { SponsorshipPage } from '../../../domain/api/homes';
import { Reservation } from '../../../domain/api/pool';
import { AfterLeavingBody, RenewBody, SponsorshipDetail, SponsorshipIdParams } from '../../../domain/api/sponsorship';
import { principalAs, SPONSOR } from '../../access/rules';
import { CLOCK_SLICE_MS } from '../../plugins/page-cache';
import { chooseAfterLeaving } from './after-leaving';
import { renewSponsorship, sponsorshipDetail } from './detail';
import { listSponsorships } from './repository';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

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

  app.get(
    '/api/sponsor/sponsorships/:id',
    {
      config: { access: SPONSOR, pageCache: { page: 'detail', sponsorshipOf: (request) => (request.params as { id: string }).id, sliceMs: CLOCK_SLICE_MS } },
      schema: { tags: ['sponsor'], params: SponsorshipIdParams, response: { 200: SponsorshipDetail, ...errors } },
    },
    async (request) => sponsorshipDetail(app, principalAs(request.principal, 'sponsor'), request.params.id),
  );

  app.post(
    '/api/sponsor/sponsorships/:id/renew',
    {
      config: { access: SPONSOR },
      schema: { tags: ['sponsor'], params: SponsorshipIdParams, body: RenewBody, response: { 200: SponsorshipDetail, ...errors } },
    },
    async (request) => renewSponsorship(app, principalAs(request.principal, 'sponsor'), request.params.id, request.body),
  );

  app.post(
    '/api/sponsor/sponsorships/:id/after-leaving',
    {
      config: { access: SPONSOR },
      schema: {
        tags: ['sponsor'],
        params: SponsorshipIdParams,
        body: AfterLeavingBody,
        // wait / end: the sponsorship as it is now; sponsor_another: 201 and the new student's review step.
        response: { 200: SponsorshipDetail, 201: Reservation, ...errors },
      },
    },
    async (request, reply) => {
      const outcome = await chooseAfterLeaving(app, principalAs(request.principal, 'sponsor'), request.params.id, request.body);
      return outcome.kind === 'reservation' ? reply.status(201).send(outcome.reservation) : reply.status(200).send(outcome.detail);
    },
  );
};

export default sponsorRoutes;
