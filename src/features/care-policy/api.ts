import type { CarePolicyView, UpdateCarePolicyBody } from '../../../domain/api/care';
import { apiClient } from '@/lib/api-client';

export type { CarePolicyView, UpdateCarePolicyBody };

const PATH = '/api/staff/care/policy';

/** The NGO's care policy; `editable` is true for its admin. */
export function fetchPolicy(): Promise<CarePolicyView> {
  return apiClient.get<CarePolicyView>(PATH);
}

/** Saves the whole policy; a stale `expectedVersion` answers 409 (someone else saved first). */
export function savePolicy(body: UpdateCarePolicyBody): Promise<CarePolicyView> {
  return apiClient.put<CarePolicyView>(PATH, body);
}
