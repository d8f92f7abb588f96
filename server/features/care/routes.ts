import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AcceptHandoverBody,
  AlertParams,
  CaseView,
  HandoverPage,
  HandoverParams,
  HandoverQuery,
  LogAttemptBody,
  QueuePage,
  QueueQuery,
  ReassignBody,
  RejectHandoverBody,
  ResolveAlertBody,
  TaskDoneBody,
} from '../../../domain/api/care';
import { ErrorBody } from '../../../domain/api/common';
import { principalAs, STAFF, type AccessRule } from '../../access/rules';
import { recordAudit } from '../../audit/record';
import { acknowledgeAlert, logAttempt, markTaskDone, reassignAlert } from './actions';
import { loadCaseView } from './case-view';
import { acceptHandover, listHandovers, rejectHandover } from './handovers';
import { listQueue } from './queue';
import { resolveAlert } from './resolve';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const NGO_ADMIN: AccessRule = { roles: ['ngo_admin'] };
const tags = ['care'];
/** A task is addressed by its id, as an alert is. */
const TaskParams = AlertParams;

const careRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staff = (principal: Parameters<typeof principalAs>[0]) => principalAs(principal, 'caseworker', 'ngo_admin');
  /** Every alert action answers the case as it now stands. */
  const caseOf = (principal: Parameters<typeof principalAs>[0], alertId: string) => loadCaseView(app.db, staff(principal), alertId);

  app.get(
    '/api/staff/care/queue',
    { config: { access: STAFF }, schema: { tags, querystring: QueueQuery, response: { 200: QueuePage, ...errors } } },
    async (request) =>
      listQueue(app.db, staff(request.principal), {
        tab: request.query.tab ?? 'alerts',
        scope: request.query.scope ?? 'all',
        escalated: request.query.escalated ?? false,
        limit: request.query.limit ?? 20,
        cursor: request.query.cursor,
      }),
  );

  app.get(
    '/api/staff/care/alerts/:id',
    { config: { access: STAFF }, schema: { tags, params: AlertParams, response: { 200: CaseView, ...errors } } },
    async (request) => {
      const principal = staff(request.principal);
      const view = await loadCaseView(app.db, principal, request.params.id);
      // Staff reads of a student's record are audited.
      await recordAudit(app.db, principal, app.clock.now(), { action: 'alerts.read', entityType: 'alert', entityId: view.alert.id, studentId: view.student.id });
      return view;
    },
  );

  app.post(
    '/api/staff/care/alerts/:id/acknowledge',
    { config: { access: STAFF }, schema: { tags, params: AlertParams, response: { 200: CaseView, ...errors } } },
    async (request) => {
      await acknowledgeAlert(app.db, staff(request.principal), request.params.id, app.clock.now());
      return caseOf(request.principal, request.params.id);
    },
  );

  app.post(
    '/api/staff/care/alerts/:id/attempts',
    { config: { access: STAFF }, schema: { tags, params: AlertParams, body: LogAttemptBody, response: { 201: CaseView, ...errors } } },
    async (request, reply) => {
      await logAttempt(app.db, staff(request.principal), request.params.id, request.body, app.clock.now());
      return reply.status(201).send(await caseOf(request.principal, request.params.id));
    },
  );

  app.post(
    '/api/staff/care/alerts/:id/resolve',
    { config: { access: STAFF }, schema: { tags, params: AlertParams, body: ResolveAlertBody, response: { 200: CaseView, ...errors } } },
    async (request) => {
      await resolveAlert(app.db, staff(request.principal), request.params.id, request.body, app.clock.now());
      return caseOf(request.principal, request.params.id);
    },
  );

  app.post(
    '/api/staff/care/alerts/:id/reassign',
    { config: { access: STAFF }, schema: { tags, params: AlertParams, body: ReassignBody, response: { 200: CaseView, ...errors } } },
    async (request) => {
      await reassignAlert(app.db, staff(request.principal), request.params.id, request.body, app.clock.now());
      return caseOf(request.principal, request.params.id);
    },
  );

  app.post(
    '/api/staff/care/tasks/:id/done',
    { config: { access: STAFF }, schema: { tags, params: TaskParams, body: TaskDoneBody, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await markTaskDone(app.db, staff(request.principal), request.params.id, request.body, app.clock.now());
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/staff/care/handovers',
    { config: { access: STAFF }, schema: { tags, querystring: HandoverQuery, response: { 200: HandoverPage, ...errors } } },
    async (request) =>
      listHandovers(app.db, staff(request.principal), { limit: request.query.limit ?? 20, cursor: request.query.cursor, status: request.query.status }),
  );

  app.post(
    '/api/staff/care/handovers/:id/accept',
    { config: { access: NGO_ADMIN }, schema: { tags, params: HandoverParams, body: AcceptHandoverBody, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await acceptHandover(app.db, principalAs(request.principal, 'ngo_admin'), request.params.id, request.body, app.clock.now());
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/staff/care/handovers/:id/reject',
    { config: { access: NGO_ADMIN }, schema: { tags, params: HandoverParams, body: RejectHandoverBody, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await rejectHandover(app.db, principalAs(request.principal, 'ngo_admin'), request.params.id, request.body, app.clock.now());
      return reply.status(204).send(null);
    },
  );
};

export default careRoutes;
