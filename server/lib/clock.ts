import fs from 'node:fs';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date): Clock & { set(at: Date): void } {
  let current = at;
  return { now: () => current, set: (next) => (current = next) };
}

/**
 * The time written in a file (one ISO-8601 instant), read at every call: a test moves the time of
 * every server process sharing the file at once by rewriting it (write elsewhere, then rename).
 */
export function fileClock(file: string): Clock {
  return {
    now() {
      const text = fs.readFileSync(file, 'utf8').trim();
      const at = new Date(text);
      if (Number.isNaN(at.getTime())) throw new Error(`the clock file ${file} does not hold an ISO-8601 instant (it holds "${text.slice(0, 40)}")`);
      return at;
    },
  };
}
