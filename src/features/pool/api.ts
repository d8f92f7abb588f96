import type { PoolFilters, PoolPage, PoolStudent, PoolStudentResponse } from '../../../domain/api/pool';
import { apiClient } from '@/lib/api-client';
import type { PoolFilterValues } from './query';
import { filtersQuery, poolQuery } from './query';

export type { PoolFilters, PoolPage, PoolStudent, PoolStudentResponse };

/** Students still waiting for a sponsor, longest-waiting first. */
export function fetchPool(filters: PoolFilterValues, page: { limit: number; cursor?: string }): Promise<PoolPage> {
  return apiClient.get<PoolPage>('/api/pool', poolQuery(filters, page));
}

/** The regions, school stages and need bands some waiting student has, given the other filters chosen. */
export function fetchPoolFilters(filters: PoolFilterValues): Promise<PoolFilters> {
  return apiClient.get<PoolFilters>('/api/pool/filters', filtersQuery(filters));
}

/** One student: still waiting (with the NGO's record and policy), or taken (with three similar students). */
export function fetchPoolStudent(id: string): Promise<PoolStudentResponse> {
  return apiClient.get<PoolStudentResponse>(`/api/pool/${encodeURIComponent(id)}`);
}
