import type { FastifyInstance } from 'fastify';

type Headers = Record<string, string>;

/** The four sponsor read pages the cache keeps, for one sponsorship. */
export const pageOf = {
  detail: (sponsorshipId: string) => `/api/sponsor/sponsorships/${sponsorshipId}`,
  timeline: (sponsorshipId: string) => `/api/sponsor/sponsorships/${sponsorshipId}/timeline?limit=100`,
  letters: (sponsorshipId: string) => `/api/letters?sponsorshipId=${sponsorshipId}&limit=100`,
  ledger: (sponsorshipId: string) => `/api/sponsor/sponsorships/${sponsorshipId}/ledger`,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface KeptPage {
  url: string;
  etag: string;
  body: Json;
}

/**
 * Reads a page on `app` twice: the first rendering is kept, the second is served from memory (so a
 * stale page would be served after a write if nothing told the cache). Returns the page and its ETag.
 */
export async function keepPage(app: FastifyInstance, url: string, headers: Headers): Promise<KeptPage> {
  const first = await app.inject({ url, headers });
  expect(first.statusCode).toBe(200);
  const etag = String(first.headers.etag);
  expect(etag).toMatch(/^W\/".+"$/);
  const served = app.pageCacheStats.served;
  const second = await app.inject({ url, headers });
  expect(second.statusCode).toBe(200);
  expect(app.pageCacheStats.served).toBe(served + 1);
  expect(second.headers.etag).toBe(etag);
  expect(second.body).toBe(first.body);
  return { url, etag, body: first.json() };
}

/**
 * After a write: `a` (which kept the page) is asked again with the old ETag and answers the new page
 * (200, another ETag), and `b` answers the same page with the same ETag. Returns the new page.
 */
export async function readAfterWrite(a: FastifyInstance, b: FastifyInstance, kept: KeptPage, headers: Headers): Promise<Json> {
  const fromA = await a.inject({ url: kept.url, headers: { ...headers, 'if-none-match': kept.etag } });
  expect(fromA.statusCode).toBe(200);
  expect(fromA.headers.etag).toBeDefined();
  expect(fromA.headers.etag).not.toBe(kept.etag);
  const fromB = await b.inject({ url: kept.url, headers });
  expect(fromB.statusCode).toBe(200);
  expect(fromB.headers.etag).toBe(fromA.headers.etag);
  expect(fromB.json()).toEqual(fromA.json());
  return fromA.json();
}

/** Keeps several pages at once (see `keepPage`). */
export async function keepPages<K extends keyof typeof pageOf>(app: FastifyInstance, sponsorshipId: string, pages: readonly K[], headers: Headers) {
  const kept = {} as Record<K, KeptPage>;
  for (const page of pages) kept[page] = await keepPage(app, pageOf[page](sponsorshipId), headers);
  return kept;
}
