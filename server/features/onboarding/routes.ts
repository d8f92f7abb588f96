import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../domain/api/common';
import {
  ApproveStoryResponse,
  ConsentParams,
  ConsentView,
  CreateStudentBody,
  EnterPoolResponse,
  IssuedInvite,
  RecordConsentBody,
  StaffStudentDetail,
  StudentIdParams,
  UpdateStudentBody,
  WithdrawConsentBody,
  WithdrawConsentResponse,
} from '../../../domain/api/students';
import { principalAs, STAFF } from '../../access/rules';
import { localeFrom } from '../../lib/messages';
import { issueInvite } from '../invites/repository';
import {
  approveStory,
  createStudent,
  enterPool,
  recordConsent,
  staffStudentDetail,
  updateStudent,
  withdrawConsent,
} from './repository';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const ADMIN = { roles: ['ngo_admin'] as const };

/** NGO onboarding: students, their guardian consents, story approval, entering the pool, invites. */
const onboardingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staff = (request: { principal: Parameters<typeof principalAs>[0] }) => principalAs(request.principal, 'caseworker', 'ngo_admin');

  app.post(
    '/api/staff/students',
    { config: { access: STAFF }, schema: { tags: ['staff'], body: CreateStudentBody, response: { 201: StaffStudentDetail, ...errors } } },
    async (request, reply) => {
      const principal = staff(request);
      const now = app.clock.now();
      const id = await createStudent(app.db, principal, request.body, now);
      return reply.status(201).send(await staffStudentDetail(app.db, principal, id, now));
    },
  );

  app.get(
    '/api/staff/students/:id',
    { config: { access: STAFF }, schema: { tags: ['staff'], params: StudentIdParams, response: { 200: StaffStudentDetail, ...errors } } },
    async (request) => staffStudentDetail(app.db, staff(request), request.params.id, app.clock.now()),
  );

  app.post(
    '/api/staff/students/:id',
    {
      config: { access: STAFF },
      schema: { tags: ['staff'], params: StudentIdParams, body: UpdateStudentBody, response: { 200: StaffStudentDetail, ...errors } },
    },
    async (request) => {
      const principal = staff(request);
      const now = app.clock.now();
      await updateStudent(app.db, principal, request.params.id, request.body, now);
      return staffStudentDetail(app.db, principal, request.params.id, now);
    },
  );

  app.post(
    '/api/staff/students/:id/approve-story',
    { config: { access: ADMIN }, schema: { tags: ['staff'], params: StudentIdParams, response: { 200: ApproveStoryResponse, ...errors } } },
    async (request) => ({
      storyApprovedAt: await approveStory(app.db, principalAs(request.principal, 'ngo_admin'), request.params.id, app.clock.now()),
    }),
  );

  app.post(
    '/api/staff/students/:id/pool',
    { config: { access: ADMIN }, schema: { tags: ['staff'], params: StudentIdParams, response: { 200: EnterPoolResponse, ...errors } } },
    async (request) => ({ poolSince: await enterPool(app.db, principalAs(request.principal, 'ngo_admin'), request.params.id, app.clock.now()) }),
  );

  app.post(
    '/api/staff/students/:id/consents',
    {
      config: { access: STAFF },
      schema: { tags: ['staff'], params: StudentIdParams, body: RecordConsentBody, response: { 201: ConsentView, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await recordConsent(app.db, staff(request), request.params.id, request.body, app.clock.now())),
  );

  app.post(
    '/api/staff/students/:id/consents/:consentId/withdraw',
    {
      config: { access: STAFF },
      schema: { tags: ['staff'], params: ConsentParams, body: WithdrawConsentBody, response: { 200: WithdrawConsentResponse, ...errors } },
    },
    async (request) =>
      withdrawConsent(
        app.db,
        staff(request),
        request.params.id,
        request.params.consentId,
        request.body.reason,
        app.clock.now(),
        localeFrom(request.headers['accept-language']),
      ),
  );

  app.post(
    '/api/staff/students/:id/invites',
    { config: { access: STAFF }, schema: { tags: ['staff'], params: StudentIdParams, response: { 201: IssuedInvite, ...errors } } },
    async (request, reply) => reply.status(201).send(await issueInvite(app.db, staff(request), request.params.id, app.clock.now())),
  );
};

export default onboardingRoutes;
