import multipart from '@fastify/multipart';
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
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { localeFrom } from '../../lib/messages';
import { insertUpload } from '../photos/repository';
import { PHOTO_MAX_BYTES, reencodePhoto } from '../photos/reencode';
import { recordDisbursement, recordPayment, staffSponsorships } from './service';

/** Recording money is the NGO admin's job; caseworkers may read. */
const NGO_ADMIN: AccessRule = { roles: ['ngo_admin'] };
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Receipt photos: multipart only here, re-encoded without metadata by the photo service. */
const receiptRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 0, parts: 2, headerPairs: 100 } });

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
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      let input: Buffer;
      try {
        const part = await request.file();
        if (!part || (part.fieldname !== 'receipt' && part.fieldname !== 'photo')) throw new AppError('PHOTO_MISSING');
        input = await part.toBuffer();
      } catch (error) {
        if (error instanceof AppError) throw error;
        const code = (error as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PHOTO_TOO_LARGE');
        if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError('PHOTO_MISSING');
        throw error;
      }
      if (input.length === 0) throw new AppError('PHOTO_MISSING');
      const photo = await reencodePhoto(input);
      const now = app.clock.now();
      const id = newId();
      const storageKey = `receipts/${now.toISOString().slice(0, 7)}/${id}.jpg`;
      await app.files.put(storageKey, photo.data);
      try {
        await insertUpload(app.db, { id, ownerAccountId: principal.accountId, storageKey, width: photo.width, height: photo.height, bytes: photo.data.length }, now);
      } catch (error) {
        await app.files.delete(storageKey);
        throw error;
      }
      return reply.status(201).send({ id, width: photo.width, height: photo.height, bytes: photo.data.length });
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
