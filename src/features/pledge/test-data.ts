import type { Reservation } from '../../../domain/api/pool';
import type { SponsorshipDetail } from '../../../domain/api/sponsorship';
import { poolStudent } from '../pool/test-data';

/** What POST /api/pledges/reserve answers, for tests: 15 minutes from `now`. */
export function reservationFixture(overrides: Partial<Reservation> = {}, now = Date.now()): Reservation {
  return {
    sponsorshipId: 'sp-new',
    student: poolStudent('stu-1'),
    reservedUntil: new Date(now + 15 * 60_000).toISOString(),
    commitment: {
      cadence: 'monthly',
      amountFen: 25000,
      termYears: 2,
      paymentsCount: 24,
      totalFen: 600000,
      startDate: '2026-12-01',
      endDate: '2028-12-01',
    },
    acknowledgements: ['commitment', 'expectations', 'safeguarding', 'disbursement'],
    disbursementPolicy: '学费直接付给学校，生活费每学期初发给监护人，均附收据。',
    currentSponsorships: 0,
    ...overrides,
  };
}

export function sponsorshipDetailFixture(overrides: Partial<SponsorshipDetail> = {}): SponsorshipDetail {
  return {
    id: 'sp-new',
    status: 'active',
    amountFen: 25000,
    cadence: 'monthly',
    termYears: 2,
    startDate: '2026-12-01',
    endDate: '2028-12-01',
    student: { id: 'stu-1', displayName: '小雨', age: 14, grade: 8, schoolStage: 'middle', province: '四川', city: '凉山', ngoName: '凉山助学会' },
    lastHeardAt: null,
    nextExpectedAt: null,
    letterCount: 0,
    credibility: {
      ngo: { id: 'ngo-1', name: '凉山助学会' },
      period: { from: '2025-12-01', to: '2026-11-30' },
      minimumSample: 5,
      alertAckMedianHours: { value: 20, sample: 12 },
      alertsResolvedWithinSla: { value: 0.9, sample: 12 },
      letterDeliveryMedianDays: { value: 3, sample: 100 },
      disbursementsReportedOnTime: { value: 1, sample: 20 },
    },
    renewal: null,
    studentLeft: null,
    care: { state: 'in_touch', since: null, change: null },
    lettersDelayed: 0,
    ...overrides,
  };
}
