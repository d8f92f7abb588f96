import type { Role } from '../../domain/roles';

/** Who is calling, with the record ids their access is scoped by. */
export type Principal =
  | { accountId: string; sessionId: string; role: 'sponsor'; sponsorId: string; displayName: string }
  | { accountId: string; sessionId: string; role: 'student'; studentId: string; ngoId: string; displayName: string }
  | {
      accountId: string;
      sessionId: string;
      role: 'caseworker' | 'ngo_admin';
      staffId: string;
      ngoId: string;
      displayName: string;
    };

export type PrincipalOf<R extends Role> = Extract<Principal, { role: R }>;
