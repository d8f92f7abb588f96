import sharp from 'sharp';
import { AppError } from '../../lib/errors';

export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const PHOTO_MAX_PIXELS = 40_000_000;
export const PHOTO_MAX_SIDE = 1600;
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif', 'gif', 'tiff']);

export interface EncodedPhoto {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Turns whatever a phone sends into a plain JPEG: turned upright by its EXIF orientation, scaled to fit
 * 1600×1600, and with every piece of metadata (EXIF, GPS, camera, XMP, ICC comments) left behind —
 * sharp writes none unless asked to. A photo must never carry where it was taken.
 */
export async function reencodePhoto(input: Buffer): Promise<EncodedPhoto> {
  let format: string | undefined;
  let pixels = 0;
  try {
    const meta = await sharp(input, { limitInputPixels: false }).metadata();
    format = meta.format;
    pixels = (meta.width ?? 0) * (meta.height ?? 0);
  } catch {
    throw new AppError('PHOTO_NOT_AN_IMAGE');
  }
  if (!format || !ACCEPTED_FORMATS.has(format) || pixels === 0) throw new AppError('PHOTO_NOT_AN_IMAGE');
  if (pixels > PHOTO_MAX_PIXELS) throw new AppError('PHOTO_TOO_MANY_PIXELS');
  try {
    const { data, info } = await sharp(input, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error' })
      .rotate()
      .resize(PHOTO_MAX_SIDE, PHOTO_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, progressive: true })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw new AppError('PHOTO_TOO_MANY_PIXELS');
    throw new AppError('PHOTO_NOT_AN_IMAGE', { cause: error });
  }
}
