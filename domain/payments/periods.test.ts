import { amountForPeriods, payable } from './periods';

const schedule = ['2025-09-01', '2025-10-01', '2025-11-01', '2025-12-01'].map((dueOn) => ({ dueOn, amountFen: 25000 }));

describe('amountForPeriods', () => {
  it('pays whole periods from the first uncovered one', () => {
    expect(amountForPeriods(schedule, 0, 1)).toEqual({ ok: true, amountFen: 25000, firstDueOn: '2025-09-01' });
    expect(amountForPeriods(schedule, 50000, 2)).toEqual({ ok: true, amountFen: 50000, firstDueOn: '2025-11-01' });
  });
  it('completes a partly paid period first', () => {
    expect(amountForPeriods(schedule, 60000, 1)).toEqual({ ok: true, amountFen: 15000, firstDueOn: '2025-11-01' });
  });
  it('never pays more than the pledge', () => {
    expect(amountForPeriods(schedule, 50000, 3)).toEqual({ ok: false, maxPeriods: 2 });
    expect(amountForPeriods(schedule, 100000, 1)).toEqual({ ok: false, maxPeriods: 0 });
    expect(amountForPeriods(schedule, 0, 0)).toEqual({ ok: false, maxPeriods: 4 });
  });
});

describe('payable', () => {
  it('counts what is left and when it is next due', () => {
    expect(payable(schedule, 25000, 25000)).toEqual({ nextDueOn: '2025-10-01', maxPeriods: 3, periodAmountFen: 25000 });
    expect(payable(schedule, 24999, 25000)).toEqual({ nextDueOn: '2025-09-01', maxPeriods: 4, periodAmountFen: 25000 });
    expect(payable(schedule, 100000, 25000)).toEqual({ nextDueOn: null, maxPeriods: 0, periodAmountFen: 25000 });
  });
});
