import Taro from '@tarojs/taro';

/** JPEG quality for photos kept in the outbox: small enough for a weak network, clear enough to read. */
export const PHOTO_QUALITY = 60;

/**
 * Compresses a picked photo before it is queued (Taro.compressImage on weapp/alipay). Where that is
 * not offered (h5) or fails, the original path is kept: the server re-encodes every photo anyway.
 */
export async function compressPhoto(path: string): Promise<string> {
  const compress = (Taro as { compressImage?: (o: { src: string; quality: number }) => Promise<{ tempFilePath?: string }> }).compressImage;
  if (typeof compress !== 'function' || process.env.TARO_ENV === 'h5') return path;
  try {
    const result = await compress({ src: path, quality: PHOTO_QUALITY });
    return result?.tempFilePath || path;
  } catch {
    return path;
  }
}
