import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RecordSubscriptionsBody, SubscriptionOptions } from '../../../domain/api/care';
import { ErrorBody } from '../../../domain/api/common';
import { recordSubscriptions, subscriptionOptions } from './subscriptions';

const errors = { 400: ErrorBody, 401: ErrorBody };

/** Platform message subscriptions of whoever is signed in (WeChat subscribe messages, Alipay template messages). */
const messagingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/me/message-subscriptions',
    { config: { access: 'signed-in' }, schema: { tags: ['notifications'], response: { 200: SubscriptionOptions, ...errors } } },
    async (request) => subscriptionOptions(app.db, app.config.templates, request.principal!),
  );

  app.post(
    '/api/me/message-subscriptions',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['notifications'], body: RecordSubscriptionsBody, response: { 200: SubscriptionOptions, ...errors } },
    },
    async (request) => recordSubscriptions(app.db, app.config.templates, request.principal!, request.body, app.clock.now()),
  );
};

export default messagingRoutes;
