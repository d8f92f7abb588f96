import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UploadedPhoto } from '../../../domain/api/letters';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { insertUpload } from './repository';
import { PHOTO_MAX_BYTES, reencodePhoto } from './reencode';

/** Multipart for one image per request; registered inside each upload plugin, never globally. */
export function registerPhotoMultipart(app: FastifyInstance) {
  return app.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 0, parts: 2, headerPairs: 100 } });
}

async function readImagePart(request: FastifyRequest, fieldNames: readonly string[]): Promise<Buffer> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  let input: Buffer;
  try {
    const part = await request.file();
    if (!part || !fieldNames.includes(part.fieldname)) throw new AppError('PHOTO_MISSING');
    input = await part.toBuffer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PHOTO_TOO_LARGE');
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError('PHOTO_MISSING');
    throw error;
  }
  if (input.length === 0) throw new AppError('PHOTO_MISSING');
  return input;
}

/**
 * Reads the one image of a multipart request, re-encodes it without metadata, stores it under
 * `folder/<yyyy-mm>/` and records the upload as the caller's, not yet attached to anything.
 */
export async function storeUploadedPhoto(
  app: FastifyInstance,
  request: FastifyRequest,
  options: { fieldNames: readonly string[]; folder: 'photos' | 'receipts'; ownerAccountId: string },
): Promise<UploadedPhoto> {
  const photo = await reencodePhoto(await readImagePart(request, options.fieldNames));
  const now = app.clock.now();
  const id = newId();
  const storageKey = `${options.folder}/${now.toISOString().slice(0, 7)}/${id}.jpg`;
  await app.files.put(storageKey, photo.data);
  try {
    await insertUpload(app.db, { id, ownerAccountId: options.ownerAccountId, storageKey, width: photo.width, height: photo.height, bytes: photo.data.length }, now);
  } catch (error) {
    await app.files.delete(storageKey);
    throw error;
  }
  return { id, width: photo.width, height: photo.height, bytes: photo.data.length };
}
