import type { StudentProfile } from '../../../domain/api/homes';
import { apiClient } from '@/lib/api-client';

export type { StudentProfile };

/** The signed-in student's own record and their sponsor's display name. */
export function fetchStudentProfile(): Promise<StudentProfile> {
  return apiClient.get<StudentProfile>('/api/student/profile');
}
