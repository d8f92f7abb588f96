export const SPONSORSHIP_STATUSES = ['reserved', 'active', 'paused', 'completed', 'ended'] as const;
export type SponsorshipStatus = (typeof SPONSORSHIP_STATUSES)[number];

/** Statuses in which a sponsorship holds its student: the database allows one such row per student. */
export const HOLDING_STATUSES: readonly SponsorshipStatus[] = ['reserved', 'active', 'paused'];

export const CADENCES = ['monthly', 'quarterly', 'yearly'] as const;
export type Cadence = (typeof CADENCES)[number];

export const PAYMENTS_PER_YEAR: Record<Cadence, number> = { monthly: 12, quarterly: 4, yearly: 1 };

/** Whole commitment of a pledge in fen (1/100 yuan). */
export function pledgeTotalFen(amountFen: number, cadence: Cadence, termYears: number): number {
  return amountFen * PAYMENTS_PER_YEAR[cadence] * termYears;
}
