import type {
  CompleteRequestBody,
  CorrectionResponse,
  DataPackageResponse,
  ErasureResult,
  GuardianRequestDetail,
  GuardianRequestList,
  GuardianRequestView,
  NewGuardianRequestBody,
} from '../../../domain/api/guardian-requests';
import type { UpdateStudentBody } from '../../../domain/api/students';
import { apiClient } from '@/lib/api-client';

export type { DataPackageResponse, ErasureResult, GuardianRequestDetail, GuardianRequestList, GuardianRequestView, NewGuardianRequestBody };
export type { StudentDataPackage, RequestStudent, ErasureCounts } from '../../../domain/api/guardian-requests';

const ofStudent = (studentId: string) => `/api/staff/students/${encodeURIComponent(studentId)}/guardian-requests`;
const one = (id: string) => `/api/staff/guardian-requests/${encodeURIComponent(id)}`;

/** A student's requests, newest first (the read is audited). */
export function fetchRequests(studentId: string, cursor?: string): Promise<GuardianRequestList> {
  return apiClient.get<GuardianRequestList>(ofStudent(studentId), { cursor });
}

export function recordRequest(studentId: string, body: NewGuardianRequestBody, idempotencyKey: string): Promise<GuardianRequestView> {
  return apiClient.post<GuardianRequestView>(ofStudent(studentId), body, { idempotencyKey });
}

export function fetchRequest(id: string): Promise<GuardianRequestDetail> {
  return apiClient.get<GuardianRequestDetail>(one(id));
}

/** An access request: the student's data package, produced now (audited each time). */
export function produceDataPackage(id: string): Promise<DataPackageResponse> {
  return apiClient.post<DataPackageResponse>(`${one(id)}/data-package`, {});
}

/** A correction request: the student's record edited through the usual edit, naming the request. */
export function correctForRequest(id: string, body: UpdateStudentBody, idempotencyKey: string): Promise<CorrectionResponse> {
  return apiClient.post<CorrectionResponse>(`${one(id)}/correction`, body, { idempotencyKey });
}

/** A deletion request: erases the student's personal data and completes the request. Cannot be undone. */
export function eraseForRequest(id: string): Promise<ErasureResult> {
  return apiClient.post<ErasureResult>(`${one(id)}/erase`, {});
}

export function completeRequest(id: string, body: CompleteRequestBody): Promise<GuardianRequestView> {
  return apiClient.post<GuardianRequestView>(`${one(id)}/complete`, body);
}

export function refuseRequest(id: string, reason: string): Promise<GuardianRequestView> {
  return apiClient.post<GuardianRequestView>(`${one(id)}/refuse`, { reason });
}
