import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../domain/api/common';
import {
  ApproveRedactedBody,
  ComposeLetterBody,
  HeldLetterPage,
  LetterDetail,
  LetterIdParams,
  LetterListQuery,
  LetterPage,
  ResubmitLetterBody,
  ReturnLetterBody,
  ReviewDecision,
} from '../../../domain/api/letters';
import { PageQuery } from '../../../domain/api/common';
import { principalAs, STAFF, type AccessRule } from '../../access/rules';
import { localeFrom } from '../../lib/messages';
import { listLetters } from './list';
import { heldQueue } from './review';
import { composeLetter, letterDetail, markRead, resubmitLetter, reviewLetter, withdrawLetter } from './workflow';

const PARTIES: AccessRule = { roles: ['sponsor', 'student'] };
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Letters between sponsor and student, and the NGO's review of held ones. */
const letterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/letters',
    {
      config: { access: PARTIES, pageCache: { page: 'letters', sponsorshipOf: (request) => (request.query as { sponsorshipId?: string }).sponsorshipId } },
      schema: { tags: ['letters'], querystring: LetterListQuery, response: { 200: LetterPage, ...errors } },
    },
    async (request) =>
      listLetters(app.db, principalAs(request.principal, 'sponsor', 'student'), {
        limit: request.query.limit ?? 20,
        cursor: request.query.cursor,
        sponsorshipId: request.query.sponsorshipId,
      }),
  );

  app.post(
    '/api/letters',
    {
      config: { access: PARTIES },
      schema: { tags: ['letters'], body: ComposeLetterBody, response: { 201: LetterDetail, ...errors } },
    },
    async (request, reply) => {
      const principal = principalAs(request.principal, 'sponsor', 'student');
      const id = await composeLetter(app, principal, request.body);
      return reply.status(201).send(await letterDetail(app, principal, id, localeFrom(request.headers['accept-language'])));
    },
  );

  app.get(
    '/api/letters/:id',
    { config: { access: PARTIES }, schema: { tags: ['letters'], params: LetterIdParams, response: { 200: LetterDetail, ...errors } } },
    async (request) =>
      letterDetail(app, principalAs(request.principal, 'sponsor', 'student'), request.params.id, localeFrom(request.headers['accept-language'])),
  );

  app.post(
    '/api/letters/:id/read',
    { config: { access: PARTIES }, schema: { tags: ['letters'], params: LetterIdParams, response: { 200: LetterDetail, ...errors } } },
    async (request) => {
      const principal = principalAs(request.principal, 'sponsor', 'student');
      await markRead(app, principal, request.params.id);
      return letterDetail(app, principal, request.params.id, localeFrom(request.headers['accept-language']));
    },
  );

  app.post(
    '/api/letters/:id/resubmit',
    {
      config: { access: PARTIES },
      schema: { tags: ['letters'], params: LetterIdParams, body: ResubmitLetterBody, response: { 200: LetterDetail, ...errors } },
    },
    async (request) => {
      const principal = principalAs(request.principal, 'sponsor', 'student');
      await resubmitLetter(app, principal, request.params.id, request.body);
      return letterDetail(app, principal, request.params.id, localeFrom(request.headers['accept-language']));
    },
  );

  app.post(
    '/api/letters/:id/withdraw',
    { config: { access: PARTIES }, schema: { tags: ['letters'], params: LetterIdParams, response: { 200: LetterDetail, ...errors } } },
    async (request) => {
      const principal = principalAs(request.principal, 'sponsor', 'student');
      await withdrawLetter(app, principal, request.params.id);
      return letterDetail(app, principal, request.params.id, localeFrom(request.headers['accept-language']));
    },
  );

  app.get(
    '/api/staff/letters/held',
    { config: { access: STAFF }, schema: { tags: ['staff'], querystring: PageQuery, response: { 200: HeldLetterPage, ...errors } } },
    async (request) =>
      heldQueue(
        app,
        principalAs(request.principal, 'caseworker', 'ngo_admin'),
        { limit: request.query.limit ?? 20, cursor: request.query.cursor },
        localeFrom(request.headers['accept-language']),
      ),
  );

  app.post(
    '/api/staff/letters/:id/approve',
    { config: { access: STAFF }, schema: { tags: ['staff'], params: LetterIdParams, response: { 200: ReviewDecision, ...errors } } },
    async (request) => reviewLetter(app, principalAs(request.principal, 'caseworker', 'ngo_admin'), request.params.id, { kind: 'approve' }),
  );

  app.post(
    '/api/staff/letters/:id/return',
    {
      config: { access: STAFF },
      schema: { tags: ['staff'], params: LetterIdParams, body: ReturnLetterBody, response: { 200: ReviewDecision, ...errors } },
    },
    async (request) =>
      reviewLetter(app, principalAs(request.principal, 'caseworker', 'ngo_admin'), request.params.id, { kind: 'return', reason: request.body.reason }),
  );

  app.post(
    '/api/staff/letters/:id/approve-redacted',
    {
      config: { access: STAFF },
      schema: { tags: ['staff'], params: LetterIdParams, body: ApproveRedactedBody, response: { 200: ReviewDecision, ...errors } },
    },
    async (request) =>
      reviewLetter(app, principalAs(request.principal, 'caseworker', 'ngo_admin'), request.params.id, {
        kind: 'approve_redacted',
        redactions: request.body.redactions,
      }),
  );
};

export default letterRoutes;
