import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CarePolicyView, UpdateCarePolicyBody } from '../../../domain/api/care';
import { ErrorBody } from '../../../domain/api/common';
import { principalAs, STAFF } from '../../access/rules';
import { carePolicyView, updateCarePolicy } from './repository';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['care'];

const carePolicyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/staff/care/policy',
    { config: { access: STAFF }, schema: { tags, response: { 200: CarePolicyView, ...errors } } },
    async (request) => carePolicyView(app.db, principalAs(request.principal, 'caseworker', 'ngo_admin')),
  );

  app.put(
    '/api/staff/care/policy',
    { config: { access: { roles: ['ngo_admin'] } }, schema: { tags, body: UpdateCarePolicyBody, response: { 200: CarePolicyView, ...errors } } },
    async (request) => updateCarePolicy(app.db, principalAs(request.principal, 'ngo_admin'), request.body, app.clock.now()),
  );
};

export default carePolicyRoutes;
