import { nextDueAt, silenceState } from './silence';

describe('silence', () => {
  const lastHeard = new Date('2026-10-01T00:00:00Z');

  it('expects the next word one cadence after the last', () => {
    expect(nextDueAt(lastHeard).toISOString()).toBe('2026-10-31T00:00:00.000Z');
    expect(nextDueAt(lastHeard, 14).toISOString()).toBe('2026-10-15T00:00:00.000Z');
  });

  it('moves from in touch to overdue at next due, and to lost contact 30 days later', () => {
    const due = nextDueAt(lastHeard);
    expect(silenceState(null, new Date('2030-01-01Z'))).toBe('in_touch');
    expect(silenceState(due, new Date('2026-10-30T23:59:59Z'))).toBe('in_touch');
    expect(silenceState(due, new Date('2026-10-31T00:00:00Z'))).toBe('overdue');
    expect(silenceState(due, new Date('2026-11-29T23:59:59Z'))).toBe('overdue');
    expect(silenceState(due, new Date('2026-11-30T00:00:00Z'))).toBe('lost_contact');
  });
});
