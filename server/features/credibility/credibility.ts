import type { NgoCredibility } from '../../../domain/api/credibility';
import type { Db } from '../../db/connect';
import { AppError } from '../../lib/errors';
import { ngoLetterStats } from '../letters/stats';
import { medianMetric, MINIMUM_SAMPLE, shareMetric } from './metrics';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** The panel looks back this far from now. */
export const CREDIBILITY_WINDOW_DAYS = 365;
/** A payment counts as reported on when a disbursement of its sponsorship is recorded this many days after it at most. */
export const DISBURSEMENT_REPORT_DAYS = 30;
/** Rows read per metric at most; a year of one NGO's records is far fewer. */
const MAX_ROWS = 50_000;

const ymd = (at: Date) => at.toISOString().slice(0, 10);
const dayStart = (date: string) => Date.parse(`${date}T00:00:00.000Z`);

/**
 * The NGO's credibility panel over the last 365 days, computed only from its own records:
 * - alertAckMedianHours: lost-contact alerts opened in the window and acknowledged — median hours from
 *   opened_at to acknowledged_at;
 * - alertsResolvedWithinSla: alerts opened in the window and resolved — the share that met both SLA
 *   deadlines: acknowledged (or resolved) by ack_due_at, and first contact (or resolution) by
 *   first_contact_due_at;
 * - letterDeliveryMedianDays: letters delivered in the window — median days from first submission to
 *   delivery (ngoLetterStats);
 * - disbursementsReportedOnTime: payments received in the window at least 30 days ago — the share
 *   followed by a disbursement of the same sponsorship recorded within 30 days of the payment's date.
 * Each value is null below MINIMUM_SAMPLE. Unknown NGO → NOT_FOUND.
 */
export async function ngoCredibility(db: Db, ngoId: string, now: Date): Promise<NgoCredibility> {
  const ngo = await db.selectFrom('ngos').select(['id', 'name']).where('id', '=', ngoId).executeTakeFirst();
  if (!ngo) throw new AppError('NOT_FOUND');
  const from = new Date(now.getTime() - CREDIBILITY_WINDOW_DAYS * DAY);

  const alerts = await db
    .selectFrom('alerts')
    .select(['opened_at', 'ack_due_at', 'first_contact_due_at', 'acknowledged_at', 'first_contact_at', 'resolved_at'])
    .where('ngo_id', '=', ngoId)
    .where('opened_at', '>=', from.toISOString())
    .where('opened_at', '<', now.toISOString())
    .orderBy('opened_at')
    .limit(MAX_ROWS)
    .execute();
  const ackHours = alerts
    .filter((a) => a.acknowledged_at !== null)
    .map((a) => (Date.parse(a.acknowledged_at as string) - Date.parse(a.opened_at)) / HOUR);
  const resolved = alerts.filter((a) => a.resolved_at !== null);
  const withinSla = resolved.filter((a) => {
    const ackAt = Date.parse(a.acknowledged_at ?? (a.resolved_at as string));
    const contactAt = Date.parse(a.first_contact_at ?? (a.resolved_at as string));
    return ackAt <= Date.parse(a.ack_due_at) && contactAt <= Date.parse(a.first_contact_due_at);
  }).length;

  const letters = await ngoLetterStats(db, ngoId, { from, to: now });
  const letterDays = letters.medianHoursToDelivery === null ? null : Math.round((letters.medianHoursToDelivery / 24) * 10) / 10;

  const reported = await paymentsReportedOnTime(db, ngoId, from, now);

  return {
    ngo: { id: ngo.id, name: ngo.name },
    period: { from: ymd(from), to: ymd(now) },
    minimumSample: MINIMUM_SAMPLE,
    alertAckMedianHours: medianMetric(ackHours),
    alertsResolvedWithinSla: shareMetric(withinSla, resolved.length),
    letterDeliveryMedianDays: { value: letters.delivered < MINIMUM_SAMPLE ? null : letterDays, sample: letters.delivered },
    disbursementsReportedOnTime: shareMetric(reported.hits, reported.sample),
  };
}

async function paymentsReportedOnTime(db: Db, ngoId: string, from: Date, now: Date) {
  // Only payments old enough to have had their 30 days are judged.
  const lastJudged = ymd(new Date(now.getTime() - DISBURSEMENT_REPORT_DAYS * DAY));
  const ofNgo = (kind: 'payment' | 'disbursement') =>
    db
      .selectFrom('ledger_entries')
      .innerJoin('sponsorships', 'sponsorships.id', 'ledger_entries.sponsorship_id')
      .innerJoin('students', 'students.id', 'sponsorships.student_id')
      .where('students.ngo_id', '=', ngoId)
      .where('ledger_entries.kind', '=', kind);
  const payments = await ofNgo('payment')
    .select(['ledger_entries.sponsorship_id', 'ledger_entries.occurred_on'])
    .where('ledger_entries.occurred_on', '>=', ymd(from))
    .where('ledger_entries.occurred_on', '<=', lastJudged)
    .orderBy('ledger_entries.occurred_on')
    .limit(MAX_ROWS)
    .execute();
  if (payments.length === 0) return { hits: 0, sample: 0 };
  const reports = await ofNgo('disbursement')
    .select(['ledger_entries.sponsorship_id', 'ledger_entries.created_at'])
    .where('ledger_entries.created_at', '>=', ymd(from))
    .where('ledger_entries.created_at', '<', now.toISOString())
    .orderBy('ledger_entries.created_at')
    .limit(MAX_ROWS)
    .execute();
  const bySponsorship = new Map<string, number[]>();
  for (const r of reports) {
    const list = bySponsorship.get(r.sponsorship_id) ?? [];
    list.push(Date.parse(r.created_at));
    bySponsorship.set(r.sponsorship_id, list);
  }
  let hits = 0;
  for (const p of payments) {
    const start = dayStart(p.occurred_on);
    const end = start + (DISBURSEMENT_REPORT_DAYS + 1) * DAY; // through the end of the 30th day after
    if ((bySponsorship.get(p.sponsorship_id) ?? []).some((t) => t >= start && t < end)) hits += 1;
  }
  return { hits, sample: payments.length };
}
