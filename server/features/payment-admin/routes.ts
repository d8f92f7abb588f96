import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../domain/api/common';
import {
  AlertIdParams,
  EntryIdParams,
  PaymentAlertPage,
  PaymentAlertQuery,
  PaymentAlertView,
  ReceiptNumberBody,
  RefundBody,
  ResolveAlertBody,
  StaffPaymentOrderPage,
  StaffPaymentOrderQuery,
} from '../../../domain/api/payment-admin';
import { PaymentOrderIdParams, RefundView } from '../../../domain/api/payments';
import { LedgerEntryView } from '../../../domain/api/sponsorship';
import { principalAs, STAFF, type AccessRule } from '../../access/rules';
import { localeFrom } from '../../lib/messages';
import { listAlerts, resolveAlert } from './alerts';
import { listNgoOrders } from './orders';
import { setReceiptNumber } from './receipt-number';
import { requestRefund } from './refunds';

/** Moving money and closing alerts is the NGO admin's; caseworkers may read. */
const NGO_ADMIN: AccessRule = { roles: ['ngo_admin'] };
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** NGO staff: the NGO's payment orders and refunds, payment alerts, and receipt numbers on payments. */
const paymentAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/staff/payment-orders',
    { config: { access: STAFF }, schema: { tags: ['payments'], querystring: StaffPaymentOrderQuery, response: { 200: StaffPaymentOrderPage, ...errors } } },
    async (request) =>
      listNgoOrders(app, principalAs(request.principal, 'caseworker', 'ngo_admin'), {
        status: request.query.status,
        limit: request.query.limit ?? 20,
        cursor: request.query.cursor,
      }),
  );

  app.post(
    '/api/staff/payment-orders/:orderId/refunds',
    {
      config: { access: NGO_ADMIN },
      schema: { tags: ['payments'], params: PaymentOrderIdParams, body: RefundBody, response: { 201: RefundView, ...errors } },
    },
    async (request, reply) => {
      const refund = await requestRefund(app, principalAs(request.principal, 'caseworker', 'ngo_admin'), request.params.orderId, request.body);
      return reply.status(201).send({
        id: refund.id,
        amountFen: refund.amount_fen,
        reason: refund.reason,
        status: refund.status,
        createdAt: refund.created_at,
        finishedAt: refund.finished_at,
      });
    },
  );

  app.get(
    '/api/staff/payment-alerts',
    { config: { access: STAFF }, schema: { tags: ['payments'], querystring: PaymentAlertQuery, response: { 200: PaymentAlertPage, ...errors } } },
    async (request) =>
      listAlerts(app, principalAs(request.principal, 'caseworker', 'ngo_admin'), {
        state: request.query.state ?? 'open',
        limit: request.query.limit ?? 20,
        cursor: request.query.cursor,
      }),
  );

  app.post(
    '/api/staff/payment-alerts/:id/resolve',
    {
      config: { access: NGO_ADMIN },
      schema: { tags: ['payments'], params: AlertIdParams, body: ResolveAlertBody, response: { 200: PaymentAlertView, ...errors } },
    },
    async (request) => resolveAlert(app, principalAs(request.principal, 'caseworker', 'ngo_admin'), request.params.id, request.body.note),
  );

  app.put(
    '/api/staff/ledger-entries/:entryId/receipt-number',
    {
      config: { access: NGO_ADMIN },
      schema: { tags: ['ledger'], params: EntryIdParams, body: ReceiptNumberBody, response: { 200: LedgerEntryView, ...errors } },
    },
    async (request) =>
      setReceiptNumber(app, principalAs(request.principal, 'caseworker', 'ngo_admin'), request.params.entryId, request.body.receiptNumber, localeFrom(request.headers['accept-language'])),
  );
};

export default paymentAdminRoutes;
