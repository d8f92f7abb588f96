import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../domain/api/common';
import { CheckinBody, CheckinCreated, CheckinPage, CheckinQuery } from '../../../domain/api/students';
import { principalAs, STUDENT } from '../../access/rules';
import { listCheckins, recordCheckin } from './repository';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

const checkinRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/student/checkins',
    { config: { access: STUDENT }, schema: { tags: ['student'], body: CheckinBody, response: { 201: CheckinCreated, ...errors } } },
    async (request, reply) => reply.status(201).send(await recordCheckin(app.db, principalAs(request.principal, 'student'), request.body, app.clock.now())),
  );

  app.get(
    '/api/student/checkins',
    { config: { access: STUDENT }, schema: { tags: ['student'], querystring: CheckinQuery, response: { 200: CheckinPage, ...errors } } },
    async (request) => listCheckins(app.db, principalAs(request.principal, 'student'), { limit: request.query.limit ?? 20, cursor: request.query.cursor }),
  );
};

export default checkinRoutes;
