import 'fastify';
import type { Role } from '../domain/roles';
import type { AppConfig } from './config';
import type { Db } from './db/connect';
import type { Clock } from './lib/clock';
import type { Principal } from './access/principal';
import type { AccessRule } from './access/rules';

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
    db: Db;
    dialect: 'sqlite' | 'postgres';
    clock: Clock;
  }
  interface FastifyRequest {
    /** The signed-in caller, set by the access plugin; null on public routes without a session. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route. Every /api route must declare it; the access plugin enforces it. */
    access?: AccessRule;
  }
}

export type { Role };
