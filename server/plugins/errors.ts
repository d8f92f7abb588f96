import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../lib/errors';
import { ERROR_STATUS, errorMessage, fieldMessage, localeFrom, type ErrorCode } from '../lib/messages';

function send(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, details?: FieldProblem[], status?: number) {
  const locale = localeFrom(request.headers['accept-language']);
  const body = {
    error: {
      code,
      message: errorMessage(code, locale),
      ...(details?.length
        ? { details: details.map((d) => ({ field: d.field, message: fieldMessage(d.message, { missingProperty: d.field.split('.').pop() }, locale) })) }
        : {}),
    },
  };
  return reply.status(status ?? ERROR_STATUS[code]).type('application/json; charset=utf-8').send(body);
}

function validationDetails(error: FastifyError, request: FastifyRequest) {
  const locale = localeFrom(request.headers['accept-language']);
  return (error.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>;
    const named = v.keyword === 'required' ? params.missingProperty : v.keyword === 'additionalProperties' ? params.additionalProperty : undefined;
    const path = [
      error.validationContext ?? 'body',
      ...v.instancePath.split('/').filter(Boolean),
      ...(named === undefined ? [] : [String(named)]),
    ];
    return { field: path.join('.'), message: fieldMessage(v.keyword, params, locale) };
  });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_RATE_LIMITED: 'RATE_LIMITED',
};

/**
 * What the router meets before any route runs, in the same shape as every other error: a path whose
 * percent-escapes do not decode is the caller's mistake (400); a path segment longer than any id or
 * file link can be names nothing (404).
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_BAD_URL') return send(request, reply, 'VALIDATION_FAILED');
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return send(request, reply, 'NOT_FOUND');
  request.log.error({ err: error }, 'request failed');
  return send(request, reply, 'INTERNAL');
}

/**
 * One error handler for the whole server: caller mistakes become 4xx with a message in the caller's
 * language; anything else is logged and answered with a bare 500, never a stack trace or record data.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) return send(request, reply, error.code, error.details);
      if (error.validation) {
        const locale = localeFrom(request.headers['accept-language']);
        return reply.status(400).send({
          error: {
            code: 'VALIDATION_FAILED',
            message: errorMessage('VALIDATION_FAILED', locale),
            details: validationDetails(error, request),
          },
        });
      }
      const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
      if (mapped) return send(request, reply, mapped);
      if (error.statusCode === 429) return send(request, reply, 'RATE_LIMITED');
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return send(request, reply, 'VALIDATION_FAILED', undefined, error.statusCode);
      }
      request.log.error({ err: error }, 'request failed');
      return send(request, reply, 'INTERNAL');
    });

    app.setNotFoundHandler((request, reply) => send(request, reply, 'NOT_FOUND'));
  },
  { name: 'errors' },
);
