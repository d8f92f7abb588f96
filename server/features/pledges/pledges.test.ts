import type { AddressInfo } from 'node:net';
import type { Reservation } from '../../../domain/api/pool';
import type { SponsorshipDetail } from '../../../domain/api/sponsorship';
import { PLEDGE_ACKNOWLEDGEMENTS } from '../../../domain/pledge';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { addWaitingStudent } from '../pool/test-fixtures';

let t: TestApp;
let sponsor1: Record<string, string>;
let sponsor2: Record<string, string>;
const NOW = new Date('2026-11-29T04:00:00.000Z');
const ALL = [...PLEDGE_ACKNOWLEDGEMENTS];

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await insertWorld(t.app.db);
  for (const id of ['p-01', 'p-02', 'p-03', 'p-04', 'p-05', 'p-06', 'p-07']) await addWaitingStudent(t.app.db, id);
  sponsor1 = await bearerFor(t.app.db, 'acc-sponsor-1', NOW);
  sponsor2 = await bearerFor(t.app.db, 'acc-sponsor-2', NOW);
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(NOW));

const reserve = (headers: Record<string, string>, studentId: string, cadence = 'monthly') =>
  t.app.inject({ method: 'POST', url: '/api/pledges/reserve', headers, payload: { studentId, cadence } });
const confirm = (headers: Record<string, string>, id: string, acknowledgements: string[] = ALL) =>
  t.app.inject({ method: 'POST', url: `/api/pledges/${id}/confirm`, headers, payload: { acknowledgements } });

describe('reserving a student', () => {
  it('holds the student for 15 minutes with the whole commitment to graduation', async () => {
    const res = await reserve(sponsor1, 'p-01');
    expect(res.statusCode).toBe(201);
    const r = res.json<Reservation>();
    // 2400 yuan a year, monthly → 200 yuan; graduation 2028-07 from 2026-11 → 2 school years.
    expect(r.commitment).toEqual({ cadence: 'monthly', amountFen: 20000, termYears: 2, paymentsCount: 24, totalFen: 480000, startDate: '2026-11-29', endDate: '2028-11-29' });
    expect(r.reservedUntil).toBe('2026-11-29T04:15:00.000Z');
    expect(r.acknowledgements).toEqual(ALL);
    expect(r.currentSponsorships).toBe(2);
    expect(r.student.id).toBe('p-01');
    expect(r.disbursementPolicy.length).toBeGreaterThan(20);
    // The same sponsor asking again gets the same reservation back, with the cadence chosen now.
    const again = await reserve(sponsor1, 'p-01', 'quarterly');
    expect(again.statusCode).toBe(201);
    expect(again.json<Reservation>()).toMatchObject({ sponsorshipId: r.sponsorshipId, reservedUntil: r.reservedUntil, commitment: { cadence: 'quarterly', amountFen: 60000, paymentsCount: 8 } });
    const view = await t.app.inject({ method: 'GET', url: `/api/pledges/${r.sponsorshipId}`, headers: sponsor1 });
    expect(view.json<Reservation>().sponsorshipId).toBe(r.sponsorshipId);
    expect((await t.app.inject({ method: 'GET', url: `/api/pledges/${r.sponsorshipId}`, headers: sponsor2 })).statusCode).toBe(404);
  });

  it('tells a second sponsor kindly that the student was just chosen', async () => {
    const res = await reserve(sponsor2, 'p-01', 'monthly');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'STUDENT_TAKEN' } });
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/还有其他同学在等待/);
    expect((await reserve(sponsor2, 'student-a1')).json()).toMatchObject({ error: { code: 'STUDENT_TAKEN' } });
    expect((await reserve(sponsor2, 'nobody')).statusCode).toBe(404);
  });

  it('lets a sponsor leave the review step: the student is free at once', async () => {
    const r = (await reserve(sponsor1, 'p-02')).json<Reservation>();
    const release = await t.app.inject({ method: 'POST', url: `/api/pledges/${r.sponsorshipId}/release`, headers: sponsor1 });
    expect(release.statusCode).toBe(204);
    const row = await t.app.db.selectFrom('sponsorships').select(['status', 'end_reason']).where('id', '=', r.sponsorshipId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'ended', end_reason: 'released' });
    expect((await reserve(sponsor2, 'p-02')).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: `/api/pledges/${r.sponsorshipId}/release`, headers: sponsor2 })).statusCode).toBe(404);
  });
});

describe('confirming after the cool-down', () => {
  it('needs every acknowledgement and names the missing ones', async () => {
    const r = (await reserve(sponsor1, 'p-03')).json<Reservation>();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/pledges/${r.sponsorshipId}/confirm`,
      headers: { ...sponsor1, 'accept-language': 'en-US' },
      payload: { acknowledgements: ['commitment', 'expectations'] },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; details: { field: string; message: string }[] } }>();
    expect(body.error.code).toBe('ACKNOWLEDGEMENTS_MISSING');
    expect(body.error.details.map((d) => d.field)).toEqual(['body.acknowledgements.safeguarding', 'body.acknowledgements.disbursement']);
    expect(body.error.details[0].message).toMatch(/safeguarding/);
    expect((await confirm(sponsor1, r.sponsorshipId, [])).statusCode).toBe(400);
  });

  it('makes the sponsorship active with one pledge entry for the whole commitment, audited', async () => {
    const r = (await reserve(sponsor1, 'p-03')).json<Reservation>();
    t.clock.set(new Date(NOW.getTime() + 14 * 60_000));
    const res = await confirm(sponsor1, r.sponsorshipId);
    expect(res.statusCode).toBe(200);
    const detail = res.json<SponsorshipDetail>();
    expect(detail).toMatchObject({ id: r.sponsorshipId, status: 'active', amountFen: 20000, termYears: 2, endDate: '2028-11-29', renewal: null, studentLeft: null });
    expect(detail.credibility.ngo.id).toBe('ngo-a');
    const ledger = await t.app.db.selectFrom('ledger_entries').selectAll().where('sponsorship_id', '=', r.sponsorshipId).execute();
    expect(ledger.map((e) => [e.kind, e.amount_fen, e.occurred_on, e.recorded_by])).toEqual([['pledge', 480000, '2026-11-29', 'acc-sponsor-1']]);
    expect(ledger[0].description).toBe('承诺资助2年，每月200元，共4,800元');
    const audit = await t.app.db.selectFrom('audit_log').selectAll().where('entity_id', '=', r.sponsorshipId).execute();
    expect(audit.map((a) => [a.action, a.actor_account_id, a.student_id])).toEqual([['sponsorships.confirm', 'acc-sponsor-1', 'p-03']]);
    // A second tap answers the same and pledges nothing more.
    expect((await confirm(sponsor1, r.sponsorshipId)).json<SponsorshipDetail>().status).toBe('active');
    expect(await t.app.db.selectFrom('ledger_entries').select('id').where('sponsorship_id', '=', r.sponsorshipId).execute()).toHaveLength(1);
    // Now it is among the sponsor's sponsorships and counted in the next reservation's gentle note.
    expect((await reserve(sponsor1, 'p-04')).json<Reservation>().currentSponsorships).toBe(3);
    await t.app.inject({ method: 'POST', url: `/api/pledges/${(await reserve(sponsor1, 'p-04')).json<Reservation>().sponsorshipId}/release`, headers: sponsor1 });
  });

  it('refuses after 15 minutes, and then another sponsor can reserve the student', async () => {
    const r = (await reserve(sponsor1, 'p-05')).json<Reservation>();
    t.clock.set(new Date(NOW.getTime() + 15 * 60_000));
    const late = await confirm(sponsor1, r.sponsorshipId);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ error: { code: 'RESERVATION_EXPIRED' } });
    const other = await reserve(sponsor2, 'p-05');
    expect(other.statusCode).toBe(201);
    const stale = await t.app.db.selectFrom('sponsorships').select(['status', 'end_reason']).where('id', '=', r.sponsorshipId).executeTakeFirstOrThrow();
    expect(stale).toEqual({ status: 'ended', end_reason: 'reservation_expired' });
    // The first sponsor, coming back, is told someone else has chosen the student.
    expect((await confirm(sponsor1, r.sponsorshipId)).json()).toMatchObject({ error: { code: 'STUDENT_TAKEN' } });
    expect((await confirm(sponsor2, other.json<Reservation>().sponsorshipId)).statusCode).toBe(200);
  });
});

describe('two sponsors at the same moment', () => {
  const pledge = async (headers: Record<string, string>, studentId: string, send: (opts: { method: 'POST'; url: string; headers: Record<string, string>; payload: unknown }) => Promise<{ status: number; body: unknown }>) => {
    const reserved = await send({ method: 'POST', url: '/api/pledges/reserve', headers, payload: { studentId, cadence: 'monthly' } });
    if (reserved.status !== 201) return reserved;
    const { sponsorshipId } = reserved.body as Reservation;
    return send({ method: 'POST', url: `/api/pledges/${sponsorshipId}/confirm`, headers, payload: { acknowledgements: ALL } });
  };

  it('lets exactly one reserve and confirm (concurrent injected requests)', async () => {
    const send = async (opts: { method: 'POST'; url: string; headers: Record<string, string>; payload: unknown }) => {
      const res = await t.app.inject({ ...opts, payload: opts.payload as object });
      return { status: res.statusCode, body: res.json() as unknown };
    };
    const outcomes = await Promise.all([pledge(sponsor1, 'p-06', send), pledge(sponsor2, 'p-06', send)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 409]);
    expect(outcomes.find((o) => o.status === 409)!.body).toMatchObject({ error: { code: 'STUDENT_TAKEN' } });
    const holders = await t.app.db.selectFrom('sponsorships').select('status').where('student_id', '=', 'p-06').where('status', 'in', ['reserved', 'active', 'paused']).execute();
    expect(holders).toEqual([{ status: 'active' }]);
  });

  it('lets exactly one through over real HTTP on a listening port', async () => {
    const other = await createTestApp({}, NOW);
    try {
      await insertWorld(other.app.db);
      await addWaitingStudent(other.app.db, 'race');
      const headers = await Promise.all([bearerFor(other.app.db, 'acc-sponsor-1', NOW), bearerFor(other.app.db, 'acc-sponsor-2', NOW)]);
      await other.app.listen({ host: '127.0.0.1', port: 0 });
      const base = `http://127.0.0.1:${(other.app.server.address() as AddressInfo).port}`;
      const send = async (opts: { method: 'POST'; url: string; headers: Record<string, string>; payload: unknown }) => {
        const res = await fetch(base + opts.url, { method: 'POST', headers: { ...opts.headers, 'content-type': 'application/json' }, body: JSON.stringify(opts.payload) });
        return { status: res.status, body: (await res.json()) as unknown };
      };
      for (let round = 0; round < 3; round += 1) {
        const studentId = round === 0 ? 'race' : `race-${round}`;
        if (round > 0) await addWaitingStudent(other.app.db, studentId);
        const outcomes = await Promise.all(headers.map((h) => pledge(h, studentId, send)));
        expect(outcomes.map((o) => o.status).sort()).toEqual([200, 409]);
        expect(outcomes.find((o) => o.status === 409)!.body).toMatchObject({ error: { code: 'STUDENT_TAKEN' } });
      }
      // Many sponsors reserving one student at once: one reservation, every other answer STUDENT_TAKEN.
      await addWaitingStudent(other.app.db, 'crowd');
      const many = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          fetch(`${base}/api/pledges/reserve`, {
            method: 'POST',
            headers: { ...headers[i % 2], 'content-type': 'application/json' },
            body: JSON.stringify({ studentId: 'crowd', cadence: 'yearly' }),
          }).then(async (r) => [r.status, ((await r.json()) as { error?: { code: string } }).error?.code ?? 'ok']),
        ),
      );
      // A sponsor asking again for the student they hold gets their reservation back (201); the other sponsor never does.
      const holder = await other.app.db.selectFrom('sponsorships').select('sponsor_id').where('student_id', '=', 'crowd').where('status', '=', 'reserved').execute();
      expect(holder).toHaveLength(1);
      const holderIndex = holder[0].sponsor_id === 'sponsor-1' ? 0 : 1;
      many.forEach(([status, code], i) => expect([i % 2 === holderIndex, status, code]).toEqual(i % 2 === holderIndex ? [true, 201, 'ok'] : [false, 409, 'STUDENT_TAKEN']));
    } finally {
      await other.close();
    }
  });
});
