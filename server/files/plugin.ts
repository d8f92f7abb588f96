import fp from 'fastify-plugin';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../domain/api/common';
import { AppError } from '../lib/errors';
import { fileUrl, verifyFileToken } from './signed-url';
import { S3Storage } from './s3-storage';
import { LocalFolderStorage, type FileStorage } from './storage';

declare module 'fastify' {
  interface FastifyInstance {
    files: FileStorage;
    /** A short-lived signed URL (relative to the server) for a stored file. */
    signedFileUrl(key: string): string;
  }
}

const FileParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 400 }) }, { additionalProperties: false });

const fileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/files/:token',
    {
      // No session: an image tag cannot send one. The signed, expiring token is the authorization.
      config: { access: 'public' },
      schema: {
        tags: ['files'],
        params: FileParams,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const now = app.clock.now();
      const check = verifyFileToken(app.config.fileUrlSecret, request.params.token, now);
      if (!check.ok) throw new AppError(check.reason === 'expired' ? 'FILE_LINK_EXPIRED' : 'FORBIDDEN');
      const data = await app.files.get(check.key);
      if (!data) throw new AppError('NOT_FOUND');
      const maxAge = Math.max(0, Math.floor((check.expiresAt.getTime() - now.getTime()) / 1000));
      return reply
        .header('cache-control', `private, max-age=${maxAge}`)
        .header('x-content-type-options', 'nosniff')
        .type(check.key.endsWith('.jpg') ? 'image/jpeg' : 'application/octet-stream')
        .send(data);
    },
  );
};

/** File storage for the whole app, and the one route that serves stored files (by signed link only). */
export default fp(
  async (app) => {
    const { s3 } = app.config;
    let storage: FileStorage = new LocalFolderStorage(app.config.filesDir);
    if (s3) {
      const objectStore = new S3Storage(s3);
      app.addHook('onClose', async () => objectStore.close());
      storage = objectStore;
    }
    app.decorate('files', storage);
    app.decorate('signedFileUrl', (key: string) => fileUrl(app.config.fileUrlSecret, key, app.clock.now()));
    await app.register(fileRoutes);
  },
  { name: 'files', dependencies: ['access'] },
);
