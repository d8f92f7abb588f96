export const SCHOOL_STAGES = ['primary', 'middle', 'high', 'vocational'] as const;
export type SchoolStage = (typeof SCHOOL_STAGES)[number];

export const PROGRAM_STATUSES = ['active', 'paused', 'left', 'handed_over'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

export const CHECKIN_KINDS = ['doing_well', 'busy_exams', 'talk_to_caseworker'] as const;
export type CheckinKind = (typeof CHECKIN_KINDS)[number];

/** Why a student is not (yet) in the sponsor pool. */
export const POOL_BLOCKERS = ['consent_missing', 'story_not_approved', 'sponsorship_exists', 'not_active', 'already_in_pool'] as const;
export type PoolBlocker = (typeof POOL_BLOCKERS)[number];

/** What decides whether a student may enter the pool now. */
export interface PoolFacts {
  programStatus: ProgramStatus;
  age: number;
  /** Under this age a guardian's consent is needed (the NGO's policy). */
  consentRequiredUnderAge: number;
  consentActive: boolean;
  storyApproved: boolean;
  /** A reserved, active or paused sponsorship holds the student. */
  sponsored: boolean;
}

/**
 * Everything that stops the student entering the pool; empty when they may. Entering refuses on the
 * same list staff are shown, so the button is offered only when entering can succeed.
 */
export function poolBlockersOf(facts: PoolFacts): PoolBlocker[] {
  const blockers: PoolBlocker[] = [];
  if (facts.programStatus !== 'active') blockers.push('not_active');
  if (facts.age < facts.consentRequiredUnderAge && !facts.consentActive) blockers.push('consent_missing');
  if (!facts.storyApproved) blockers.push('story_not_approved');
  if (facts.sponsored) blockers.push('sponsorship_exists');
  return blockers;
}
