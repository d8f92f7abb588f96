import type { Db } from '../../db/connect';
import { AppError } from '../../lib/errors';
import { countHit, currentCounts } from '../../plugins/rate-limit';

/** Failed password sign-ins are counted over this window, from the first failure. */
const WINDOW_MS = 15 * 60_000;
/** Wrong passwords for one username from one address before it must wait. */
export const FAILURES_PER_USERNAME = 5;
/**
 * Wrong passwords from one address, whatever the username, before it must wait: catches guessing
 * spread over usernames, and is still far above what one office's mistyping reaches.
 */
export const FAILURES_PER_ADDRESS = 8;

function keysOf(address: string, username: string) {
  return { address: `password-failures:${address}`, username: `password-failures:${address}:${username.trim().toLowerCase()}` };
}

/** Refuses (429) an address that has failed too often, for this username or for any. */
export async function refuseWhileThrottled(db: Db, address: string, username: string, now: Date): Promise<void> {
  const keys = keysOf(address, username);
  const counts = await currentCounts(db, [keys.address, keys.username], now);
  if (counts.get(keys.address)! >= FAILURES_PER_ADDRESS || counts.get(keys.username)! >= FAILURES_PER_USERNAME) throw new AppError('RATE_LIMITED');
}

export async function recordPasswordFailure(db: Db, address: string, username: string, now: Date): Promise<void> {
  const keys = keysOf(address, username);
  await countHit(db, keys.address, WINDOW_MS, now);
  await countHit(db, keys.username, WINDOW_MS, now);
}
