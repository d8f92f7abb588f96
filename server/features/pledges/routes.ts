import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../domain/api/common';
import { ConfirmBody, Reservation, ReserveBody } from '../../../domain/api/pool';
import { SponsorshipDetail, SponsorshipIdParams } from '../../../domain/api/sponsorship';
import { principalAs, SPONSOR } from '../../access/rules';
import { confirmPledge, releaseReservation, reservationView, reserveStudent } from './workflow';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Pledging with a cool-down: reserve for 15 minutes, read the whole commitment, confirm each point. */
const pledgeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/pledges/reserve',
    { config: { access: SPONSOR }, schema: { tags: ['pledges'], body: ReserveBody, response: { 201: Reservation, ...errors } } },
    async (request, reply) => {
      const reservation = await reserveStudent(app, principalAs(request.principal, 'sponsor'), request.body);
      return reply.status(201).send(reservation);
    },
  );

  app.get(
    '/api/pledges/:id',
    { config: { access: SPONSOR }, schema: { tags: ['pledges'], params: SponsorshipIdParams, response: { 200: Reservation, ...errors } } },
    async (request) => reservationView(app, principalAs(request.principal, 'sponsor'), request.params.id),
  );

  app.post(
    '/api/pledges/:id/confirm',
    {
      config: { access: SPONSOR },
      schema: { tags: ['pledges'], params: SponsorshipIdParams, body: ConfirmBody, response: { 200: SponsorshipDetail, ...errors } },
    },
    async (request) => confirmPledge(app, principalAs(request.principal, 'sponsor'), request.params.id, request.body.acknowledgements),
  );

  app.post(
    '/api/pledges/:id/release',
    { config: { access: SPONSOR }, schema: { tags: ['pledges'], params: SponsorshipIdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await releaseReservation(app, principalAs(request.principal, 'sponsor'), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

export default pledgeRoutes;
