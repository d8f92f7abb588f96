import fp from 'fastify-plugin';
import { AppError } from '../lib/errors';
import { jsonNestingExceeds } from '../lib/json-depth';

/** No request of ours nests past a handful of levels; this leaves room and stops a stack-walking body. */
export const MAX_JSON_DEPTH = 32;

/**
 * JSON bodies are checked for nesting depth on the raw text, before parsing, so nothing that walks a
 * body (parsing, validation, hashing for idempotency) ever meets one nested deeper than the limit.
 * Parsing itself stays Fastify's own, with its prototype-poisoning protection.
 */
export default fp(
  async (app) => {
    const parse = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
      const body = raw as string; // parseAs: 'string'
      if (jsonNestingExceeds(body, MAX_JSON_DEPTH)) {
        done(new AppError('VALIDATION_FAILED', { details: [{ field: 'body', message: 'json:too_deep' }] }), undefined);
        return;
      }
      parse(request, body, done);
    });
  },
  { name: 'json-body' },
);
