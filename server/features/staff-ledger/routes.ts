import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../domain/api/common';
import { UploadedPhoto } from '../../../domain/api/letters';
import {
  LedgerEntryView,
  RecordDisbursementBody,
  RecordPaymentBody,
  SponsorshipIdParams,
  StaffSponsorshipPage,
  StaffSponsorshipQuery,
} from '../../../domain/api/sponsorship';
import type { AccessRule } from '../../access/rules';
import { principalAs, STAFF } from '../../access/rules';
import { localeFrom } from '../../lib/messages';
import { registerPhotoMultipart, storeUploadedPhoto } from '../photos/upload';
import { recordDisbursement, recordPayment, staffSponsorships } from './service';

/** Recording money is the NGO admin's job; caseworkers may read. */
const NGO_ADMIN: AccessRule = { roles: ['ngo_admin'] };
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Receipt photos: multipart only here, re-encoded without metadata by the photo service. */
const receiptRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await registerPhotoMultipart(app);

  app.post(
    '/api/staff/receipts',
    {
      config: { access: NGO_ADMIN },
      schema: {
        tags: ['ledger'],
        consumes: ['multipart/form-data'],
        response: { 201: UploadedPhoto, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody, 415: ErrorBody },
      },
    },
    async (request, reply) => {
      const principal = principalAs(request.principal, 'caseworker', 'ngo_admin');
      const uploaded = await storeUploadedPhoto(app, request, {
        fieldNames: ['receipt', 'photo'],
        folder: 'receipts',
        ownerAccountId: principal.accountId,
      });
      return reply.status(201).send(uploaded);
    },
  );
};

/** NGO staff: the NGO's sponsorships, and recording payments received and disbursements made. */
const staffLedgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/staff/sponsorships',
    {
      config: { access: STAFF },
      schema: { tags: ['ledger'], querystring: StaffSponsorshipQuery, response: { 200: StaffSponsorshipPage, ...errors } },
    },
    async (request) =>
      staffSponsorships(app, principalAs(request.principal, 'caseworker', 'ngo_admin'), { limit: request.query.limit ?? 20, cursor: request.query.cursor }),
  );

  app.post(
    '/api/staff/sponsorships/:id/payments',
    {
      config: { access: NGO_ADMIN },
      schema: { tags: ['ledger'], params: SponsorshipIdParams, body: RecordPaymentBody, response: { 201: LedgerEntryView, ...errors } },
    },
    async (request, reply) => {
      const entry = await recordPayment(app, principalAs(request.principal, 'caseworker', 'ngo_admin'), request.params.id, request.body, localeFrom(request.headers['accept-language']));
      return reply.status(201).send(entry);
    },
  );

  app.post(
    '/api/staff/sponsorships/:id/disbursements',
    {
      config: { access: NGO_ADMIN },
      schema: { tags: ['ledger'], params: SponsorshipIdParams, body: RecordDisbursementBody, response: { 201: LedgerEntryView, ...errors } },
    },
    async (request, reply) => {
      const entry = await recordDisbursement(app, principalAs(request.principal, 'caseworker', 'ngo_admin'), request.params.id, request.body, localeFrom(request.headers['accept-language']));
      return reply.status(201).send(entry);
    },
  );

  await app.register(receiptRoutes);
};

export default staffLedgerRoutes;
