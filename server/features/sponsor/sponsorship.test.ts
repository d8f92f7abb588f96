import type { Reservation } from '../../../domain/api/pool';
import type { SponsorshipDetail } from '../../../domain/api/sponsorship';
import { PLEDGE_ACKNOWLEDGEMENTS } from '../../../domain/pledge';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { addWaitingStudent } from '../pool/test-fixtures';

let t: TestApp;
let sponsor1: Record<string, string>;
let sponsor2: Record<string, string>;
let caseworkerA: Record<string, string>;
let caseworkerB: Record<string, string>;
const NOW = new Date('2026-11-29T04:00:00.000Z');
const AT = NOW.toISOString();

const ledger = (id: string, sponsorship_id: string, kind: 'pledge' | 'payment', amount_fen: number) => ({
  id,
  sponsorship_id,
  kind,
  amount_fen,
  occurred_on: '2025-09-01',
  category: null,
  payee: null,
  description: kind,
  receipt_key: null,
  recorded_by: null,
  created_at: AT,
});

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  const db = t.app.db;
  await insertWorld(db);
  await addWaitingStudent(db, 'next-1', { yearly_need_fen: 120000, expected_graduation: '2027-07-01' });
  // sp-1 (sponsor-1 → student-a1): 9000 yuan pledged, 3500 paid.
  await db.insertInto('ledger_entries').values([ledger('l-1', 'sp-1', 'pledge', 900000), ledger('l-2', 'sp-1', 'payment', 350000)]).execute();
  // sp-3 (sponsor-2 → student-a2) ends in 47 days; the student graduates after it.
  await db.updateTable('sponsorships').set({ end_date: '2027-01-15' }).where('id', '=', 'sp-3').execute();
  sponsor1 = await bearerFor(db, 'acc-sponsor-1', NOW);
  sponsor2 = await bearerFor(db, 'acc-sponsor-2', NOW);
  caseworkerA = await bearerFor(db, 'acc-cw-a2', NOW);
  caseworkerB = await bearerFor(db, 'acc-cw-b', NOW);
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(NOW));

const detail = (headers: Record<string, string>, id: string) => t.app.inject({ method: 'GET', url: `/api/sponsor/sponsorships/${id}`, headers });
const post = (headers: Record<string, string>, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers, payload });

describe('GET /api/sponsor/sponsorships/:id', () => {
  it("answers the caller's own sponsorship and 404 for anyone else's", async () => {
    const res = await detail(sponsor1, 'sp-1');
    expect(res.statusCode).toBe(200);
    const body = res.json<SponsorshipDetail>();
    expect(body).toMatchObject({ id: 'sp-1', status: 'active', endDate: '2028-07-01', renewal: null, studentLeft: null, student: { displayName: '阿依' } });
    expect(body.credibility.ngo.id).toBe('ngo-a');
    expect(JSON.stringify(body)).not.toMatch(/吉克阿依|昭觉|解放沟/);
    expect((await detail(sponsor2, 'sp-1')).statusCode).toBe(404);
    expect((await detail(sponsor1, 'nope')).statusCode).toBe(404);
  });
});

describe('renewal', () => {
  it('is offered in the last 90 days while the student is still at school, and extends the term once', async () => {
    const offered = (await detail(sponsor2, 'sp-3')).json<SponsorshipDetail>();
    expect(offered.renewal).toEqual({ options: ['to_graduation', 'one_year'], endsOn: '2027-01-15' });
    expect((await post(sponsor1, '/api/sponsor/sponsorships/sp-1/renew', { option: 'one_year' })).json()).toMatchObject({ error: { code: 'RENEWAL_NOT_OFFERED' } });
    expect((await post(sponsor1, '/api/sponsor/sponsorships/sp-3/renew', { option: 'one_year' })).statusCode).toBe(404);

    const res = await post(sponsor2, '/api/sponsor/sponsorships/sp-3/renew', { option: 'one_year' });
    expect(res.statusCode).toBe(200);
    expect(res.json<SponsorshipDetail>()).toMatchObject({ endDate: '2028-01-15', termYears: 4, renewal: null });
    const entries = await t.app.db.selectFrom('ledger_entries').selectAll().where('sponsorship_id', '=', 'sp-3').execute();
    expect(entries.map((e) => [e.kind, e.amount_fen, e.description])).toEqual([['pledge', 300000, '续期至2028-01-15：承诺资助1年，每月250元，共3,000元']]);
    const audit = await t.app.db.selectFrom('audit_log').select(['action', 'student_id']).where('entity_id', '=', 'sp-3').execute();
    expect(audit).toEqual([{ action: 'sponsorships.renew', student_id: 'student-a2' }]);
    // Not offered any more: the new end is more than 90 days away.
    expect((await post(sponsor2, '/api/sponsor/sponsorships/sp-3/renew', { option: 'one_year' })).statusCode).toBe(409);
  });

  it('is not offered when the student graduates by the end of the term', async () => {
    await t.app.db.updateTable('students').set({ expected_graduation: '2027-01-01' }).where('id', '=', 'student-a2').execute();
    await t.app.db.updateTable('sponsorships').set({ end_date: '2027-01-15' }).where('id', '=', 'sp-3').execute();
    expect((await detail(sponsor2, 'sp-3')).json<SponsorshipDetail>().renewal).toBeNull();
    await t.app.db.updateTable('students').set({ expected_graduation: '2029-07-01' }).where('id', '=', 'student-a2').execute();
    // To graduation: whole school years from the current end (2027-01 → 2029-07 is three).
    const res = await post(sponsor2, '/api/sponsor/sponsorships/sp-3/renew', { option: 'to_graduation' });
    expect(res.json<SponsorshipDetail>()).toMatchObject({ endDate: '2030-01-15', termYears: 7 });
  });
});

describe('a student leaves the program', () => {
  it('is recorded only by staff of their NGO', async () => {
    const body = { reason: '随家人外出务工，已转学', returnExpected: true };
    expect((await post(caseworkerB, '/api/staff/students/student-a1/left', body)).statusCode).toBe(404);
    expect((await post(sponsor1, '/api/staff/students/student-a1/left', body)).statusCode).toBe(403);
    expect((await post(caseworkerA, '/api/staff/students/student-a1/left', { reason: '' , returnExpected: true })).statusCode).toBe(400);
  });

  it('sets the status, audits the reason and tells the sponsor, who sees what remains', async () => {
    const res = await post(caseworkerA, '/api/staff/students/student-a1/left', { reason: '随家人外出务工，已转学', returnExpected: true });
    expect(res.statusCode).toBe(204);
    const student = await t.app.db.selectFrom('students').select(['program_status', 'left_return_expected', 'pool_since']).where('id', '=', 'student-a1').executeTakeFirstOrThrow();
    expect(student).toEqual({ program_status: 'left', left_return_expected: 1, pool_since: null });
    const audit = await t.app.db.selectFrom('audit_log').select(['action', 'reason', 'actor_account_id']).where('action', '=', 'students.left').execute();
    expect(audit).toEqual([{ action: 'students.left', reason: '随家人外出务工，已转学', actor_account_id: 'acc-cw-a2' }]);
    const notes = await t.app.db.selectFrom('notifications').select(['account_id', 'kind', 'payload']).where('kind', '=', 'student_left').execute();
    expect(notes.map((n) => [n.account_id, JSON.parse(n.payload)])).toEqual([['acc-sponsor-1', { sponsorshipId: 'sp-1', studentDisplayName: '阿依', returnExpected: true }]]);
    expect((await detail(sponsor1, 'sp-1')).json<SponsorshipDetail>().studentLeft).toEqual({ returnExpected: true, remainingFen: 550000 });
    expect((await post(caseworkerA, '/api/staff/students/student-a1/left', { reason: '再次', returnExpected: false })).statusCode).toBe(409);
    // The other sponsorship's student has not left: nothing to choose.
    expect((await post(sponsor1, '/api/sponsor/sponsorships/sp-2/after-leaving', { choice: 'wait' })).json()).toMatchObject({ error: { code: 'STUDENT_NOT_LEFT' } });
  });

  it("lets the sponsor wait: the sponsorship pauses and the choice stays open", async () => {
    const res = await post(sponsor1, '/api/sponsor/sponsorships/sp-1/after-leaving', { choice: 'wait' });
    expect(res.statusCode).toBe(200);
    expect(res.json<SponsorshipDetail>()).toMatchObject({ status: 'paused', studentLeft: { returnExpected: true, remainingFen: 550000 } });
  });

  it('lets the sponsor sponsor another student, carrying the remaining pledge over', async () => {
    expect((await post(sponsor1, '/api/sponsor/sponsorships/sp-1/after-leaving', { choice: 'sponsor_another' })).statusCode).toBe(400);
    const res = await post(sponsor1, '/api/sponsor/sponsorships/sp-1/after-leaving', { choice: 'sponsor_another', newStudentId: 'next-1' });
    expect(res.statusCode).toBe(201);
    const r = res.json<Reservation>();
    // 1200 yuan a year would be one year (1200) to graduation; 5500 remaining needs five years.
    expect(r.commitment).toMatchObject({ cadence: 'monthly', amountFen: 10000, termYears: 5, totalFen: 600000 });
    // Until the new pledge is confirmed the old sponsorship stays as it is.
    expect((await detail(sponsor1, 'sp-1')).json<SponsorshipDetail>().status).toBe('paused');
    const confirmed = await post(sponsor1, `/api/pledges/${r.sponsorshipId}/confirm`, { acknowledgements: [...PLEDGE_ACKNOWLEDGEMENTS] });
    expect(confirmed.statusCode).toBe(200);
    const old = await t.app.db.selectFrom('sponsorships').select(['status', 'end_reason']).where('id', '=', 'sp-1').executeTakeFirstOrThrow();
    expect(old).toEqual({ status: 'ended', end_reason: 'student_left' });
    const pledge = await t.app.db.selectFrom('ledger_entries').select(['amount_fen', 'description']).where('sponsorship_id', '=', r.sponsorshipId).executeTakeFirstOrThrow();
    expect(pledge).toEqual({ amount_fen: 600000, description: '承诺资助5年，每月100元，共6,000元；其中5,500元为资助阿依时尚未支付的承诺，因其离开项目转入本次资助' });
    const carry = await t.app.db.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', 'sp-1').where('action', '=', 'sponsorships.carry_over').executeTakeFirstOrThrow();
    expect(JSON.parse(carry.detail!)).toEqual({ toSponsorshipId: r.sponsorshipId, remainingFen: 550000 });
  });

  it('leaves 30 days for goodbye letters both ways, then closes', async () => {
    const letter = (headers: Record<string, string>) => post(headers, '/api/letters', { sponsorshipId: 'sp-1', body: '谢谢你这两年的陪伴，祝你一切都好。' });
    expect((await letter(sponsor1)).statusCode).toBe(201);
    const day29 = new Date(NOW.getTime() + 29 * 86_400_000);
    t.clock.set(day29);
    expect((await letter(await bearerFor(t.app.db, 'acc-student-a1', day29))).statusCode).toBe(201);
    const day31 = new Date(NOW.getTime() + 31 * 86_400_000);
    t.clock.set(day31);
    expect((await letter(await bearerFor(t.app.db, 'acc-sponsor-1', day31))).json()).toMatchObject({ error: { code: 'SPONSORSHIP_CLOSED' } });
  });

  it('lets the sponsor end the sponsorship', async () => {
    await post(caseworkerB, '/api/staff/students/student-b1/left', { reason: '家庭搬迁', returnExpected: false });
    const res = await post(sponsor1, '/api/sponsor/sponsorships/sp-2/after-leaving', { choice: 'end' });
    expect(res.statusCode).toBe(200);
    expect(res.json<SponsorshipDetail>()).toMatchObject({ status: 'ended', studentLeft: null });
    const row = await t.app.db.selectFrom('sponsorships').select(['end_reason', 'ended_at']).where('id', '=', 'sp-2').executeTakeFirstOrThrow();
    expect(row).toEqual({ end_reason: 'student_left', ended_at: AT });
    expect((await post(sponsor1, '/api/sponsor/sponsorships/sp-2/after-leaving', { choice: 'wait' })).statusCode).toBe(409);
  });
});
