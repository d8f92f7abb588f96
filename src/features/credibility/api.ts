import type { NgoCredibility } from '../../../domain/api/credibility';
import { apiClient } from '@/lib/api-client';

export type { NgoCredibility };

/** A partner NGO's track record, computed by the server from the NGO's own records. */
export function fetchCredibility(ngoId: string): Promise<NgoCredibility> {
  return apiClient.get<NgoCredibility>(`/api/ngos/${encodeURIComponent(ngoId)}/credibility`);
}
