import type { PageOf, PageQuery } from '../../../domain/api/common';
import type { SponsorshipSummary, SponsorStudentView } from '../../../domain/api/homes';
import type { Cadence, SponsorshipStatus } from '../../../domain/sponsorship';
import type { SchoolStage } from '../../../domain/student';
import { apiClient } from '@/lib/api-client';

/**
 * SponsorshipSummary with its enum fields as the unions the schema enforces at runtime (the schema's
 * static type widens them to string).
 */
export type Sponsorship = Omit<SponsorshipSummary, 'status' | 'cadence' | 'student'> & {
  status: SponsorshipStatus;
  cadence: Cadence;
  student: Omit<SponsorStudentView, 'schoolStage'> & { schoolStage: SchoolStage };
};

/** The caller's own sponsorships, newest first. */
export function fetchSponsorships(query: PageQuery = {}): Promise<PageOf<Sponsorship>> {
  return apiClient.get<PageOf<Sponsorship>>('/api/sponsor/sponsorships', { limit: query.limit, cursor: query.cursor });
}
