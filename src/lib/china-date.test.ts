import { chinaToday, daysOverdue } from './china-date';

describe('China calendar days', () => {
  it('takes the date in China, not on the phone or in UTC', () => {
    expect(chinaToday(new Date('2026-12-05T16:30:00Z'))).toBe('2026-12-06');
    expect(chinaToday(new Date('2026-12-05T15:59:00Z'))).toBe('2026-12-05');
    expect(chinaToday(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
    expect(chinaToday(new Date('2026-11-30T15:00:00Z'))).toBe('2026-11-30');
  });

  it('counts whole days past a due date, and nothing for today or later', () => {
    const now = new Date('2026-12-06T02:00:00Z'); // 10:00 on 6 December in China
    expect(daysOverdue('2026-12-01T18:30:00Z', now)).toBe(4); // due 2 December, China time
    expect(daysOverdue('2026-12-05T15:59:00Z', now)).toBe(1);
    expect(daysOverdue('2026-12-05T16:00:00Z', now)).toBe(0); // due at midnight today
    expect(daysOverdue('2026-12-20T00:00:00Z', now)).toBe(0);
  });
});
