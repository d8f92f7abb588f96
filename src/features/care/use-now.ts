import { useEffect, useState } from 'react';

const TICK_MS = 60_000;

/** The current time, refreshed every minute so countdowns move; a fixed `now` (tests) never ticks. */
export function useNow(fixed?: Date): Date {
  const [now, setNow] = useState(() => fixed ?? new Date());
  useEffect(() => {
    if (fixed) return undefined;
    const timer = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(timer);
  }, [fixed]);
  return fixed ?? now;
}
