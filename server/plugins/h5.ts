import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyCompress from '@fastify/compress';
import fastifyStatic, { type SetHeadersResponse } from '@fastify/static';

const MISSING_BUILD = `<!doctype html><meta charset="utf-8"><title>伴学 Banxue</title>
<p>The h5 build is missing. Run <code>npm run build:h5</code> (npm start does it for you), then reload.</p>`;

/** A file whose name carries its content hash (`app.3c6c1ac5.js`, or its `.br` / `.gz`) never changes. */
const CONTENT_HASHED = /\.[0-9a-f]{8}\.[a-z0-9]+(?:\.(?:br|gz))?$/;
export const CACHE_FOREVER = 'public, max-age=31536000, immutable';
/** index.html and the other unhashed files: kept, but asked about again before each use. */
export const CACHE_REVALIDATE = 'no-cache';

function setCacheHeaders(response: SetHeadersResponse, file: string) {
  response.setHeader('cache-control', CONTENT_HASHED.test(path.basename(file)) ? CACHE_FOREVER : CACHE_REVALIDATE);
  response.setHeader('vary', 'accept-encoding');
}

/**
 * Serves the h5 build on the API's port. Page URLs (browser-mode routing) that are not files fall
 * back to index.html; anything under /api stays a JSON 404. Files go out as the build's brotli or gzip
 * copies when the browser takes them (compressed here when a copy is missing); hashed files are cached
 * for a year.
 */
export default fp<{ dir: string }>(
  async (app, { dir }) => {
    const indexFile = path.join(dir, 'index.html');
    const hasBuild = fs.existsSync(indexFile);
    if (hasBuild) {
      // Registered after the API routes, so it compresses only the files registered below.
      await app.register(fastifyCompress, { encodings: ['br', 'gzip'] });
      await app.register(fastifyStatic, {
        root: dir,
        prefix: '/',
        wildcard: false,
        index: ['index.html'],
        preCompressed: true,
        cacheControl: false,
        setHeaders: setCacheHeaders,
      });
    } else {
      app.log.warn({ dir }, 'h5 build not found; serving a placeholder page');
    }

    app.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' || request.url.startsWith('/api') || request.url === '/healthz') return;
      const pathname = request.url.split('?')[0];
      const looksLikePage = pathname === '/' || !path.extname(pathname);
      if (!looksLikePage) return;
      if (!hasBuild) return reply.type('text/html; charset=utf-8').send(MISSING_BUILD);
      return reply.sendFile('index.html');
    });
  },
  { name: 'h5' },
);
