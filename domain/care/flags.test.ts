import { flagCloseProblem, flagDueAt, flagOverdue, type FlagState } from './flags';

const opened = new Date('2026-12-06T08:00:00.000Z');
const policy = { urgentAckMinutes: 15, concernDueHours: 24 };

describe('flagDueAt', () => {
  it('gives an urgent flag minutes and a concern hours, from the policy', () => {
    expect(flagDueAt('urgent', opened, policy).toISOString()).toBe('2026-12-06T08:15:00.000Z');
    expect(flagDueAt('concern', opened, policy).toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(flagDueAt('urgent', opened, { ...policy, urgentAckMinutes: 30 }).toISOString()).toBe('2026-12-06T08:30:00.000Z');
  });
});

describe('flagOverdue', () => {
  const urgent: FlagState = { level: 'urgent', status: 'open', dueAt: flagDueAt('urgent', opened, policy), escalatedAt: null };
  const at = (minutes: number) => new Date(opened.getTime() + minutes * 60_000);

  it('escalates an unacknowledged urgent flag from its due time on, once', () => {
    expect(flagOverdue(urgent, at(14))).toBe(false);
    expect(flagOverdue(urgent, at(15))).toBe(true);
    expect(flagOverdue({ ...urgent, escalatedAt: at(15) }, at(30))).toBe(false);
  });

  it('does not escalate an urgent flag someone acknowledged in time', () => {
    expect(flagOverdue({ ...urgent, status: 'acknowledged' }, at(60))).toBe(false);
  });

  it('escalates a concern still not closed when its day is up, even if acknowledged', () => {
    const concern: FlagState = { level: 'concern', status: 'acknowledged', dueAt: flagDueAt('concern', opened, policy), escalatedAt: null };
    expect(flagOverdue(concern, at(24 * 60 - 1))).toBe(false);
    expect(flagOverdue(concern, at(24 * 60))).toBe(true);
    expect(flagOverdue({ ...concern, status: 'resolved' }, at(48 * 60))).toBe(false);
  });
});

describe('flagCloseProblem', () => {
  it('needs an action on record to close as handled, and a reason to close as a false alarm', () => {
    expect(flagCloseProblem('open', 'handled', 0, 'talked')).toBe('needs_action');
    expect(flagCloseProblem('acknowledged', 'handled', 1, '')).toBeNull();
    expect(flagCloseProblem('open', 'false_alarm', 0, '  ')).toBe('reason_required');
    expect(flagCloseProblem('open', 'false_alarm', 0, 'a quote from a novel')).toBeNull();
    expect(flagCloseProblem('resolved', 'false_alarm', 0, 'x')).toBe('resolved');
  });
});
