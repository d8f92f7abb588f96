import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../domain/api/common';
import { StudentIdParams, StudentTermReports, TermReportBody, TermReportView } from '../../../domain/api/students';
import { principalAs, STAFF, STUDENT } from '../../access/rules';
import { staffStudent } from '../onboarding/repository';
import { createTermReport, studentTermReports, type TermReportRow } from './repository';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

const termReportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const view = (r: TermReportRow): TermReportView => ({
    id: r.id,
    term: r.term,
    grade: r.grade,
    overallResult: r.overall_result,
    authoredBy: r.authored_by,
    photoUrl: r.photo_key ? app.signedFileUrl(r.photo_key) : null,
    createdAt: r.created_at,
  });

  app.post(
    '/api/student/term-reports',
    { config: { access: STUDENT }, schema: { tags: ['student'], body: TermReportBody, response: { 201: TermReportView, ...errors } } },
    async (request, reply) => {
      const principal = principalAs(request.principal, 'student');
      const row = await createTermReport(app.db, principal, principal.studentId, 'student', request.body, app.clock.now());
      return reply.status(201).send(view(row));
    },
  );

  app.get(
    '/api/student/term-reports',
    { config: { access: STUDENT }, schema: { tags: ['student'], response: { 200: StudentTermReports, ...errors } } },
    async (request) => {
      const principal = principalAs(request.principal, 'student');
      const { rows, dueTerms, schoolStage } = await studentTermReports(app.db, principal.studentId, app.clock.now());
      return { items: rows.map(view), dueTerms, schoolStage };
    },
  );

  app.post(
    '/api/staff/students/:id/term-reports',
    {
      config: { access: STAFF },
      schema: { tags: ['staff'], params: StudentIdParams, body: TermReportBody, response: { 201: TermReportView, ...errors } },
    },
    async (request, reply) => {
      const principal = principalAs(request.principal, 'caseworker', 'ngo_admin');
      await staffStudent(app.db, principal, request.params.id);
      const row = await createTermReport(app.db, principal, request.params.id, 'caseworker', request.body, app.clock.now());
      return reply.status(201).send(view(row));
    },
  );
};

export default termReportRoutes;
