import type { StudentProfile as ProfileBody } from '../../../domain/api/homes';
import type { SchoolStage } from '../../../domain/student';
import { apiClient } from '@/lib/api-client';

/** StudentProfile with `schoolStage` as the union the schema enforces at runtime. */
export type StudentProfile = Omit<ProfileBody, 'schoolStage'> & { schoolStage: SchoolStage };

/** The signed-in student's own record and their sponsor's display name. */
export function fetchStudentProfile(): Promise<StudentProfile> {
  return apiClient.get<StudentProfile>('/api/student/profile');
}
