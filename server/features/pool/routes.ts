import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Id } from '../../../domain/api/common';
import { PoolFilters, PoolFiltersQuery, PoolPage, PoolQuery, PoolStudentResponse } from '../../../domain/api/pool';
import { principalAs, SPONSOR } from '../../access/rules';
import { credibilityForPages } from '../credibility';
import { disbursementPolicyText, findPoolStudent, listPool, poolFilters, similarStudents, toPoolStudent } from './repository';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const PoolStudentParams = Type.Object({ id: Id }, { additionalProperties: false });

/** The pool of students still waiting for a sponsor: sponsor-safe fields only. */
const poolRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const signedUrl = (key: string) => app.signedFileUrl(key);

  app.get(
    '/api/pool',
    { config: { access: SPONSOR }, schema: { tags: ['pool'], querystring: PoolQuery, response: { 200: PoolPage, ...errors } } },
    async (request) => {
      const now = app.clock.now();
      const page = await listPool(app.db, principalAs(request.principal, 'sponsor'), { ...request.query, limit: request.query.limit ?? 20 }, now);
      return { items: page.items.map((r) => toPoolStudent(r, now, signedUrl)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/pool/filters',
    { config: { access: SPONSOR }, schema: { tags: ['pool'], querystring: PoolFiltersQuery, response: { 200: PoolFilters, ...errors } } },
    async (request) => poolFilters(app.db, principalAs(request.principal, 'sponsor'), app.clock.now(), request.query),
  );

  app.get(
    '/api/pool/:id',
    { config: { access: SPONSOR }, schema: { tags: ['pool'], params: PoolStudentParams, response: { 200: PoolStudentResponse, ...errors } } },
    async (request) => {
      const principal = principalAs(request.principal, 'sponsor');
      const now = app.clock.now();
      const row = await findPoolStudent(app.db, principal, request.params.id, now);
      if (row) {
        return {
          availability: 'waiting' as const,
          student: toPoolStudent(row, now, signedUrl),
          credibility: await credibilityForPages(app, row.ngo_id, now),
          disbursementPolicy: disbursementPolicyText(row.disbursement_policy),
        };
      }
      const similar = await similarStudents(app.db, principal, request.params.id, now);
      return { availability: 'taken' as const, similar: similar.map((r) => toPoolStudent(r, now, signedUrl)) };
    },
  );
};

export default poolRoutes;
