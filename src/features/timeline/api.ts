import type { PageQuery } from '../../../domain/api/common';
import type { AfterLeavingBody, RenewBody, SponsorshipDetail, TimelineItem, TimelinePage } from '../../../domain/api/sponsorship';
import { apiClient } from '@/lib/api-client';

export type { AfterLeavingBody, RenewBody, SponsorshipDetail, TimelineItem, TimelinePage };
export type RenewOption = RenewBody['option'];
export type AfterLeavingChoice = AfterLeavingBody['choice'];

const base = (id: string) => `/api/sponsor/sponsorships/${encodeURIComponent(id)}`;

export function fetchSponsorship(id: string): Promise<SponsorshipDetail> {
  return apiClient.get<SponsorshipDetail>(base(id));
}

/** What happened in the student's life and the sponsorship, newest first. */
export function fetchTimeline(id: string, query: PageQuery = {}): Promise<TimelinePage> {
  return apiClient.get<TimelinePage>(`${base(id)}/timeline`, { limit: query.limit, cursor: query.cursor });
}

export function renewSponsorship(id: string, option: RenewOption): Promise<SponsorshipDetail> {
  const body: RenewBody = { option };
  return apiClient.post<SponsorshipDetail>(`${base(id)}/renew`, body);
}

/** The sponsor's choice after the student left the program (`wait` or `end` here; `sponsor_another` goes through the pool). */
export function chooseAfterLeaving(id: string, choice: Exclude<AfterLeavingChoice, 'sponsor_another'>): Promise<unknown> {
  const body: AfterLeavingBody = { choice };
  return apiClient.post<unknown>(`${base(id)}/after-leaving`, body);
}
