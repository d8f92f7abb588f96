import type { PoolPage } from '../../domain/api/pool';
import type { Db } from '../../server/db/connect';
import type { RoundRobinClient } from './client';
import { NGO_ID } from './population';

const LIVE = ['reserved', 'active', 'paused'] as const;

export interface Invariant {
  name: string;
  violations: number;
  /** A few of the offending ids, to start looking from. */
  examples: string[];
}

const invariant = (name: string, ids: string[]): Invariant => ({ name, violations: ids.length, examples: ids.slice(0, 5) });

/** Every student the pool offers now, paged as the app pages it, read by a sponsor who took no part. */
async function studentsOffered(client: RoundRobinClient, token: string): Promise<Set<string>> {
  const offered = new Set<string>();
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const answer = await client.call('pool', 'GET', `/api/pool?limit=100${query}`, { token });
    if (answer.status !== 200) throw new Error(`the pool answered ${answer.status} after the rush`);
    const page = answer.body as PoolPage;
    for (const s of page.items) offered.add(s.id);
    cursor = page.nextCursor;
  } while (cursor);
  return offered;
}

/**
 * What must hold after the rush, read from the database. A student counts as taken exactly when a
 * sponsorship holds them (reserved, active or paused: the partial unique index's set); the schema
 * keeps no other mark, so "taken" is checked against what the pool offers a newcomer.
 */
export async function checkInvariants(db: Db, client: RoundRobinClient, observerToken: string, sponsorsWithStudent: number): Promise<Invariant[]> {
  const doubleHeld = await db
    .selectFrom('sponsorships')
    .select('student_id')
    .where('status', 'in', LIVE)
    .groupBy('student_id')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();

  // Each sponsor confirms straight after reserving, so once all have finished nothing should be left
  // reserved: a leftover would keep its student out of the pool for 15 minutes with nobody confirming.
  const leftReserved = await db.selectFrom('sponsorships').select('id').where('status', '=', 'reserved').execute();

  const held = new Set((await db.selectFrom('sponsorships').select('student_id').where('status', 'in', LIVE).execute()).map((r) => r.student_id));
  const students = (await db.selectFrom('students').select('id').where('ngo_id', '=', NGO_ID).execute()).map((r) => r.id);
  const offered = await studentsOffered(client, observerToken);
  const takenWithoutHolder = students.filter((id) => !offered.has(id) && !held.has(id));
  const offeredWhileHeld = students.filter((id) => offered.has(id) && held.has(id));

  const pledgeCounts = await db
    .selectFrom('sponsorships')
    .leftJoin('ledger_entries', (join) => join.onRef('ledger_entries.sponsorship_id', '=', 'sponsorships.id').on('ledger_entries.kind', '=', 'pledge'))
    .select((eb) => ['sponsorships.id', 'sponsorships.confirmed_at', eb.fn.count('ledger_entries.id').as('pledges')])
    .groupBy(['sponsorships.id', 'sponsorships.confirmed_at'])
    .execute();
  const confirmedWithoutOnePledge = pledgeCounts.filter((r) => r.confirmed_at !== null && Number(r.pledges) !== 1).map((r) => r.id);
  const pledgeWithoutConfirmation = pledgeCounts.filter((r) => r.confirmed_at === null && Number(r.pledges) > 0).map((r) => r.id);

  const sponsorsWithTwo = await db
    .selectFrom('sponsorships')
    .select('sponsor_id')
    .where('status', 'in', LIVE)
    .groupBy('sponsor_id')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  const active = await db.selectFrom('sponsorships').select('id').where('status', '=', 'active').execute();
  const countMismatch = active.length === sponsorsWithStudent ? [] : [`${active.length} active in the database, ${sponsorsWithStudent} sponsors told they have a student`];

  return [
    invariant('students with two live sponsorships', doubleHeld.map((r) => r.student_id)),
    invariant('orphan reservations (still reserved after every sponsor finished)', leftReserved.map((r) => r.id)),
    invariant('students out of the pool with no live sponsorship', takenWithoutHolder),
    invariant('students offered in the pool while held', offeredWhileHeld),
    invariant('confirmed pledges without exactly one pledge ledger entry', confirmedWithoutOnePledge),
    invariant('pledge ledger entries on unconfirmed sponsorships', pledgeWithoutConfirmation),
    invariant('sponsors holding two students', sponsorsWithTwo.map((r) => r.sponsor_id)),
    invariant('active sponsorships = sponsors who got a student', countMismatch),
  ];
}
