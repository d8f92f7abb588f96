import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../domain/api/common';
import { UploadedPhoto } from '../../../domain/api/letters';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { insertUpload } from './repository';
import { PHOTO_MAX_BYTES, reencodePhoto } from './reencode';

/** Photo uploads for letters: one image per request, re-encoded and stripped before it is stored. */
const photoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Registered here, not globally: only this route accepts multipart bodies.
  await app.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 0, parts: 2, headerPairs: 100 } });

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
      const principal = request.principal!;
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      let input: Buffer;
      try {
        const part = await request.file();
        if (!part || part.fieldname !== 'photo') throw new AppError('PHOTO_MISSING');
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
      const storageKey = `photos/${now.toISOString().slice(0, 7)}/${id}.jpg`;
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

export default photoRoutes;
