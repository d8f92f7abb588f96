import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../domain/api/common';
import { NgoOverview, StaffStudentPage, StaffStudentQuery } from '../../../domain/api/homes';
import { principalAs, STAFF } from '../../access/rules';
import { recordAudit } from '../../audit/record';
import { listNgoStudents, ngoOverview } from './repository';

const staffErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/staff/overview',
    { config: { access: STAFF }, schema: { tags: ['staff'], response: { 200: NgoOverview, ...staffErrors } } },
    async (request) => ngoOverview(app.db, principalAs(request.principal, 'caseworker', 'ngo_admin'), app.clock.now()),
  );

  app.get(
    '/api/staff/students',
    {
      config: { access: STAFF },
      schema: { tags: ['staff'], querystring: StaffStudentQuery, response: { 200: StaffStudentPage, ...staffErrors } },
    },
    async (request) => {
      const principal = principalAs(request.principal, 'caseworker', 'ngo_admin');
      const now = app.clock.now();
      const page = await listNgoStudents(
        app.db,
        principal,
        { limit: request.query.limit ?? 20, cursor: request.query.cursor, scope: request.query.scope ?? 'all' },
        now,
      );
      // Staff reads of student records are audited; a list is recorded once with the ids it showed.
      await recordAudit(app.db, principal, now, {
        action: 'students.list',
        entityType: 'ngo',
        entityId: principal.ngoId,
        detail: { studentIds: page.items.map((s) => s.id) },
      });
      return page;
    },
  );
};

export default staffRoutes;
