import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../domain/api/common';
import { AccountDeleted, DeleteAccountBody, SponsorDataExport } from '../../../domain/api/sponsor-data';
import { principalAs, SPONSOR } from '../../access/rules';
import { localeFrom } from '../../lib/messages';
import { deleteSponsorAccount } from './deletion';
import { exportSponsorData } from './export';

/** A sponsor's rights over their personal data: a copy of all of it, and deleting the account. */
const sponsorRightsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/sponsor/me/data',
    {
      config: { access: SPONSOR },
      schema: { tags: ['sponsor'], response: { 200: SponsorDataExport, 401: ErrorBody, 403: ErrorBody } },
    },
    async (request) => exportSponsorData(app, principalAs(request.principal, 'sponsor'), localeFrom(request.headers['accept-language'])),
  );

  app.post(
    '/api/sponsor/me/delete',
    {
      config: { access: SPONSOR },
      schema: {
        tags: ['sponsor'],
        body: DeleteAccountBody,
        response: { 200: AccountDeleted, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => deleteSponsorAccount(app, principalAs(request.principal, 'sponsor')),
  );
};

export default sponsorRightsRoutes;
