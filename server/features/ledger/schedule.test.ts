import { addDays, addMonths, dueDates, ledgerFigures } from './schedule';

describe('dates', () => {
  it('adds months from the start, clamping to the month’s last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('lists one due day per period before the end date', () => {
    expect(dueDates('2025-09-01', '2026-01-01', 'monthly')).toEqual(['2025-09-01', '2025-10-01', '2025-11-01', '2025-12-01']);
    expect(dueDates('2025-09-01', '2026-09-01', 'quarterly')).toEqual(['2025-09-01', '2025-12-01', '2026-03-01', '2026-06-01']);
    expect(dueDates('2025-09-01', '2028-07-01', 'yearly')).toEqual(['2025-09-01', '2026-09-01', '2027-09-01']);
    expect(dueDates('2025-09-01', '2028-07-01', 'monthly')).toHaveLength(34);
    expect(dueDates('2026-01-31', '2026-05-01', 'monthly')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
  });
});

describe('ledgerFigures', () => {
  const quarterly = { startDate: '2025-09-01', endDate: '2026-09-01', cadence: 'quarterly' as const, amountFen: 75000 };

  it('nothing paid: nothing funded', () => {
    const f = ledgerFigures(quarterly, 0);
    expect(f.pledgedFen).toBe(300000);
    expect(f.schedule.map((r) => r.paid)).toEqual([false, false, false, false]);
    expect(f.fundedThrough).toBeNull();
  });

  it('applies payments in order; a partly paid period is not paid; funded through the day before the next period', () => {
    const f = ledgerFigures(quarterly, 75000 * 2 + 100);
    expect(f.schedule).toEqual([
      { dueOn: '2025-09-01', amountFen: 75000, paid: true },
      { dueOn: '2025-12-01', amountFen: 75000, paid: true },
      { dueOn: '2026-03-01', amountFen: 75000, paid: false },
      { dueOn: '2026-06-01', amountFen: 75000, paid: false },
    ]);
    expect(f.fundedThrough).toBe('2026-02-28');
    expect(ledgerFigures(quarterly, 74999).fundedThrough).toBeNull();
  });

  it('fully paid (or overpaid): funded through the day before the end date', () => {
    expect(ledgerFigures(quarterly, 300000).fundedThrough).toBe('2026-08-31');
    const over = ledgerFigures(quarterly, 999999);
    expect(over.schedule.every((r) => r.paid)).toBe(true);
    expect(over.fundedThrough).toBe('2026-08-31');
  });

  it('an end date before the start gives an empty schedule', () => {
    expect(ledgerFigures({ ...quarterly, endDate: '2025-01-01' }, 100)).toEqual({ schedule: [], pledgedFen: 0, fundedThrough: null });
  });
});
