import Taro from '@tarojs/taro';
import { ApiError, baseHeaders, buildUrl, responseError, transportError } from './api-client';
import { t } from './i18n';

/** Photos are larger than JSON: give them more time than an ordinary request on a slow network. */
export const UPLOAD_TIMEOUT_MS = 60_000;

export interface UploadOptions {
  path: string;
  /** A local file: a mini-program temp path, or the blob URL Taro.chooseImage gives on h5. */
  filePath: string;
  /** The multipart field the server reads. */
  name: string;
}

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  if (data === '') return undefined;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/**
 * Uploads one file with Taro.uploadFile to the same server as `apiClient`, with the same headers
 * (session token, language) and the same errors (`ApiError` with a message for a person).
 */
export async function uploadFile<T>({ path, filePath, name }: UploadOptions): Promise<T> {
  let response: Taro.uploadFile.SuccessCallbackResult;
  try {
    response = await Taro.uploadFile({
      url: buildUrl(path),
      filePath,
      name,
      header: baseHeaders(true),
      timeout: UPLOAD_TIMEOUT_MS,
    });
  } catch (failure) {
    throw transportError(failure);
  }
  // uploadFile answers the body as text.
  const data = parseBody(response.data);
  const status = response.statusCode;
  if (status >= 200 && status < 300) {
    if (data === undefined) throw new ApiError('UNKNOWN', t('errors.generic'), status);
    return data as T;
  }
  throw responseError(status, data, (response as { header?: Record<string, unknown> }).header);
}
