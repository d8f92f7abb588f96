import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PLEDGE_ACKNOWLEDGEMENTS } from '../../domain/pledge';
import type { PoolPage, PoolStudentResponse, Reservation } from '../../domain/api/pool';
import type { RoundRobinClient } from './client';
import type { StoredPhotos } from './photos';

/** Reserve attempts after the first one answered STUDENT_TAKEN (or the card said taken). */
const MAX_RETRIES = 5;
const PHOTOS_PER_BROWSE = 2;

export interface RushTally {
  /** Sponsors whose pledge was confirmed. */
  got: number;
  /** Found the pool empty, or ran out of retries. */
  leftEmpty: number;
  gaveUp: number;
  /** Sponsors stopped by an answer that should not happen (counted by status in the client). */
  broken: number;
  studentTaken: number;
  /** Picks whose card already said someone else holds them. */
  cardTaken: number;
  reservedAt: number[];
  confirmedAt: number[];
  photosOk: number;
  photosFailed: number;
  /** Of the photo reads, those sent to an instance other than the one that stored the photo. */
  photosCrossInstance: number;
  finishedAt: number;
  /** How late this process's own event loop ran (p99, ms): high, and the figures measure the bench, not the servers. */
  clientLoopDelayP99: number;
}

const randomOf = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];

/** Fetches photos of a page from an instance other than the one that stored each (when there is another). */
async function readPhotos(client: RoundRobinClient, page: PoolPage, photos: StoredPhotos, tally: RushTally) {
  const shown = [...page.items].sort(() => Math.random() - 0.5).slice(0, PHOTOS_PER_BROWSE);
  await Promise.all(
    shown.map(async (student) => {
      const stored = photos.get(student.id);
      if (!stored || !student.photoUrl) return void (tally.photosFailed += 1);
      const others = client.origins.map((_, i) => i).filter((i) => i !== stored.instance);
      const instance = others.length > 0 ? randomOf(others) : stored.instance;
      if (instance !== stored.instance) tally.photosCrossInstance += 1;
      const answer = await client.call('photo', 'GET', student.photoUrl, { instance });
      if (answer.status === 200 && answer.bytes === stored.bytes) tally.photosOk += 1;
      else tally.photosFailed += 1;
    }),
  );
}

const WARM_UP_ROUNDS = 20;

/**
 * Freshly started instances compile their code paths on first use; a few rounds of the rush's calls
 * on each (by a sponsor who takes no part, the reservation released at once) keep that out of the figures.
 */
export async function warmUp(client: RoundRobinClient, token: string, studentIds: string[]) {
  for (let round = 0; round < WARM_UP_ROUNDS; round += 1) {
    await Promise.all(
      client.origins.map(async (_, instance) => {
        // A student of its own per instance, so one instance's release never meets another's reservation.
        const studentId = studentIds[instance];
        const pool = await client.call('pool', 'GET', '/api/pool?limit=20', { token, instance });
        const photoUrl = (pool.body as PoolPage).items[0]?.photoUrl;
        if (photoUrl) await client.call('photo', 'GET', photoUrl, { instance });
        await client.call('pool student', 'GET', `/api/pool/${studentId}`, { token, instance });
        const reserve = await client.call('reserve', 'POST', '/api/pledges/reserve', { token, instance, json: { studentId, cadence: 'monthly' } });
        if (reserve.status !== 201) throw new Error(`warm-up reservation answered ${reserve.status}`);
        await client.call('release', 'POST', `/api/pledges/${(reserve.body as Reservation).sponsorshipId}/release`, { token, instance });
      }),
    );
  }
}

/**
 * One sponsor after the campaign post: browses the pool, opens a student's card, reserves them and
 * confirms every acknowledgement. Told STUDENT_TAKEN, they go back to a fresh pool page and try
 * another, a few times; with the pool empty they leave.
 */
async function sponsorVisit(client: RoundRobinClient, token: string, photos: StoredPhotos, tally: RushTally, rushStart: number) {
  for (let attempt = 0; attempt <= MAX_RETRIES; attempt += 1) {
    const pool = await client.call('pool', 'GET', '/api/pool?limit=20', { token });
    if (pool.status !== 200) return void (tally.broken += 1);
    const page = pool.body as PoolPage;
    if (page.items.length === 0) return void (tally.leftEmpty += 1);
    const pick = randomOf(page.items);
    // The page's photos load while the sponsor opens a card, as in the app.
    const [card] = await Promise.all([client.call('pool student', 'GET', `/api/pool/${pick.id}`, { token }), readPhotos(client, page, photos, tally)]);
    if (card.status !== 200) return void (tally.broken += 1);
    if ((card.body as PoolStudentResponse).availability === 'taken') {
      tally.cardTaken += 1;
      continue;
    }
    const reserve = await client.call('reserve', 'POST', '/api/pledges/reserve', { token, json: { studentId: pick.id, cadence: 'monthly' } });
    if (reserve.status === 409 && (reserve.body as { error: { code: string } }).error.code === 'STUDENT_TAKEN') {
      tally.studentTaken += 1;
      continue;
    }
    if (reserve.status !== 201) return void (tally.broken += 1);
    tally.reservedAt.push(performance.now() - rushStart);
    const { sponsorshipId } = reserve.body as Reservation;
    const confirm = await client.call('confirm', 'POST', `/api/pledges/${sponsorshipId}/confirm`, { token, json: { acknowledgements: [...PLEDGE_ACKNOWLEDGEMENTS] } });
    if (confirm.status !== 200) return void (tally.broken += 1);
    tally.confirmedAt.push(performance.now() - rushStart);
    return void (tally.got += 1);
  }
  tally.gaveUp += 1;
}

/** Every sponsor arrives at their own moment, evenly spread over `seconds`; resolves when the last has finished. */
export async function runRush(client: RoundRobinClient, tokens: string[], photos: StoredPhotos, seconds: number): Promise<RushTally> {
  const tally: RushTally = {
    got: 0,
    leftEmpty: 0,
    gaveUp: 0,
    broken: 0,
    studentTaken: 0,
    cardTaken: 0,
    reservedAt: [],
    confirmedAt: [],
    photosOk: 0,
    photosFailed: 0,
    photosCrossInstance: 0,
    finishedAt: 0,
    clientLoopDelayP99: 0,
  };
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const rushStart = performance.now();
  const spacingMs = (seconds * 1000) / tokens.length;
  await Promise.all(
    tokens.map(
      (token, i) =>
        new Promise<void>((resolve, reject) => {
          setTimeout(() => sponsorVisit(client, token, photos, tally, rushStart).then(resolve, reject), i * spacingMs);
        }),
    ),
  );
  tally.finishedAt = performance.now() - rushStart;
  loopDelay.disable();
  tally.clientLoopDelayP99 = loopDelay.percentile(99) / 1e6;
  return tally;
}
