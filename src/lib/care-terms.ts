import type { SituationChange } from '../../domain/care/alerts';

/**
 * What changed when a student is back in touch, in words a sponsor may read. Repeated from
 * domain/care/alerts (the app imports only types from domain; a test keeps them equal).
 */
export const SITUATION_CHANGES = ['new_school', 'vocational_track', 'moved_home', 'other'] as const satisfies readonly SituationChange[];

/** A change kind the app knows how to say, or null (an unknown one is simply not mentioned). */
export function situationChange(value: unknown): SituationChange | null {
  return SITUATION_CHANGES.find((kind) => kind === value) ?? null;
}
