import { deadlineFor } from './reservation-store';

describe('deadlineFor', () => {
  const at = Date.parse('2026-12-01T02:00:00Z');
  it('trusts a plausible reservedUntil', () => {
    expect(deadlineFor('2026-12-01T02:14:30Z', at)).toBe(at + 14.5 * 60_000);
  });
  it('falls back to the full 15 minutes from receipt when the phone clock is far off', () => {
    expect(deadlineFor('2026-12-01T01:00:00Z', at)).toBe(at + 15 * 60_000);
    expect(deadlineFor('2026-12-01T03:00:00Z', at)).toBe(at + 15 * 60_000);
    expect(deadlineFor('not a date', at)).toBe(at + 15 * 60_000);
  });
});
