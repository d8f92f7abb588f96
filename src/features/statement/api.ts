import type { NewGiftBody, SelfReportedGift, Statement, StatementLine, StatementLinks, StatementYears } from '../../../domain/api/statements';
import { apiClient } from '@/lib/api-client';

export type { NewGiftBody, SelfReportedGift, Statement, StatementLine, StatementLinks };

export function fetchStatementYears(): Promise<StatementYears> {
  return apiClient.get<StatementYears>('/api/sponsor/statements');
}

export function fetchStatement(year: number): Promise<Statement> {
  return apiClient.get<Statement>(`/api/sponsor/statements/${year}`);
}

/** Short-lived links to the PDF and CSV, in the app's language. */
export function fetchStatementLinks(year: number): Promise<StatementLinks> {
  return apiClient.post<StatementLinks>(`/api/sponsor/statements/${year}/links`, {});
}

export function addGift(body: NewGiftBody, idempotencyKey: string): Promise<SelfReportedGift> {
  return apiClient.post<SelfReportedGift>('/api/sponsor/gifts-elsewhere', body, { idempotencyKey });
}

export function deleteGift(id: string): Promise<void> {
  return apiClient.delete<void>(`/api/sponsor/gifts-elsewhere/${encodeURIComponent(id)}`);
}

