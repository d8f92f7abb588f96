import type { Role } from '../../domain/roles';

/** Absolute page paths, as Taro's navigation APIs and the h5 router expect them. */
export const ROUTES = {
  launch: '/pages/launch/index',
  login: '/pages/login/index',
  settings: '/pages/settings/index',
  sponsorHome: '/packages/sponsor/pages/home/index',
  studentHome: '/packages/student/pages/home/index',
  staffHome: '/packages/staff/pages/home/index',
} as const;

/** Each role has one home, in its own sub-package; caseworkers and NGO admins share the staff one. */
export function homeFor(role: Role): string {
  switch (role) {
    case 'sponsor':
      return ROUTES.sponsorHome;
    case 'student':
      return ROUTES.studentHome;
    case 'caseworker':
    case 'ngo_admin':
      return ROUTES.staffHome;
  }
}
