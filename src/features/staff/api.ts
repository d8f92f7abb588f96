import type { PageOf } from '../../../domain/api/common';
import type { NgoOverview, StaffStudentQuery, StaffStudentRow } from '../../../domain/api/homes';
import { apiClient } from '@/lib/api-client';

export type StaffStudent = StaffStudentRow;

/** The caller's NGO at a glance (caseworker or NGO admin). */
export function fetchNgoOverview(): Promise<NgoOverview> {
  return apiClient.get<NgoOverview>('/api/staff/overview');
}

/** Students of the caller's NGO; `scope: 'mine'` narrows to a caseworker's own. */
export function fetchStaffStudents(query: StaffStudentQuery = {}): Promise<PageOf<StaffStudent>> {
  return apiClient.get<PageOf<StaffStudent>>('/api/staff/students', {
    limit: query.limit,
    cursor: query.cursor,
    scope: query.scope,
  });
}
