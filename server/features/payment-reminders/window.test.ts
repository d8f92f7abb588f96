import { periodsToRemind } from './window';

const row = (dueOn: string, paid = false) => ({ dueOn, amountFen: 25000, paid });

describe('periodsToRemind', () => {
  const schedule = [row('2026-10-01', true), row('2026-11-01'), row('2026-12-01'), row('2027-01-01')];

  it('announces an unpaid period from three days before its due day through the day itself', () => {
    expect(periodsToRemind(schedule, '2026-11-27')).toEqual([]);
    expect(periodsToRemind(schedule, '2026-11-28')).toEqual([row('2026-12-01')]);
    expect(periodsToRemind(schedule, '2026-12-01')).toEqual([row('2026-12-01')]);
  });

  it('never announces a period once its due day has passed, nor a paid one', () => {
    expect(periodsToRemind(schedule, '2026-12-02')).toEqual([]);
    expect(periodsToRemind(schedule, '2026-09-30')).toEqual([]);
  });
});
