import type { CarePolicyView } from './api';

export function policyView(overrides: Partial<CarePolicyView> = {}): CarePolicyView {
  return {
    ngoId: 'ngo-1',
    version: 3,
    updatedAt: '2026-11-01T02:00:00Z',
    updatedByName: '马主任',
    editable: true,
    checkinCadenceDays: 30,
    ladder: [
      { step: 'nudge_1', day: 0 },
      { step: 'nudge_2', day: 7 },
      { step: 'watch', day: 14 },
      { step: 'alert', day: 30 },
    ],
    slaAckHours: 48,
    slaFirstContactHours: 168,
    quietPeriods: [{ name: '春节', from: '2027-02-05', to: '2027-02-20' }],
    examCalendar: [{ exam: 'gaokao', name: '高考', province: '四川', year: 2027, from: '2027-06-07', to: '2027-06-09', resultsOn: '2027-06-25' }],
    examOutreachDays: 7,
    urgentAckMinutes: 15,
    concernDueHours: 24,
    studentRetentionMonths: 36,
    ...overrides,
  };
}
