/**
 * A lost-contact alert: opened by the sweep at the ladder's last step, assigned to the student's
 * caseworker, closed by a caseworker with an outcome. Escalation (an SLA missed) is a mark on the
 * alert (`escalatedAt`), not a separate state: the caseworker keeps working it.
 */
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const ALERT_OUTCOMES = ['reached', 'situation_changed', 'paused', 'handed_over', 'left_program'] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];

/** What changed, in words a sponsor may read (never the school's name). */
export const SITUATION_CHANGES = ['new_school', 'vocational_track', 'moved_home', 'other'] as const;
export type SituationChange = (typeof SITUATION_CHANGES)[number];

export const CONTACT_METHODS = ['call', 'message', 'home_visit', 'school', 'guardian'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const CONTACT_RESULTS = ['reached', 'no_answer', 'left_message', 'wrong_number', 'other'] as const;
export type ContactResult = (typeof CONTACT_RESULTS)[number];

export const HANDOVER_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

export type AlertAction = 'acknowledge' | 'log_attempt' | 'resolve' | 'reassign';

/** Which actions an alert in a status allows. A resolved alert is closed to everything. */
export function alertActionAllowed(status: AlertStatus, action: AlertAction): boolean {
  if (status === 'resolved') return false;
  if (action === 'acknowledge') return status === 'open';
  return true;
}

/**
 * What a sponsor may know about their student's care, and nothing more: never attempts, notes,
 * methods, or who was called.
 *  - in_touch: nothing to say;
 *  - checking_in: an alert is open ("the partner is checking in; this is common");
 *  - back_in_touch: the last alert ended with the student reached (or their situation changed:
 *    `change` says how), shown for a while after it closed.
 */
export const SPONSOR_CARE_STATES = ['in_touch', 'checking_in', 'back_in_touch'] as const;
export type SponsorCareState = (typeof SPONSOR_CARE_STATES)[number];

/** How long "back in touch" stays on the sponsor's page after an alert closes. */
export const BACK_IN_TOUCH_SHOWN_DAYS = 30;

export interface SponsorCareFacts {
  openAlert: boolean;
  lastResolved: { outcome: AlertOutcome; resolvedAt: Date; change: SituationChange | null } | null;
}

export function sponsorCareStatus(
  facts: SponsorCareFacts,
  now: Date,
): { state: SponsorCareState; since: Date | null; change: SituationChange | null } {
  if (facts.openAlert) return { state: 'checking_in', since: null, change: null };
  const last = facts.lastResolved;
  const shownUntil = last ? last.resolvedAt.getTime() + BACK_IN_TOUCH_SHOWN_DAYS * 86_400_000 : 0;
  if (last && (last.outcome === 'reached' || last.outcome === 'situation_changed') && now.getTime() < shownUntil) {
    return { state: 'back_in_touch', since: last.resolvedAt, change: last.outcome === 'situation_changed' ? last.change : null };
  }
  return { state: 'in_touch', since: null, change: null };
}
