import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../domain/api/common';
import { Ledger, SponsorshipIdParams } from '../../../domain/api/sponsorship';
import { principalAs, STAFF } from '../../access/rules';
import { localeFrom } from '../../lib/messages';
import { CLOCK_SLICE_MS } from '../../plugins/page-cache';
import { sponsorshipLedger } from './service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** A sponsorship's ledger: the sponsor's own, or any of the NGO's for its staff. */
const ledgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/sponsor/sponsorships/:id/ledger',
    {
      config: {
        access: { roles: ['sponsor', 'caseworker', 'ngo_admin'] },
        pageCache: { page: 'ledger', sponsorshipOf: (request) => (request.params as { id: string }).id, sliceMs: CLOCK_SLICE_MS },
      },
      schema: { tags: ['ledger'], params: SponsorshipIdParams, response: { 200: Ledger, ...errors } },
    },
    async (request) =>
      sponsorshipLedger(app, principalAs(request.principal, 'sponsor', 'caseworker', 'ngo_admin'), request.params.id, localeFrom(request.headers['accept-language'])),
  );

  app.get(
    '/api/staff/sponsorships/:id/ledger',
    {
      config: { access: STAFF },
      schema: { tags: ['ledger'], params: SponsorshipIdParams, response: { 200: Ledger, ...errors } },
    },
    async (request) =>
      sponsorshipLedger(app, principalAs(request.principal, 'caseworker', 'ngo_admin'), request.params.id, localeFrom(request.headers['accept-language'])),
  );
};

export default ledgerRoutes;
