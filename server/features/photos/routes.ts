import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../domain/api/common';
import { UploadedPhoto } from '../../../domain/api/letters';
import { registerPhotoMultipart, storeUploadedPhoto } from './upload';

/** Photo uploads for letters: one image per request, re-encoded and stripped before it is stored. */
const photoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Registered here, not globally: only this route accepts multipart bodies.
  await registerPhotoMultipart(app);

  app.post(
    '/api/letter-photos',
    {
      config: { access: { roles: ['sponsor', 'student'] } },
      schema: {
        tags: ['letters'],
        consumes: ['multipart/form-data'],
        response: { 201: UploadedPhoto, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody, 415: ErrorBody },
      },
    },
    async (request, reply) => {
      const uploaded = await storeUploadedPhoto(app, request, { fieldNames: ['photo'], folder: 'photos', ownerAccountId: request.principal!.accountId });
      return reply.status(201).send(uploaded);
    },
  );
};

export default photoRoutes;
