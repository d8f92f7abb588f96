import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CloseFlagBody, FlagActionBody, FlagCaseView, FlagParams } from '../../../domain/api/care';
import { ErrorBody } from '../../../domain/api/common';
import { principalAs, STAFF } from '../../access/rules';
import { recordAudit } from '../../audit/record';
import { acknowledgeFlag, closeFlag, recordFlagAction } from './actions';
import { loadFlagCase } from './case-view';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['care'];

/** A wellbeing flag as the caseworker works it; every action answers the flag as it now stands. */
const wellbeingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staff = (principal: Parameters<typeof principalAs>[0]) => principalAs(principal, 'caseworker', 'ngo_admin');

  app.get(
    '/api/staff/care/flags/:id',
    { config: { access: STAFF }, schema: { tags, params: FlagParams, response: { 200: FlagCaseView, ...errors } } },
    async (request) => {
      const principal = staff(request.principal);
      const view = await loadFlagCase(app.db, principal, request.params.id);
      // A student's words read by staff are a read of their record: audited.
      await recordAudit(app.db, principal, app.clock.now(), { action: 'wellbeing.read', entityType: 'wellbeing_flag', entityId: view.flag.id, studentId: view.student.id });
      return view;
    },
  );

  app.post(
    '/api/staff/care/flags/:id/acknowledge',
    { config: { access: STAFF }, schema: { tags, params: FlagParams, response: { 200: FlagCaseView, ...errors } } },
    async (request) => {
      await acknowledgeFlag(app.db, staff(request.principal), request.params.id, app.clock.now());
      return loadFlagCase(app.db, staff(request.principal), request.params.id);
    },
  );

  app.post(
    '/api/staff/care/flags/:id/actions',
    { config: { access: STAFF }, schema: { tags, params: FlagParams, body: FlagActionBody, response: { 201: FlagCaseView, ...errors } } },
    async (request, reply) => {
      await recordFlagAction(app.db, staff(request.principal), request.params.id, request.body, app.clock.now());
      return reply.status(201).send(await loadFlagCase(app.db, staff(request.principal), request.params.id));
    },
  );

  app.post(
    '/api/staff/care/flags/:id/close',
    { config: { access: STAFF }, schema: { tags, params: FlagParams, body: CloseFlagBody, response: { 200: FlagCaseView, ...errors } } },
    async (request) => {
      await closeFlag(app.db, staff(request.principal), request.params.id, request.body, app.clock.now());
      return loadFlagCase(app.db, staff(request.principal), request.params.id);
    },
  );
};

export default wellbeingRoutes;
