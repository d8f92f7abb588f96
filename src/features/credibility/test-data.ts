import type { NgoCredibility } from '../../../domain/api/credibility';

/** A credibility record for tests: every metric with enough data unless overridden. */
export function credibilityFixture(overrides: Partial<NgoCredibility> = {}): NgoCredibility {
  return {
    ngo: { id: 'ngo-1', name: '凉山助学会' },
    period: { from: '2025-12-01', to: '2026-11-30' },
    minimumSample: 5,
    alertAckMedianHours: { value: 20.25, sample: 12 },
    alertsResolvedWithinSla: { value: 0.917, sample: 12 },
    letterDeliveryMedianDays: { value: 3, sample: 140 },
    disbursementsReportedOnTime: { value: 1, sample: 24 },
    ...overrides,
  };
}
