import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PageQuery } from '../../../domain/api/common';
import {
  GiftIdParams,
  GiftPage,
  NewGiftBody,
  SelfReportedGift,
  Statement,
  StatementLinks,
  StatementTokenParams,
  StatementYearParams,
  StatementYears,
} from '../../../domain/api/statements';
import { principalAs, SPONSOR } from '../../access/rules';
import { decodeCursor, toPage } from '../../lib/cursor';
import { localeFrom } from '../../lib/messages';
import { listGifts, statementYears, toGift } from './repository';
import { addGift, buildStatement, deleteGift, statementFile, statementLinks } from './service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/**
 * The sponsor's yearly giving statement (on screen, and as PDF or CSV through short-lived signed
 * links) and the gifts they made elsewhere, listed on it as self-reported. Their own data: not audited,
 * as the sponsor's data export is not.
 */
const statementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/sponsor/statements',
    { config: { access: SPONSOR }, schema: { tags: ['statements'], response: { 200: StatementYears, ...errors } } },
    async (request) => ({ years: await statementYears(app.db, principalAs(request.principal, 'sponsor').sponsorId) }),
  );

  app.get(
    '/api/sponsor/statements/:year',
    { config: { access: SPONSOR }, schema: { tags: ['statements'], params: StatementYearParams, response: { 200: Statement, ...errors } } },
    async (request) => buildStatement(app, principalAs(request.principal, 'sponsor'), request.params.year),
  );

  app.post(
    '/api/sponsor/statements/:year/links',
    {
      config: { access: SPONSOR },
      schema: { tags: ['statements'], params: StatementYearParams, response: { 200: StatementLinks, ...errors, 409: ErrorBody, 422: ErrorBody } },
    },
    async (request) => statementLinks(app, principalAs(request.principal, 'sponsor'), request.params.year, localeFrom(request.headers['accept-language'])),
  );

  app.get(
    '/api/statements/:token',
    {
      // No session: a download opened by the platform's file viewer or the browser cannot send one. The signed link is the authorization.
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['statements'],
        params: StatementTokenParams,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), 403: ErrorBody, 404: ErrorBody, 410: ErrorBody, 429: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const file = await statementFile(app, request.params.token);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', file.disposition)
        .header('x-content-type-options', 'nosniff')
        .type(file.contentType)
        .send(file.body);
    },
  );

  app.get(
    '/api/sponsor/gifts-elsewhere',
    { config: { access: SPONSOR }, schema: { tags: ['statements'], querystring: PageQuery, response: { 200: GiftPage, ...errors } } },
    async (request) => {
      const limit = request.query.limit ?? 20;
      const after = decodeCursor(request.query.cursor, ['text', 'text'] as const);
      const rows = await listGifts(app.db, principalAs(request.principal, 'sponsor').sponsorId, limit, after);
      const page = toPage(rows, limit, (r) => [r.given_on, r.id]);
      return { ...page, items: page.items.map(toGift) };
    },
  );

  app.post(
    '/api/sponsor/gifts-elsewhere',
    {
      config: { access: SPONSOR },
      schema: { tags: ['statements'], body: NewGiftBody, response: { 201: SelfReportedGift, ...errors, 409: ErrorBody, 422: ErrorBody } },
    },
    async (request, reply) => reply.status(201).send(await addGift(app, principalAs(request.principal, 'sponsor'), request.body)),
  );

  app.delete(
    '/api/sponsor/gifts-elsewhere/:id',
    { config: { access: SPONSOR }, schema: { tags: ['statements'], params: GiftIdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await deleteGift(app, principalAs(request.principal, 'sponsor'), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

export default statementRoutes;
