import type { NgoOverview } from '../../../domain/api/homes';
import { apiClient } from '@/lib/api-client';
import type {
  ApproveStoryResponse,
  ConsentView,
  CreateStudentBody,
  EnterPoolResponse,
  IssuedInvite,
  RecordConsentBody,
  StaffStudentDetail,
  TermReportBody,
  TermReportView,
  UpdateStudentBody,
  WithdrawConsentResponse,
} from './types';

const base = (id: string) => `/api/staff/students/${encodeURIComponent(id)}`;

/** The whole record, contacts and consents included (each read is written to the audit log). */
export function fetchStudentDetail(id: string): Promise<StaffStudentDetail> {
  return apiClient.get<StaffStudentDetail>(base(id));
}

/** The caseworkers to choose from. */
export function fetchOverview(): Promise<NgoOverview> {
  return apiClient.get<NgoOverview>('/api/staff/overview');
}

export function createStudent(body: CreateStudentBody, idempotencyKey: string): Promise<StaffStudentDetail> {
  return apiClient.post<StaffStudentDetail>('/api/staff/students', body, { idempotencyKey });
}

export function updateStudent(id: string, body: UpdateStudentBody, idempotencyKey: string): Promise<StaffStudentDetail> {
  return apiClient.post<StaffStudentDetail>(base(id), body, { idempotencyKey });
}

/** NGO admin: the display name and story may now be shown to sponsors. */
export function approveStory(id: string): Promise<ApproveStoryResponse> {
  return apiClient.post<ApproveStoryResponse>(`${base(id)}/approve-story`, {});
}

export function recordConsent(id: string, body: RecordConsentBody, idempotencyKey: string): Promise<ConsentView> {
  return apiClient.post<ConsentView>(`${base(id)}/consents`, body, { idempotencyKey });
}

/** Hides the student from sponsors at once; the answer says what the NGO should do next. */
export function withdrawConsent(id: string, consentId: string, reason: string): Promise<WithdrawConsentResponse> {
  return apiClient.post<WithdrawConsentResponse>(`${base(id)}/consents/${encodeURIComponent(consentId)}/withdraw`, { reason });
}

/** NGO admin: the student starts waiting for a sponsor. A 409 lists what is still missing. */
export function enterPool(id: string): Promise<EnterPoolResponse> {
  return apiClient.post<EnterPoolResponse>(`${base(id)}/pool`, {});
}

/** A new single-use code (the previous one stops working). */
export function issueInvite(id: string): Promise<IssuedInvite> {
  return apiClient.post<IssuedInvite>(`${base(id)}/invites`, {});
}

/** A term report entered by the caseworker on the student's behalf. */
export function submitTermReport(id: string, body: TermReportBody, idempotencyKey: string): Promise<TermReportView> {
  return apiClient.post<TermReportView>(`${base(id)}/term-reports`, body, { idempotencyKey });
}
