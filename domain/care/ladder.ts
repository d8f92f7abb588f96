import { LADDER_STEPS, type LadderStep, type LadderStepName } from './policy';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** When a step of the ladder comes due for a silence that began at `dueAt` (the missed next-due). */
export function stepDueAt(dueAt: Date, step: LadderStep): Date {
  return new Date(dueAt.getTime() + step.day * DAY_MS);
}

/** The ladder in the order it is climbed. */
export function orderedLadder(ladder: readonly LadderStep[]): LadderStep[] {
  return [...ladder].sort((a, b) => a.day - b.day || LADDER_STEPS.indexOf(a.step) - LADDER_STEPS.indexOf(b.step));
}

/**
 * The steps due by `now` and not yet performed, in ladder order. A sweep that ran late performs
 * every step it missed, once each; what is already done is never repeated.
 */
export function dueSteps(dueAt: Date, ladder: readonly LadderStep[], performed: ReadonlySet<LadderStepName>, now: Date): LadderStep[] {
  return orderedLadder(ladder).filter((s) => !performed.has(s.step) && stepDueAt(dueAt, s) <= now);
}

/** When the sweep next needs to look at this silence: the next step not yet performed, or null once the ladder is climbed. */
export function nextStepAt(dueAt: Date, ladder: readonly LadderStep[], performed: ReadonlySet<LadderStepName>): Date | null {
  const next = orderedLadder(ladder).find((s) => !performed.has(s.step));
  return next ? stepDueAt(dueAt, next) : null;
}

export interface AlertDeadlines {
  ackDueAt: Date;
  firstContactDueAt: Date;
}

export function alertDeadlines(openedAt: Date, sla: { slaAckHours: number; slaFirstContactHours: number }): AlertDeadlines {
  return {
    ackDueAt: new Date(openedAt.getTime() + sla.slaAckHours * HOUR_MS),
    firstContactDueAt: new Date(openedAt.getTime() + sla.slaFirstContactHours * HOUR_MS),
  };
}

export interface AlertSlaFacts {
  ackDueAt: Date;
  firstContactDueAt: Date;
  acknowledgedAt: Date | null;
  firstContactAt: Date | null;
}

export type SlaBreach = 'ack' | 'first_contact';

/** Which SLA an open alert has missed by `now` (acknowledgement first), or null while both are met or still running. */
export function slaBreach(a: AlertSlaFacts, now: Date): SlaBreach | null {
  if (!a.acknowledgedAt && a.ackDueAt <= now) return 'ack';
  if (!a.firstContactAt && a.firstContactDueAt <= now) return 'first_contact';
  return null;
}

/** The deadline that matters next for an open alert (what the queue counts down to), or null when both are met. */
export function nextSlaDeadline(a: AlertSlaFacts): { kind: SlaBreach; at: Date } | null {
  if (!a.acknowledgedAt) return { kind: 'ack', at: a.ackDueAt };
  if (!a.firstContactAt) return { kind: 'first_contact', at: a.firstContactDueAt };
  return null;
}
