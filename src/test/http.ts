import { request } from './taro-mock';

export interface SentRequest {
  url: string;
  method: string;
  path: string;
  query: Record<string, string>;
  header: Record<string, string>;
  data: unknown;
  timeout?: number;
}

export interface Reply {
  statusCode: number;
  data?: unknown;
  header?: Record<string, string>;
}

/** A route handler: return a reply, or throw/reject to simulate a transport failure. */
export type Handler = (sent: SentRequest) => Reply | Promise<Reply>;

function parse(options: Record<string, unknown>): SentRequest {
  const url = String(options.url);
  const parsed = new URL(url);
  return {
    url,
    method: String(options.method ?? 'GET'),
    path: parsed.pathname,
    query: Object.fromEntries(parsed.searchParams.entries()),
    header: (options.header as Record<string, string>) ?? {},
    data: options.data,
    timeout: options.timeout as number | undefined,
  };
}

/**
 * Answers Taro.request by "METHOD /path" (query ignored for matching). Unmatched routes answer 404.
 * Returns the list of requests sent, in order.
 */
export function mockApi(routes: Record<string, Handler | Reply>): SentRequest[] {
  const sent: SentRequest[] = [];
  request.mockImplementation(async (options: Record<string, unknown>) => {
    const req = parse(options);
    sent.push(req);
    const route = routes[`${req.method} ${req.path}`];
    if (!route) return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: `no mock for ${req.method} ${req.path}` } }, header: {} };
    const reply = typeof route === 'function' ? await route(req) : route;
    return { header: {}, ...reply };
  });
  return sent;
}

export const ok = (data: unknown): Reply => ({ statusCode: 200, data });

export const failWith = (statusCode: number, code: string, message: string): Reply => ({
  statusCode,
  data: { error: { code, message } },
});

/** What a mini-program's request answers when the phone is offline. */
export const offline: Handler = () => {
  throw { errMsg: 'request:fail' };
};
