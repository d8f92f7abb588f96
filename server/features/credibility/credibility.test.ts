import { createTestApp, type TestApp } from '../../test/test-app';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { ngoCredibility } from './credibility';
import { median, medianMetric, shareMetric } from './metrics';

let t: TestApp;
const H = 3600_000;
const BASE = Date.parse('2026-10-01T00:00:00.000Z');
const at = (hours: number) => new Date(BASE + hours * H).toISOString();

/** An alert opened at BASE + openedH with the usual 48 h / 168 h SLA; the other times are hours after BASE. */
async function alert(id: string, ngoId: string, studentId: string, openedH: number, times: { ack?: number; contact?: number; resolved?: number }) {
  await t.app.db
    .insertInto('alerts')
    .values({
      id,
      student_id: studentId,
      ngo_id: ngoId,
      episode_id: null,
      assigned_staff_id: null,
      status: times.resolved !== undefined ? 'resolved' : times.ack !== undefined ? 'acknowledged' : 'open',
      opened_at: at(openedH),
      ack_due_at: at(openedH + 48),
      first_contact_due_at: at(openedH + 168),
      acknowledged_at: times.ack === undefined ? null : at(openedH + times.ack),
      first_contact_at: times.contact === undefined ? null : at(openedH + times.contact),
      escalated_at: null,
      resolved_at: times.resolved === undefined ? null : at(openedH + times.resolved),
      outcome: times.resolved === undefined ? null : 'reached',
      outcome_note: null,
      resume_on: null,
    })
    .execute();
}

/** A delivered letter submitted at BASE + submittedH and delivered `hours` later. */
async function deliveredLetter(id: string, sponsorshipId: string, submittedH: number, hours: number) {
  await t.app.db
    .insertInto('letters')
    .values({ id, sponsorship_id: sponsorshipId, direction: 'to_student', author_account_id: 'acc-sponsor-1', in_reply_to: null, body: '你好', status: 'delivered', status_changed_at: at(submittedH + hours), created_at: at(submittedH) })
    .execute();
  const steps: [string | null, string, number][] = [
    [null, 'submitted', submittedH],
    ['submitted', 'screened', submittedH],
    ['screened', 'delivered', submittedH + hours],
  ];
  for (const [i, [from, to, h]] of steps.entries()) {
    await t.app.db
      .insertInto('letter_events')
      .values({ id: `${id}-e${i}`, letter_id: id, from_status: from, to_status: to, actor_account_id: null, reason: null, detail: null, created_at: at(h), seq: i + 1 })
      .execute();
  }
}

let ledgerSeq = 0;
async function ledger(sponsorshipId: string, kind: 'payment' | 'disbursement', occurredOn: string, createdAt: string) {
  ledgerSeq += 1;
  await t.app.db
    .insertInto('ledger_entries')
    .values({ id: `le-${ledgerSeq}`, sponsorship_id: sponsorshipId, kind, amount_fen: 10000, occurred_on: occurredOn, category: kind === 'disbursement' ? 'tuition' : null, payee: null, description: kind, receipt_key: null, recorded_by: null, created_at: createdAt })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp(); // now = 2026-11-29T04:00Z; the window starts 2025-11-29T04:00Z
  await insertWorld(t.app.db);
  // ngo-a alerts: acknowledged after 2, 4, 10, 30, 50 hours → median 10 h over 5.
  await alert('al-1', 'ngo-a', 'student-a1', 0, { ack: 2, contact: 20, resolved: 30 }); // within SLA
  await alert('al-2', 'ngo-a', 'student-a2', 100, { ack: 4, contact: 100, resolved: 200 }); // within (contact ≤ 168 h)
  await alert('al-3', 'ngo-a', 'student-a3', 300, { ack: 10, resolved: 100 }); // within (resolved before contact due)
  await alert('al-4', 'ngo-a', 'student-a1', 600, { ack: 30, contact: 170, resolved: 180 }); // first contact late
  await alert('al-5', 'ngo-a', 'student-a2', 900, { ack: 50, contact: 60, resolved: 70 }); // acknowledged late
  await alert('al-6', 'ngo-a', 'student-a3', 1000, { resolved: 40 }); // resolved at once, within both deadlines
  await alert('al-7', 'ngo-a', 'student-a1', 1200, {}); // still open: in neither figure
  await alert('al-old', 'ngo-a', 'student-a1', -24 * 400, { ack: 500, resolved: 600 }); // before the window
  await alert('al-b1', 'ngo-b', 'student-b1', 0, { ack: 1, resolved: 2 });
  await alert('al-b2', 'ngo-b', 'student-b1', 500, { ack: 3, resolved: 4 });

  // ngo-a letters delivered after 0, 24, 48, 72, 240 hours → median 2 days over 5.
  await deliveredLetter('lt-1', 'sp-1', 0, 0);
  await deliveredLetter('lt-2', 'sp-3', 10, 24);
  await deliveredLetter('lt-3', 'sp-1', 20, 48);
  await deliveredLetter('lt-4', 'sp-3', 30, 72);
  await deliveredLetter('lt-5', 'sp-1', 40, 240);
  await deliveredLetter('lt-b', 'sp-2', 0, 5);

  // ngo-a payments judged (in the window, at least 30 days old): 5, of which 3 are followed in 30 days.
  await ledger('sp-1', 'payment', '2026-06-01', '2026-06-01T02:00:00.000Z');
  await ledger('sp-1', 'disbursement', '2026-06-15', '2026-06-20T03:00:00.000Z'); // → hit
  await ledger('sp-1', 'payment', '2026-07-01', '2026-07-01T02:00:00.000Z');
  await ledger('sp-1', 'disbursement', '2026-07-30', '2026-07-31T10:00:00.000Z'); // 30th day → hit
  await ledger('sp-1', 'payment', '2026-08-01', '2026-08-01T02:00:00.000Z'); // next report 35 days later → miss
  await ledger('sp-1', 'disbursement', '2026-09-05', '2026-09-05T03:00:00.000Z');
  await ledger('sp-1', 'payment', '2026-11-15', '2026-11-15T02:00:00.000Z'); // too recent to judge
  await ledger('sp-3', 'payment', '2026-02-01', '2026-02-01T02:00:00.000Z'); // only another sponsorship reported → miss
  await ledger('sp-1', 'disbursement', '2026-02-10', '2026-02-10T03:00:00.000Z');
  await ledger('sp-3', 'payment', '2026-03-01', '2026-03-01T02:00:00.000Z');
  await ledger('sp-3', 'disbursement', '2026-03-31', '2026-03-31T23:00:00.000Z'); // 30th day → hit
  await ledger('sp-3', 'payment', '2025-10-01', '2025-10-01T02:00:00.000Z'); // before the window
  await ledger('sp-3', 'disbursement', '2025-10-02', '2025-10-02T02:00:00.000Z');
});
afterAll(() => t.close());

it('computes every metric exactly from the NGO’s records in the last 365 days', async () => {
  expect(await ngoCredibility(t.app.db, 'ngo-a', t.clock.now())).toEqual({
    ngo: { id: 'ngo-a', name: '凉山助学会' },
    period: { from: '2025-11-29', to: '2026-11-29' },
    minimumSample: 5,
    alertAckMedianHours: { value: 10, sample: 5 },
    alertsResolvedWithinSla: { value: 0.667, sample: 6 },
    letterDeliveryMedianDays: { value: 2, sample: 5 },
    disbursementsReportedOnTime: { value: 0.6, sample: 5 },
  });
});

it('says "not enough data yet" (null) below the minimum sample, with the sample size', async () => {
  expect(await ngoCredibility(t.app.db, 'ngo-b', t.clock.now())).toMatchObject({
    alertAckMedianHours: { value: null, sample: 2 },
    alertsResolvedWithinSla: { value: null, sample: 2 },
    letterDeliveryMedianDays: { value: null, sample: 1 },
    disbursementsReportedOnTime: { value: null, sample: 0 },
  });
});

it('moves with now: payments are judged once their 30 days have passed; old records leave the window', async () => {
  const soon = await ngoCredibility(t.app.db, 'ngo-a', new Date('2026-12-20T00:00:00.000Z'));
  expect(soon.disbursementsReportedOnTime).toEqual({ value: 0.5, sample: 6 }); // the 2026-11-15 payment, never reported
  const later = await ngoCredibility(t.app.db, 'ngo-a', new Date('2027-11-30T00:00:00.000Z'));
  expect(later.period).toEqual({ from: '2026-11-30', to: '2027-11-30' });
  expect(later.alertAckMedianHours).toEqual({ value: null, sample: 0 });
  expect(later.disbursementsReportedOnTime).toEqual({ value: null, sample: 0 });
});

it('GET /api/ngos/:id/credibility: any signed-in user; unknown NGO 404; no session 401', async () => {
  const sponsor = await bearerFor(t.app.db, 'acc-sponsor-2');
  const student = await bearerFor(t.app.db, 'acc-student-b1');
  const res = await t.app.inject({ url: '/api/ngos/ngo-a/credibility', headers: sponsor });
  expect(res.statusCode).toBe(200);
  expect(res.json().alertAckMedianHours).toEqual({ value: 10, sample: 5 });
  expect((await t.app.inject({ url: '/api/ngos/ngo-a/credibility', headers: student })).statusCode).toBe(200);
  expect((await t.app.inject({ url: '/api/ngos/nope/credibility', headers: sponsor })).statusCode).toBe(404);
  expect((await t.app.inject({ url: '/api/ngos/ngo-a/credibility' })).statusCode).toBe(401);
});

describe('metric helpers', () => {
  it('median of odd and even samples', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('null below five, rounded otherwise', () => {
    expect(medianMetric([1, 2, 3, 4])).toEqual({ value: null, sample: 4 });
    expect(medianMetric([1, 2, 3, 4, 5.04])).toEqual({ value: 3, sample: 5 });
    expect(shareMetric(2, 3)).toEqual({ value: null, sample: 3 });
    expect(shareMetric(2, 6)).toEqual({ value: 0.333, sample: 6 });
    expect(shareMetric(0, 0)).toEqual({ value: null, sample: 0 });
  });
});
