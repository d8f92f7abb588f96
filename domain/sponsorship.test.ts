import { HOLDING_STATUSES, pledgeTotalFen } from './sponsorship';

describe('sponsorship', () => {
  it('totals a pledge over its whole term', () => {
    expect(pledgeTotalFen(25_000, 'monthly', 3)).toBe(900_000);
    expect(pledgeTotalFen(75_000, 'quarterly', 2)).toBe(600_000);
    expect(pledgeTotalFen(300_000, 'yearly', 4)).toBe(1_200_000);
  });

  it('treats reserved, active and paused as holding the student, and finished ones not', () => {
    expect([...HOLDING_STATUSES].sort()).toEqual(['active', 'paused', 'reserved']);
  });
});
