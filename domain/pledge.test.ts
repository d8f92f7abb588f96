import { commitmentFor, yearsToGraduation } from './pledge';

describe('pledge', () => {
  it('splits the yearly need over the cadence, rounding each payment up to a whole yuan', () => {
    expect(commitmentFor(300_000, 'monthly', 3, '2026-12-01')).toEqual({
      cadence: 'monthly',
      amountFen: 25_000,
      termYears: 3,
      paymentsCount: 36,
      totalFen: 900_000,
      startDate: '2026-12-01',
      endDate: '2029-12-01',
    });
    const odd = commitmentFor(250_000, 'monthly', 1, '2026-12-01');
    expect(odd.amountFen).toBe(20_900);
    expect(odd.totalFen).toBe(250_800);
    expect(commitmentFor(250_000, 'yearly', 2, '2026-12-01').totalFen).toBe(500_000);
  });

  it('counts school years left to graduation, never fewer than one', () => {
    expect(yearsToGraduation('2026-11-29', '2029-07-01')).toBe(3);
    expect(yearsToGraduation('2026-11-29', '2027-07-01')).toBe(1);
    expect(yearsToGraduation('2026-11-29', '2026-07-01')).toBe(1);
  });
});
