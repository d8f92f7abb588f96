import type {
  AcceptHandoverBody,
  AlertRow,
  CaseView,
  CloseFlagBody,
  FlagActionBody,
  FlagCaseView,
  FlagRow,
  HandoverPage,
  LogAttemptBody,
  QueueCounts,
  QueueItem,
  QueuePage,
  QueueQuery,
  QueueTab,
  ReassignBody,
  RejectHandoverBody,
  ResolveAlertBody,
  TaskDoneBody,
  TaskRow,
} from '../../../domain/api/care';
import type { HandoverStatus } from '../../../domain/care/alerts';
import { apiClient } from '@/lib/api-client';

export type {
  AcceptHandoverBody,
  AlertRow,
  CaseView,
  CloseFlagBody,
  FlagActionBody,
  FlagCaseView,
  FlagRow,
  HandoverPage,
  LogAttemptBody,
  QueueCounts,
  QueueItem,
  QueuePage,
  QueueQuery,
  QueueTab,
  ReassignBody,
  RejectHandoverBody,
  ResolveAlertBody,
  TaskRow,
};
export type Handover = HandoverPage['items'][number];

const alertPath = (id: string) => `/api/staff/care/alerts/${encodeURIComponent(id)}`;
const flagPath = (id: string) => `/api/staff/care/flags/${encodeURIComponent(id)}`;
const handoverPath = (id: string) => `/api/staff/care/handovers/${encodeURIComponent(id)}`;

/** The caseworker's queue of the caller's NGO (their own first), with the counts of every tab. */
export function fetchQueue(query: QueueQuery): Promise<QueuePage> {
  return apiClient.get<QueuePage>('/api/staff/care/queue', {
    tab: query.tab,
    scope: query.scope,
    escalated: query.escalated ? true : undefined,
    limit: query.limit,
    cursor: query.cursor,
  });
}

/** One alert with the student, contacts and history (the server audits the read). */
export function fetchCase(alertId: string): Promise<CaseView> {
  return apiClient.get<CaseView>(alertPath(alertId));
}

/** Every action answers the case as it now stands. The key is the same for every retry of one action. */
export function acknowledgeAlert(alertId: string, idempotencyKey: string): Promise<CaseView> {
  return apiClient.post<CaseView>(`${alertPath(alertId)}/acknowledge`, {}, { idempotencyKey });
}

export function logAttempt(alertId: string, body: LogAttemptBody, idempotencyKey: string): Promise<CaseView> {
  return apiClient.post<CaseView>(`${alertPath(alertId)}/attempts`, body, { idempotencyKey });
}

export function resolveAlert(alertId: string, body: ResolveAlertBody, idempotencyKey: string): Promise<CaseView> {
  return apiClient.post<CaseView>(`${alertPath(alertId)}/resolve`, body, { idempotencyKey });
}

export function reassignAlert(alertId: string, body: ReassignBody, idempotencyKey: string): Promise<CaseView> {
  return apiClient.post<CaseView>(`${alertPath(alertId)}/reassign`, body, { idempotencyKey });
}

export function markTaskDone(taskId: string, body: TaskDoneBody, idempotencyKey: string): Promise<void> {
  return apiClient.post<void>(`/api/staff/care/tasks/${encodeURIComponent(taskId)}/done`, body, { idempotencyKey });
}

/** Handovers to the caller's NGO (pending unless another status is asked for). */
export function fetchHandovers(query: { status?: HandoverStatus; limit?: number; cursor?: string }): Promise<HandoverPage> {
  return apiClient.get<HandoverPage>('/api/staff/care/handovers', query);
}

export function acceptHandover(id: string, body: AcceptHandoverBody, idempotencyKey: string): Promise<void> {
  return apiClient.post<void>(`${handoverPath(id)}/accept`, body, { idempotencyKey });
}

export function rejectHandover(id: string, body: RejectHandoverBody, idempotencyKey: string): Promise<void> {
  return apiClient.post<void>(`${handoverPath(id)}/reject`, body, { idempotencyKey });
}

/** One wellbeing flag: the student's words with what raised it, the student and contacts, what was done (the read is audited). */
export function fetchFlag(flagId: string): Promise<FlagCaseView> {
  return apiClient.get<FlagCaseView>(flagPath(flagId));
}

/** Like the alert actions, each answers the flag as it now stands; the key is kept for retries of one action. */
export function acknowledgeFlag(flagId: string, idempotencyKey: string): Promise<FlagCaseView> {
  return apiClient.post<FlagCaseView>(`${flagPath(flagId)}/acknowledge`, {}, { idempotencyKey });
}

/** Records what the caseworker did; on an open flag it also acknowledges it. */
export function recordFlagAction(flagId: string, body: FlagActionBody, idempotencyKey: string): Promise<FlagCaseView> {
  return apiClient.post<FlagCaseView>(`${flagPath(flagId)}/actions`, body, { idempotencyKey });
}

export function closeFlag(flagId: string, body: CloseFlagBody, idempotencyKey: string): Promise<FlagCaseView> {
  return apiClient.post<FlagCaseView>(`${flagPath(flagId)}/close`, body, { idempotencyKey });
}
