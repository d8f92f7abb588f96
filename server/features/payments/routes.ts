import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../domain/api/common';
import { CreatedPaymentOrder, CreatePaymentOrderBody, PaymentOrderIdParams, PaymentOrderList, PaymentOrderView } from '../../../domain/api/payments';
import { SponsorshipIdParams } from '../../../domain/api/sponsorship';
import { visibleSponsorships } from '../../access/scopes';
import { principalAs, SPONSOR } from '../../access/rules';
import { AppError } from '../../lib/errors';
import { createPaymentOrder } from './create';
import noticeRoutes from './notices';
import { findSponsorOrder, orderView, orderViews, recentOrders } from './repository';
import { refreshIfPaying } from './settle';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** A sponsor pays periods of their own sponsorship in the app and follows the order until it is settled. */
const paymentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(noticeRoutes);

  app.post(
    '/api/sponsor/sponsorships/:id/payment-orders',
    {
      config: { access: SPONSOR },
      schema: {
        tags: ['payments'],
        params: SponsorshipIdParams,
        body: CreatePaymentOrderBody,
        response: { 201: CreatedPaymentOrder, ...errors, 409: ErrorBody, 502: ErrorBody },
      },
    },
    async (request, reply) => {
      const created = await createPaymentOrder(app, principalAs(request.principal, 'sponsor'), request.params.id, request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/sponsor/sponsorships/:id/payment-orders',
    { config: { access: SPONSOR }, schema: { tags: ['payments'], params: SponsorshipIdParams, response: { 200: PaymentOrderList, ...errors } } },
    async (request) => {
      const principal = principalAs(request.principal, 'sponsor');
      const s = await visibleSponsorships(app.db, principal).select('sponsorships.id').where('sponsorships.id', '=', request.params.id).executeTakeFirst();
      if (!s) throw new AppError('NOT_FOUND');
      return { items: await orderViews(app.db, await recentOrders(app.db, s.id)) };
    },
  );

  app.get(
    '/api/sponsor/payment-orders/:orderId',
    { config: { access: SPONSOR }, schema: { tags: ['payments'], params: PaymentOrderIdParams, response: { 200: PaymentOrderView, ...errors } } },
    async (request) => {
      const principal = principalAs(request.principal, 'sponsor');
      const order = await findSponsorOrder(app.db, principal.sponsorId, request.params.orderId);
      const visible = order && (await visibleSponsorships(app.db, principal).select('sponsorships.id').where('sponsorships.id', '=', order.sponsorship_id).executeTakeFirst());
      if (!order || !visible) throw new AppError('NOT_FOUND');
      return orderView(app.db, await refreshIfPaying(app, order, app.clock.now()));
    },
  );
};

export default paymentRoutes;
