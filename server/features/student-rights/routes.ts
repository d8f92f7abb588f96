import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../domain/api/common';
import {
  CompleteRequestBody,
  CorrectionResponse,
  DataPackageResponse,
  ErasureResult,
  GuardianRequestDetail,
  GuardianRequestList,
  GuardianRequestQuery,
  GuardianRequestView,
  NewGuardianRequestBody,
  RefuseRequestBody,
  RequestIdParams,
} from '../../../domain/api/guardian-requests';
import { StudentIdParams, UpdateStudentBody } from '../../../domain/api/students';
import { principalAs, STAFF } from '../../access/rules';
import { eraseForRequest, produceDataPackage } from './actions';
import { completeRequest, correctForRequest, listRequests, recordRequest, refuseRequest, requestDetail } from './requests';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['student-rights'];

/** A guardian's requests about a student's data, handled by staff of the student's NGO (caseworkers and its admin). */
const studentRightsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staff = (request: { principal: Parameters<typeof principalAs>[0] }) => principalAs(request.principal, 'caseworker', 'ngo_admin');

  app.get(
    '/api/staff/students/:id/guardian-requests',
    { config: { access: STAFF }, schema: { tags, params: StudentIdParams, querystring: GuardianRequestQuery, response: { 200: GuardianRequestList, ...errors } } },
    async (request) => listRequests(app.db, staff(request), request.params.id, { limit: request.query.limit ?? 20, cursor: request.query.cursor }, app.clock.now()),
  );

  app.post(
    '/api/staff/students/:id/guardian-requests',
    { config: { access: STAFF }, schema: { tags, params: StudentIdParams, body: NewGuardianRequestBody, response: { 201: GuardianRequestView, ...errors } } },
    async (request, reply) => reply.status(201).send(await recordRequest(app.db, staff(request), request.params.id, request.body, app.clock.now())),
  );

  app.get(
    '/api/staff/guardian-requests/:id',
    { config: { access: STAFF }, schema: { tags, params: RequestIdParams, response: { 200: GuardianRequestDetail, ...errors } } },
    async (request) => requestDetail(app.db, staff(request), request.params.id, app.clock.now()),
  );

  app.post(
    '/api/staff/guardian-requests/:id/data-package',
    { config: { access: STAFF }, schema: { tags, params: RequestIdParams, response: { 200: DataPackageResponse, ...errors } } },
    async (request) => produceDataPackage(app, staff(request), request.params.id),
  );

  app.post(
    '/api/staff/guardian-requests/:id/correction',
    { config: { access: STAFF }, schema: { tags, params: RequestIdParams, body: UpdateStudentBody, response: { 200: CorrectionResponse, ...errors } } },
    async (request) => correctForRequest(app.db, staff(request), request.params.id, request.body, app.clock.now()),
  );

  app.post(
    '/api/staff/guardian-requests/:id/erase',
    { config: { access: STAFF }, schema: { tags, params: RequestIdParams, response: { 200: ErasureResult, ...errors } } },
    async (request) => eraseForRequest(app, staff(request), request.params.id),
  );

  app.post(
    '/api/staff/guardian-requests/:id/complete',
    { config: { access: STAFF }, schema: { tags, params: RequestIdParams, body: CompleteRequestBody, response: { 200: GuardianRequestView, ...errors } } },
    async (request) => completeRequest(app.db, staff(request), request.params.id, request.body, app.clock.now()),
  );

  app.post(
    '/api/staff/guardian-requests/:id/refuse',
    { config: { access: STAFF }, schema: { tags, params: RequestIdParams, body: RefuseRequestBody, response: { 200: GuardianRequestView, ...errors } } },
    async (request) => refuseRequest(app.db, staff(request), request.params.id, request.body.reason, app.clock.now()),
  );
};

export default studentRightsRoutes;
