export const ROLES = ['sponsor', 'student', 'caseworker', 'ngo_admin'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ['caseworker', 'ngo_admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(role: Role): role is StaffRole {
  return role === 'caseworker' || role === 'ngo_admin';
}

export const PLATFORMS = ['wechat', 'alipay'] as const;
export type Platform = (typeof PLATFORMS)[number];
