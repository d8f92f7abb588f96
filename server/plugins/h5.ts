import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

const MISSING_BUILD = `<!doctype html><meta charset="utf-8"><title>伴学 Banxue</title>
<p>The h5 build is missing. Run <code>npm run build:h5</code> (npm start does it for you), then reload.</p>`;

/**
 * Serves the h5 build on the API's port. Page URLs (browser-mode routing) that are not files fall
 * back to index.html; anything under /api stays a JSON 404.
 */
export default fp<{ dir: string }>(
  async (app, { dir }) => {
    const indexFile = path.join(dir, 'index.html');
    const hasBuild = fs.existsSync(indexFile);
    if (hasBuild) {
      await app.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false, index: ['index.html'] });
    } else {
      app.log.warn({ dir }, 'h5 build not found; serving a placeholder page');
    }

    app.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' || request.url.startsWith('/api') || request.url === '/healthz') return;
      const pathname = request.url.split('?')[0];
      const looksLikePage = pathname === '/' || !path.extname(pathname);
      if (!looksLikePage) return;
      if (!hasBuild) return reply.type('text/html; charset=utf-8').send(MISSING_BUILD);
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  },
  { name: 'h5' },
);
