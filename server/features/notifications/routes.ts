import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PageQuery } from '../../../domain/api/common';
import { LetterIdParams, NotificationPage } from '../../../domain/api/letters';
import { AppError } from '../../lib/errors';
import { listNotifications, markNotificationRead } from './repository';

/** The in-app inbox of whoever is signed in. */
const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/notifications',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['notifications'], querystring: PageQuery, response: { 200: NotificationPage, 400: ErrorBody, 401: ErrorBody } },
    },
    async (request) => listNotifications(app.db, request.principal!.accountId, { limit: request.query.limit ?? 20, cursor: request.query.cursor }),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['notifications'], params: LetterIdParams, response: { 204: Type.Null(), 401: ErrorBody, 404: ErrorBody } },
    },
    async (request, reply) => {
      const found = await markNotificationRead(app.db, request.principal!.accountId, request.params.id, app.clock.now());
      if (!found) throw new AppError('NOT_FOUND');
      return reply.status(204).send(null);
    },
  );
};

export default notificationRoutes;
