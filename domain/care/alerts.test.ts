import { ALERT_STATUSES, alertActionAllowed, BACK_IN_TOUCH_SHOWN_DAYS, sponsorCareStatus, type AlertAction } from './alerts';

const DAY = 86_400_000;
const NOW = new Date('2027-03-01T00:00:00.000Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

describe('alert actions', () => {
  it('allows acknowledging only an open alert, and nothing on a resolved one', () => {
    const actions: AlertAction[] = ['acknowledge', 'log_attempt', 'resolve', 'reassign'];
    const table = Object.fromEntries(ALERT_STATUSES.map((status) => [status, actions.filter((a) => alertActionAllowed(status, a))]));
    expect(table).toEqual({
      open: ['acknowledge', 'log_attempt', 'resolve', 'reassign'],
      acknowledged: ['log_attempt', 'resolve', 'reassign'],
      resolved: [],
    });
  });
});

describe('what a sponsor may know', () => {
  it('says the partner is checking in while an alert is open, and nothing more', () => {
    expect(sponsorCareStatus({ openAlert: true, lastResolved: { outcome: 'reached', resolvedAt: ago(1), change: null } }, NOW)).toEqual({ state: 'checking_in', since: null, change: null });
  });

  it('says back in touch for a while after the student was reached, with what changed when it did', () => {
    expect(sponsorCareStatus({ openAlert: false, lastResolved: { outcome: 'reached', resolvedAt: ago(2), change: null } }, NOW)).toEqual({ state: 'back_in_touch', since: ago(2), change: null });
    expect(sponsorCareStatus({ openAlert: false, lastResolved: { outcome: 'situation_changed', resolvedAt: ago(29), change: 'vocational_track' } }, NOW)).toEqual({
      state: 'back_in_touch',
      since: ago(29),
      change: 'vocational_track',
    });
    // A change kind on a plain "reached" is never passed on.
    expect(sponsorCareStatus({ openAlert: false, lastResolved: { outcome: 'reached', resolvedAt: ago(2), change: 'moved_home' } }, NOW).change).toBeNull();
  });

  it(`goes back to in touch ${BACK_IN_TOUCH_SHOWN_DAYS} days after, and for any other ending`, () => {
    const resolvedAt = new Date(NOW.getTime() - BACK_IN_TOUCH_SHOWN_DAYS * DAY);
    expect(sponsorCareStatus({ openAlert: false, lastResolved: { outcome: 'reached', resolvedAt: new Date(resolvedAt.getTime() + 1), change: null } }, NOW).state).toBe('back_in_touch');
    expect(sponsorCareStatus({ openAlert: false, lastResolved: { outcome: 'reached', resolvedAt, change: null } }, NOW).state).toBe('in_touch');
    for (const outcome of ['paused', 'handed_over', 'left_program'] as const) {
      expect(sponsorCareStatus({ openAlert: false, lastResolved: { outcome, resolvedAt: ago(1), change: null } }, NOW)).toEqual({ state: 'in_touch', since: null, change: null });
    }
    expect(sponsorCareStatus({ openAlert: false, lastResolved: null }, NOW)).toEqual({ state: 'in_touch', since: null, change: null });
  });
});
