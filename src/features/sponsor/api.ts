import type { PageOf, PageQuery } from '../../../domain/api/common';
import type { SponsorshipSummary } from '../../../domain/api/homes';
import { apiClient } from '@/lib/api-client';

export type Sponsorship = SponsorshipSummary;

/** The caller's own sponsorships, newest first. */
export function fetchSponsorships(query: PageQuery = {}): Promise<PageOf<Sponsorship>> {
  return apiClient.get<PageOf<Sponsorship>>('/api/sponsor/sponsorships', { limit: query.limit, cursor: query.cursor });
}
