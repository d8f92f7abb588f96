import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors';

type Problem = 'number:out_of_range' | 'text:nul';

/** The largest value an integer column holds (PostgreSQL's `integer`, the type of every number we store). */
const MAX_STORED_INTEGER = 2 ** 31 - 1;

function problemOf(value: unknown): Problem | null {
  if (typeof value === 'number' && !(Math.abs(value) <= MAX_STORED_INTEGER)) return 'number:out_of_range';
  if (typeof value === 'string' && value.includes('\u0000')) return 'text:nul';
  return null;
}

/** The first value in the request's query, path or body the database could not store, with where it is. */
function firstUnstorable(request: FastifyRequest): { field: string; message: Problem } | null {
  const stack: [string, unknown][] = [
    ['querystring', request.query],
    ['params', request.params],
    ['body', request.body],
  ];
  // Multipart parts refer back to one another: look at each object once.
  const visited = new WeakSet<object>();
  while (stack.length) {
    const [field, value] = stack.pop()!;
    const problem = problemOf(value);
    if (problem) return { field, message: problem };
    if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value) && !visited.has(value)) {
      visited.add(value);
      for (const [key, child] of Object.entries(value)) stack.push([`${field}.${key}`, child]);
    }
  }
  return null;
}

/**
 * Values the database cannot store are the caller's mistake (400), found after validation and before
 * any handler can put them into SQL:
 * - a number beyond an integer column, where a schema sets no maximum (PostgreSQL refuses it; SQLite
 *   would store it), and a number that overflowed to Infinity: Ajv coerces query or path text such as
 *   `1e999` to Infinity and then skips `minimum` / `maximum`, which compare finite numbers only;
 * - text with a NUL character (U+0000), which PostgreSQL text cannot hold.
 */
export default fp(
  async (app) => {
    app.addHook('preHandler', async (request) => {
      const unstorable = firstUnstorable(request);
      if (unstorable) throw new AppError('VALIDATION_FAILED', { details: [unstorable] });
    });
  },
  { name: 'storable-values' },
);
