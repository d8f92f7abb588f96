export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date): Clock & { set(at: Date): void } {
  let current = at;
  return { now: () => current, set: (next) => (current = next) };
}
