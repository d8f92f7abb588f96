import Taro from '@tarojs/taro';
import type { ErrorBody } from '../../domain/api/common';
import { getLocale, t } from './i18n';
import { newIdempotencyKey } from './idempotency';
import { keepAnswer, keptAnswer } from './revalidation';

export const REQUEST_TIMEOUT_MS = 15_000;

/** Codes the client adds to the server's own (`VALIDATION_FAILED`, `NOT_FOUND`, …). */
export type ClientErrorCode = 'NETWORK' | 'TIMEOUT' | 'SESSION_EXPIRED' | 'RATE_LIMITED' | 'SERVER' | 'UNKNOWN';

/** A failed request, with a message written for the person using the app, in their language. */
export class ApiError extends Error {
  readonly code: ClientErrorCode | (string & {});
  /** HTTP status, or null when no answer came back (offline, timeout). */
  readonly status: number | null;
  readonly details: ReadonlyArray<{ field: string; message: string }>;

  constructor(
    code: ClientErrorCode | (string & {}),
    message: string,
    status: number | null,
    details: ReadonlyArray<{ field: string; message: string }> = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** The message to show for any error thrown while talking to the server. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : t('errors.generic');
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  /** PUT replaces a whole record and carries its own version check, and a repeated DELETE changes nothing, so neither sends an idempotency key. */
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** POST only: reuse the same key when retrying the same logical operation. Generated when absent. */
  idempotencyKey?: string;
  /** Send the session token (default true). Login routes send none. */
  auth?: boolean;
  /**
   * When false, a 401 is reported to the caller without ending the session and going to the login
   * page (logout uses this: it is leaving anyway).
   */
  expireSessionOn401?: boolean;
}

export interface ApiClientHooks {
  getToken: () => string | null;
  /** Called once for a 401 on an authenticated request: the session is over. */
  onSessionExpired: () => void;
}

let hooks: ApiClientHooks = { getToken: () => null, onSessionExpired: () => undefined };

/** The session layer plugs in here, so this module does not depend on any feature. */
export function configureApiClient(next: ApiClientHooks): void {
  hooks = next;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const pairs = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return `${BANXUE_API_BASE_URL}${path}${pairs.length ? `?${pairs.join('&')}` : ''}`;
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : headers[key];
  return value === undefined || value === null ? undefined : String(value);
}

function serverError(data: unknown): ErrorBody['error'] | null {
  const error = (data as Partial<ErrorBody> | null | undefined)?.error;
  return error && typeof error.code === 'string' && typeof error.message === 'string' ? error : null;
}

/** A failure before any answer came back (offline, timeout), as an ApiError. */
export function transportError(failure: unknown): ApiError {
  const raw = failure as { errMsg?: unknown; message?: unknown; name?: unknown } | null;
  const text = `${String(raw?.errMsg ?? '')} ${String(raw?.message ?? '')} ${String(raw?.name ?? '')}`;
  // Mini-programs say "request:fail timeout"; the h5 fetch is aborted by its timer.
  if (/time(d)?\s?out|abort/i.test(text)) return new ApiError('TIMEOUT', t('errors.timeout'), null);
  return new ApiError('NETWORK', t('errors.network'), null);
}

/** Accept, Accept-Language and (when `auth`) the bearer token: what every call to the server carries. */
export function baseHeaders(auth = true): Record<string, string> {
  const header: Record<string, string> = { Accept: 'application/json', 'Accept-Language': getLocale() };
  const token = auth ? hooks.getToken() : null;
  if (token) header.Authorization = `Bearer ${token}`;
  return header;
}

/**
 * The ApiError for a non-2xx answer: 401 ends the session (unless told not to), 429 says how long to
 * wait, 5xx is generic, and a 4xx carries the server's own message for a person.
 */
export function responseError(
  status: number,
  data: unknown,
  headers: Record<string, unknown> | undefined,
  { auth = true, expireSessionOn401 = true }: { auth?: boolean; expireSessionOn401?: boolean } = {},
): ApiError {
  const server = serverError(data);
  if (status === 401 && auth && expireSessionOn401) {
    hooks.onSessionExpired();
    return new ApiError('SESSION_EXPIRED', t('errors.sessionExpired'), status);
  }
  if (status === 429) {
    const seconds = Number(headerValue(headers, 'retry-after'));
    const message =
      Number.isFinite(seconds) && seconds > 0 ? t('errors.rateLimitedSeconds', { seconds: Math.ceil(seconds) }) : t('errors.rateLimited');
    return new ApiError('RATE_LIMITED', message, status);
  }
  if (status >= 500) return new ApiError(server?.code ?? 'SERVER', t('errors.server'), status);
  // 4xx: the server wrote a message for a person, in the language we asked for.
  if (server) return new ApiError(server.code, server.message, status, server.details ?? []);
  return new ApiError('UNKNOWN', t('errors.generic'), status);
}

export async function request<T>(options: RequestOptions): Promise<T> {
  const { method, path, query, body, auth = true, expireSessionOn401 = true } = options;
  const header = baseHeaders(auth);
  if (method !== 'GET') header['Content-Type'] = 'application/json';
  if (method === 'POST') header['Idempotency-Key'] = options.idempotencyKey ?? newIdempotencyKey();
  const url = buildUrl(path, query);
  const copy = method === 'GET' ? keptAnswer(url) : undefined;
  if (copy) header['If-None-Match'] = copy.etag;

  type Body = TaroGeneral.IAnyObject | string;
  let response: Taro.request.SuccessCallbackResult<Body>;
  try {
    response = await Taro.request<Body>({
      url,
      method,
      header,
      data: method === 'GET' ? undefined : (body ?? {}),
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    });
  } catch (failure) {
    throw transportError(failure);
  }

  const status = response.statusCode;
  if (status === 304 && copy) return copy.data as T;
  if (status >= 200 && status < 300) {
    if (method === 'GET') keepAnswer(url, headerValue(response.header, 'etag'), response.data);
    return (status === 204 ? undefined : response.data) as T;
  }

  throw responseError(status, response.data, response.header, { auth, expireSessionOn401 });
}

type Options = Omit<RequestOptions, 'method' | 'path' | 'query' | 'body'>;

export const apiClient = {
  get<T>(path: string, query?: Record<string, QueryValue>, options?: Options): Promise<T> {
    return request<T>({ ...options, method: 'GET', path, query });
  },
  post<T>(path: string, body?: unknown, options?: Options): Promise<T> {
    return request<T>({ ...options, method: 'POST', path, body });
  },
  put<T>(path: string, body: unknown, options?: Options): Promise<T> {
    return request<T>({ ...options, method: 'PUT', path, body });
  },
  delete<T>(path: string, options?: Options): Promise<T> {
    return request<T>({ ...options, method: 'DELETE', path });
  },
};
