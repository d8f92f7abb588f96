import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, Id } from '../../../domain/api/common';
import { NgoOverview, StaffStudentPage, StaffStudentQuery } from '../../../domain/api/homes';
import { StudentLeftBody } from '../../../domain/api/sponsorship';
import { principalAs, STAFF } from '../../access/rules';
import { recordAudit } from '../../audit/record';
import { listNgoStudents, ngoOverview } from './repository';
import { recordStudentLeft } from './student-left';

const StudentIdParams = Type.Object({ id: Id }, { additionalProperties: false });

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

  app.post(
    '/api/staff/students/:id/left',
    {
      config: { access: STAFF },
      schema: {
        tags: ['staff'],
        params: StudentIdParams,
        body: StudentLeftBody,
        response: { 204: Type.Null(), ...staffErrors, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const principal = principalAs(request.principal, 'caseworker', 'ngo_admin');
      await recordStudentLeft(app.db, principal, request.params.id, request.body, app.clock.now());
      return reply.status(204).send(null);
    },
  );
};

export default staffRoutes;
