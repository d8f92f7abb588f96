import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PageQuery } from '../../../domain/api/common';
import { ReconciliationReportPage, ReconciliationReportView, RunReconciliationBody } from '../../../domain/api/payment-admin';
import { principalAs, STAFF, type AccessRule } from '../../access/rules';
import { recordAudit } from '../../audit/record';
import { decodeCursor, toPage } from '../../lib/cursor';
import { AppError } from '../../lib/errors';
import { shanghaiToday } from '../../lib/local-date';
import { reconcileDay, toReportView } from './run';

const NGO_ADMIN: AccessRule = { roles: ['ngo_admin'] };
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** NGO staff: the daily reconciliation reports of the NGO's merchants; the admin may run a day again. */
const reconciliationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/staff/reconciliation-reports',
    { config: { access: STAFF }, schema: { tags: ['payments'], querystring: PageQuery, response: { 200: ReconciliationReportPage, ...errors } } },
    async (request) => {
      const principal = principalAs(request.principal, 'caseworker', 'ngo_admin');
      const limit = request.query.limit ?? 20;
      const after = decodeCursor(request.query.cursor, ['text', 'text']);
      let query = app.db
        .selectFrom('reconciliation_reports')
        .selectAll()
        .where('ngo_id', '=', principal.ngoId)
        .orderBy('bill_date', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (after) {
        const [billDate, id] = after;
        query = query.where((eb) => eb.or([eb('bill_date', '<', billDate), eb.and([eb('bill_date', '=', billDate), eb('id', '<', id)])]));
      }
      const { items, nextCursor } = toPage(await query.execute(), limit, (r) => [r.bill_date, r.id]);
      return { items: items.map(toReportView), nextCursor };
    },
  );

  app.post(
    '/api/staff/reconciliation-reports/run',
    { config: { access: NGO_ADMIN }, schema: { tags: ['payments'], body: RunReconciliationBody, response: { 200: ReconciliationReportView, ...errors } } },
    async (request) => {
      const principal = principalAs(request.principal, 'caseworker', 'ngo_admin');
      const now = app.clock.now();
      const { platform, billDate } = request.body;
      if (billDate >= shanghaiToday(now)) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.billDate', message: 'bill_date' }] });
      const report = await reconcileDay(app, { ngoId: principal.ngoId, platform }, billDate, now);
      if (!report) throw new AppError('MERCHANT_NOT_CONFIGURED');
      await recordAudit(app.db, principal, now, {
        action: 'payment.reconciliation.run',
        entityType: 'reconciliation_report',
        entityId: report.id,
        detail: { platform, billDate, status: report.status },
      });
      return toReportView(report);
    },
  );
};

export default reconciliationRoutes;
