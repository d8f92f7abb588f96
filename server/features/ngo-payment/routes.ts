import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../domain/api/common';
import { PaymentDetailsView, UpdatePaymentDetailsBody } from '../../../domain/api/ngo';
import { principalAs, STAFF } from '../../access/rules';
import { paymentDetailsView, updatePaymentDetails } from './repository';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['ngo'];

/** The NGO's bank-transfer details and payment contact: read by its staff, changed by its admin. */
const ngoPaymentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/staff/ngo/payment-details',
    { config: { access: STAFF }, schema: { tags, response: { 200: PaymentDetailsView, ...errors } } },
    async (request) => paymentDetailsView(app.db, principalAs(request.principal, 'caseworker', 'ngo_admin')),
  );

  app.put(
    '/api/staff/ngo/payment-details',
    {
      config: { access: { roles: ['ngo_admin'] } },
      schema: { tags, body: UpdatePaymentDetailsBody, response: { 200: PaymentDetailsView, ...errors } },
    },
    async (request) => updatePaymentDetails(app.db, principalAs(request.principal, 'ngo_admin'), request.body, app.clock.now()),
  );
};

export default ngoPaymentRoutes;
