import { addDays, ageOn, daysBetween } from './dates';

describe('dates', () => {
  it('counts age in whole years, turning a year older on the birthday', () => {
    expect(ageOn('2010-05-01', new Date('2026-04-30T23:59:59Z'))).toBe(15);
    expect(ageOn('2010-05-01', new Date('2026-05-01T00:00:00Z'))).toBe(16);
    expect(ageOn('2008-02-29', new Date('2026-02-28T12:00:00Z'))).toBe(17);
    expect(ageOn('2008-02-29', new Date('2026-03-01T00:00:00Z'))).toBe(18);
  });

  it('adds and measures whole days', () => {
    const start = new Date('2026-01-30T10:00:00Z');
    expect(addDays(start, 30).toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(daysBetween(start, addDays(start, 30))).toBe(30);
    expect(daysBetween(start, new Date('2026-01-31T09:59:59Z'))).toBe(0);
  });
});
