import { SITUATION_CHANGES, type SituationChange } from '../../domain/care/alerts';

/** What changed when a student is back in touch, in words a sponsor may read (the domain's kinds). */
export { SITUATION_CHANGES };

/** A change kind the app knows how to say, or null (an unknown one is simply not mentioned). */
export function situationChange(value: unknown): SituationChange | null {
  return SITUATION_CHANGES.find((kind) => kind === value) ?? null;
}
