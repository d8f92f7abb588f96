import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../domain/api/common';
import { StudentProfile } from '../../../domain/api/homes';
import { principalAs, STUDENT } from '../../access/rules';
import { studentProfile } from './repository';

const studentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/student/profile',
    {
      config: { access: STUDENT },
      schema: { tags: ['student'], response: { 200: StudentProfile, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } },
    },
    async (request) => studentProfile(app.db, principalAs(request.principal, 'student')),
  );
};

export default studentRoutes;
