import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { PrincipalOf } from '../access/principal';
import { visibleSponsorships } from '../access/scopes';
import type { Db } from '../db/connect';
import { localeFrom } from '../lib/messages';

/** A sponsor's read page of one sponsorship that is rendered once per version and served from memory. */
export interface PageCacheRule {
  page: 'detail' | 'timeline' | 'letters' | 'ledger';
  /** The sponsorship the request shows; undefined when it is not a request the cache serves. */
  sponsorshipOf(request: FastifyRequest): string | undefined;
  /**
   * A page that reads the clock (ages, how long "back in touch" shows, the NGO's yearly figures,
   * links that expire) is also keyed by a slice of time this long: at most this much older than a
   * fresh rendering.
   */
  sliceMs?: number;
}

/** What the cache did in this process since start: for operations, and for tests to see where an answer came from. */
export interface PageCacheStats {
  /** Answered 304: the app holds this version. */
  notModified: number;
  /** Sent from memory. */
  served: number;
  /** Rendered by the route (and kept when 200). */
  rendered: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    pageCacheStats: PageCacheStats;
  }
  interface FastifyContextConfig {
    pageCache?: PageCacheRule;
  }
  interface FastifyRequest {
    /** Set when this request's answer, if 200, is to be kept under `key` and sent with `etag`. */
    pageCacheEntry: { key: string; etag: string } | null;
  }
}

/**
 * The time slice of pages that read the clock: shorter than a signed file link lives (15 min), so a
 * link on a page served at the end of its slice still works for ten minutes.
 */
export const CLOCK_SLICE_MS = 5 * 60_000;

/** Pages kept per process, by total size: enough for the pages of every sponsor active in the last minutes. */
const MAX_BYTES = 64 * 1024 * 1024;

type Sponsor = PrincipalOf<'sponsor'>;

function pageVersionsQuery(db: Db, principal: Sponsor, sponsorshipId: string) {
  return visibleSponsorships(db, principal)
    .innerJoin('students', 'students.id', 'sponsorships.student_id')
    .innerJoin('ngos', 'ngos.id', 'students.ngo_id')
    .select(['sponsorships.page_version as sponsorship', 'ngos.page_version as ngo'])
    .where('sponsorships.id', '=', sponsorshipId);
}

const placeholder = (name: string) => `\u0000${name}`;
const CALLER_PLACEHOLDERS: Sponsor = {
  role: 'sponsor',
  accountId: placeholder('accountId'),
  sessionId: placeholder('sessionId'),
  sponsorId: placeholder('sponsorId'),
  displayName: placeholder('displayName'),
};
const SPONSORSHIP_PLACEHOLDER = placeholder('sponsorshipId');

/**
 * The versions of what a page shows, read with the same access rule the page uses: its
 * sponsorship's and its NGO's. Undefined when the caller may not see the sponsorship (the page then
 * answers for itself, e.g. 404). Every write touching the pages bumps one of them (migration 015).
 * The query is built once with placeholders for every value of the caller and the sponsorship, and
 * each request binds its own: building and compiling it costs more than running it.
 */
export function pageVersionsLookup(db: Db) {
  const compiled = pageVersionsQuery(db, CALLER_PLACEHOLDERS, SPONSORSHIP_PLACEHOLDER).compile();
  const fieldOf = new Map<unknown, keyof Sponsor>(Object.entries(CALLER_PLACEHOLDERS).map(([field, value]) => [value, field as keyof Sponsor]));
  return async (principal: Sponsor, sponsorshipId: string) => {
    const parameters = compiled.parameters.map((value) => {
      if (value === SPONSORSHIP_PLACEHOLDER) return sponsorshipId;
      const field = fieldOf.get(value);
      return field === undefined ? value : principal[field];
    });
    const { rows } = await db.executeQuery<{ sponsorship: number; ngo: number }>({ ...compiled, parameters });
    return rows[0];
  };
}

/** RFC 9110 weak comparison: does `If-None-Match` name this entity tag (or any, `*`)? */
export function ifNoneMatchIncludes(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

function sendPage(reply: FastifyReply, etag: string) {
  return reply.header('etag', etag).header('cache-control', 'private, no-cache');
}

/**
 * The versioned response cache for the sponsor's read pages. Per request: the session (cached by the
 * access plugin) and one indexed look-up of the versions; then 304 when the app already holds this
 * version (`If-None-Match`), the kept page when this process rendered it, or the route renders it
 * once and it is kept. A page is keyed by (page, sponsor, language, URL) at its versions (and time
 * slice), so any instance serves the same entity tag for the same content and a write on one
 * instance is seen by the next read on every other.
 */
export default fp(
  async (app) => {
    const pages = new LRUCache<string, string>({ maxSize: MAX_BYTES, sizeCalculation: (body, key) => body.length + key.length });
    const stats: PageCacheStats = { notModified: 0, served: 0, rendered: 0 };
    app.decorate('pageCacheStats', stats);
    app.decorateRequest('pageCacheEntry', null);
    const pageVersions = pageVersionsLookup(app.db);

    async function serveFromCache(request: FastifyRequest, reply: FastifyReply) {
      const rule = request.routeOptions.config.pageCache!;
      const principal = request.principal;
      if (principal?.role !== 'sponsor') return;
      const sponsorshipId = rule.sponsorshipOf(request);
      if (!sponsorshipId) return;
      const versions = await pageVersions(principal, sponsorshipId);
      if (!versions) return;
      const slice = rule.sliceMs ? Math.floor(app.clock.now().getTime() / rule.sliceMs) : 0;
      const variant = `${rule.page} ${principal.accountId} ${localeFrom(request.headers['accept-language'])} ${request.url}`;
      const version = `${versions.sponsorship}.${versions.ngo}.${slice}`;
      const etag = `W/"${version}.${createHash('sha256').update(variant).digest('base64url').slice(0, 22)}"`;
      if (ifNoneMatchIncludes(request.headers['if-none-match'], etag)) {
        stats.notModified += 1;
        return sendPage(reply, etag).code(304).send();
      }
      const key = `${version} ${variant}`;
      const kept = pages.get(key);
      if (kept !== undefined) {
        stats.served += 1;
        return sendPage(reply, etag).type('application/json; charset=utf-8').send(kept);
      }
      stats.rendered += 1;
      request.pageCacheEntry = { key, etag };
    }

    async function keepRendered(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
      const entry = request.pageCacheEntry;
      if (!entry || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
      pages.set(entry.key, payload);
      sendPage(reply, entry.etag);
      return payload;
    }

    app.addHook('onRoute', (route) => {
      if (!route.config?.pageCache) return;
      route.preHandler = [...toArray(route.preHandler), serveFromCache];
      route.onSend = [...toArray(route.onSend), keepRendered];
    });
  },
  { name: 'page-cache', dependencies: ['database', 'access'] },
);

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
