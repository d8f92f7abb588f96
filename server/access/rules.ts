import type { Role } from '../../domain/roles';
import { AppError } from '../lib/errors';
import type { Principal, PrincipalOf } from './principal';

export type AccessRule = 'public' | 'signed-in' | { roles: readonly Role[] };

export const STAFF: AccessRule = { roles: ['caseworker', 'ngo_admin'] };
export const SPONSOR: AccessRule = { roles: ['sponsor'] };
export const STUDENT: AccessRule = { roles: ['student'] };

export function isAllowed(rule: AccessRule, principal: Principal | null): boolean {
  if (rule === 'public') return true;
  if (!principal) return false;
  return rule === 'signed-in' || rule.roles.includes(principal.role);
}

/**
 * Narrows the request's principal to the roles a route allows. The access plugin has already refused
 * other callers; this turns that guarantee into a type for the handler.
 */
export function principalAs<R extends Role>(principal: Principal | null, ...roles: R[]): PrincipalOf<R> {
  if (!principal) throw new AppError('UNAUTHENTICATED');
  if (!(roles as Role[]).includes(principal.role)) throw new AppError('FORBIDDEN');
  return principal as PrincipalOf<R>;
}
