import type { NgoLetterStats } from '../../../domain/api/letters';
import type { Db } from '../../db/connect';

/** At most this many deliveries are read to compute the median; a credibility window is far smaller. */
const MAX_DELIVERIES = 50_000;
const HOUR = 3600_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Events of one NGO's letters (through the student) whose step happened in [from, to). */
function ngoEvents(db: Db, ngoId: string, range: { from: Date; to: Date }) {
  return db
    .selectFrom('letter_events')
    .innerJoin('letters', 'letters.id', 'letter_events.letter_id')
    .innerJoin('sponsorships', 'sponsorships.id', 'letters.sponsorship_id')
    .innerJoin('students', 'students.id', 'sponsorships.student_id')
    .where('students.ngo_id', '=', ngoId)
    .where('letter_events.created_at', '>=', range.from.toISOString())
    .where('letter_events.created_at', '<', range.to.toISOString());
}

/**
 * Letter figures for an NGO's credibility panel over [from, to): letters first submitted, letters
 * held for review, deliveries, and the median hours from first submission to delivery of the letters
 * delivered in the window (rounded to a tenth of an hour).
 */
export async function ngoLetterStats(db: Db, ngoId: string, range: { from: Date; to: Date }): Promise<NgoLetterStats> {
  const counts = await ngoEvents(db, ngoId, range)
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when(eb.and([eb('letter_events.to_status', '=', 'submitted'), eb('letter_events.from_status', 'is', null)])).then(1).else(0).end()).as('submitted'),
      eb.fn.count<number>('letter_events.letter_id').distinct().filterWhere('letter_events.to_status', '=', 'held').as('held'),
    ])
    .executeTakeFirstOrThrow();
  const deliveries = await ngoEvents(db, ngoId, range)
    .select((eb) => [
      'letter_events.letter_id',
      'letter_events.created_at as delivered_at',
      eb
        .selectFrom('letter_events as first')
        .select((f) => f.fn.min('first.created_at').as('at'))
        .whereRef('first.letter_id', '=', 'letter_events.letter_id')
        .where('first.to_status', '=', 'submitted')
        .as('submitted_at'),
    ])
    .where('letter_events.to_status', '=', 'delivered')
    .orderBy('letter_events.created_at')
    .limit(MAX_DELIVERIES)
    .execute();
  const hours = deliveries
    .filter((d) => d.submitted_at)
    .map((d) => (new Date(d.delivered_at).getTime() - new Date(d.submitted_at as string).getTime()) / HOUR);
  const mid = median(hours);
  return {
    submitted: Number(counts.submitted ?? 0),
    held: Number(counts.held ?? 0),
    delivered: deliveries.length,
    medianHoursToDelivery: mid === null ? null : Math.round(mid * 10) / 10,
  };
}
