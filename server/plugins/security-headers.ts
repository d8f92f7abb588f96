import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

type Directives = Record<string, string[]>;

/**
 * The Content-Security-Policy of everything this server answers: the h5 app, its files and the API.
 * What the h5 build needs: its scripts are files from this origin (no inline script, no eval); styles
 * come from files, the `<style>` in index.html and the style elements Taro's components add, so inline
 * styles are allowed (scripts are not); photo previews and the picked photo read back for upload are
 * `blob:` URLs; `data:` images and fonts come with the component styles; the API is on the same origin.
 */
export function contentSecurityPolicy(production: boolean): Directives {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", 'blob:'],
    'media-src': ["'self'", 'blob:'],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    // Behind TLS in production; locally the app is served over plain HTTP on 127.0.0.1.
    ...(production ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * Security headers on every answer (helmet): the CSP above, no framing, no MIME sniffing, no referrer,
 * same-origin opener and resource policies; HSTS in production only (TLS ends at the proxy in front).
 */
export default fp(
  async (app) => {
    const production = app.config.mode === 'production';
    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(production) },
      frameguard: { action: 'deny' },
      hsts: production ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    });
  },
  { name: 'security-headers' },
);
