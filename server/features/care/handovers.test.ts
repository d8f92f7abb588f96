import type { CaseView, HandoverPage, QueuePage } from '../../../domain/api/care';
import type { SponsorshipDetail } from '../../../domain/api/sponsorship';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertAlert, insertStaff, insertStudent } from './care-fixtures';

let t: TestApp;
const NOW = new Date('2026-11-29T04:00:00.000Z');
const LATER = new Date('2026-11-29T10:00:00.000Z');
let cwA: Record<string, string>;
let adminA: Record<string, string>;
let cwB: Record<string, string>;
let adminB: Record<string, string>;
let sponsor: Record<string, string>;

const consent = { guardianName: '吉克妈妈', relation: '母亲', method: 'in_person', consentedOn: '2026-11-28' };

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  const db = t.app.db;
  await insertWorld(db);
  await insertStaff(db, { id: 'staff-admin-b', accountId: 'acc-admin-b', ngoId: 'ngo-b', role: 'ngo_admin', name: '王主任' });
  for (const [id, sponsorId] of [['student-h1', 'sponsor-1'], ['student-h2', 'sponsor-2']] as const) {
    await insertStudent(db, { id, caseworker: 'staff-cw-a', sponsorId });
    await insertAlert(db, { id: `al-${id}`, studentId: id, ngoId: 'ngo-a', assignee: 'staff-cw-a', openedAt: '2026-11-25T00:00:00.000Z' });
  }
  await db.insertInto('checkins').values({ id: 'ck-h1', student_id: 'student-h1', kind: 'doing_well', mood: 4, note: null, recorded_by: 'acc-cw-a', created_at: '2026-09-01T00:00:00.000Z' }).execute();
  cwA = await bearerFor(db, 'acc-cw-a', NOW);
  adminA = await bearerFor(db, 'acc-admin-a', NOW);
  cwB = await bearerFor(db, 'acc-cw-b', NOW);
  adminB = await bearerFor(db, 'acc-admin-b', NOW);
  sponsor = await bearerFor(db, 'acc-sponsor-1', NOW);
});
afterAll(() => t.close());

const handOver = (alertId: string) =>
  t.app.inject({ method: 'POST', url: `/api/staff/care/alerts/${alertId}/resolve`, headers: cwA, payload: { outcome: 'handed_over', note: '全家搬到定西', handover: { toNgoId: 'ngo-b', consent } } });
const decide = (id: string, decision: 'accept' | 'reject', payload: object, headers = adminB) =>
  t.app.inject({ method: 'POST', url: `/api/staff/care/handovers/${id}/${decision}`, headers, payload });
const handovers = async (headers: Record<string, string>, query = '') => (await t.app.inject({ url: `/api/staff/care/handovers?${query}`, headers })).json<HandoverPage>();
const noticesOf = (accountId: string, kind: string) =>
  t.app.db.selectFrom('notifications').select('payload').where('account_id', '=', accountId).where('kind', '=', kind).execute();

test('handing a student over closes the alert with a pending handover; the receiving admins are told; one pending per student', async () => {
  const res = await handOver('al-student-h1');
  expect(res.statusCode).toBe(200);
  const view = res.json<CaseView>();
  expect(view.alert).toMatchObject({ status: 'resolved', outcome: 'handed_over' });
  expect(view.handover).toMatchObject({ status: 'pending', fromNgo: { id: 'ngo-a' }, toNgo: { id: 'ngo-b', name: '定西春苗' }, consent, note: '全家搬到定西' });
  expect(view.history.map((e) => e.kind)).toEqual(expect.arrayContaining(['resolved', 'handover_requested']));
  const notices = await noticesOf('acc-admin-b', 'handover_requested');
  expect(notices.map((n) => JSON.parse(n.payload))).toEqual([expect.objectContaining({ studentId: 'student-h1', handoverId: view.handover!.id, fromNgoName: '凉山助学会' })]);

  await insertAlert(t.app.db, { id: 'al-h1-again', studentId: 'student-h1', ngoId: 'ngo-a', assignee: 'staff-cw-a', openedAt: '2026-11-26T00:00:00.000Z' });
  const second = await handOver('al-h1-again');
  expect(second.statusCode).toBe(409);
  expect(second.json().error.code).toBe('HANDOVER_PENDING');
  await t.app.db.deleteFrom('alerts').where('id', '=', 'al-h1-again').execute();
});

test('both NGOs list the handover; the receiving one sees only sponsor-safe fields of the student', async () => {
  const incoming = await handovers(adminB, 'status=pending');
  expect(incoming.items).toEqual([expect.objectContaining({ status: 'pending', student: { displayName: '同学h1', grade: 9, schoolStage: 'middle', city: '凉山' } })]);
  expect(JSON.stringify(incoming)).not.toContain('吉克阿依');
  expect((await handovers(cwA)).items).toHaveLength(1);
  expect((await handovers(adminB, 'status=accepted')).items).toEqual([]);
});

test('only the receiving NGO’s admin decides, with a caseworker of their own NGO', async () => {
  const id = (await handovers(adminB)).items[0].id;
  expect((await decide(id, 'accept', { caseworkerId: 'staff-cw-b' }, cwB)).statusCode).toBe(403);
  expect((await decide(id, 'accept', { caseworkerId: 'staff-cw-a' }, adminA)).statusCode).toBe(404);
  expect((await decide(id, 'accept', { caseworkerId: 'staff-cw-b' }, sponsor)).statusCode).toBe(403);
  const wrong = await decide(id, 'accept', { caseworkerId: 'staff-cw-a' });
  expect(wrong.statusCode).toBe(400);
  expect(wrong.json().error).toMatchObject({ code: 'CASEWORKER_INVALID', details: [{ field: 'body.caseworkerId' }] });
  expect((await decide(id, 'reject', { reason: '' })).statusCode).toBe(400);
  const still = await t.app.db.selectFrom('handovers').select('status').where('id', '=', id).executeTakeFirstOrThrow();
  expect(still.status).toBe('pending');
});

test('accepted: the student, their history and sponsorship move to the receiving NGO and out of the sending one’s sight', async () => {
  const id = (await handovers(adminB)).items[0].id;
  t.clock.set(LATER);
  const res = await decide(id, 'accept', { caseworkerId: 'staff-cw-b', note: '欢迎' });
  t.clock.set(NOW);
  expect(res.statusCode).toBe(204);
  const student = await t.app.db.selectFrom('students').select(['ngo_id', 'caseworker_id', 'last_heard_at', 'next_due_at']).where('id', '=', 'student-h1').executeTakeFirstOrThrow();
  expect({ ngo_id: student.ngo_id, caseworker_id: student.caseworker_id }).toEqual({ ngo_id: 'ngo-b', caseworker_id: 'staff-cw-b' });
  // Next due now follows the receiving NGO's cadence (the default 30 days; the sending NGO's is 14).
  expect(student.next_due_at).toBe(new Date(Date.parse(student.last_heard_at!) + 30 * 86_400_000).toISOString());
  const consents = await t.app.db.selectFrom('guardian_consents').select(['guardian_name', 'method', 'consented_on', 'recorded_by']).where('student_id', '=', 'student-h1').execute();
  expect(consents).toEqual([{ guardian_name: '吉克妈妈', method: 'in_person', consented_on: '2026-11-28', recorded_by: 'staff-cw-a' }]);

  // The receiving NGO sees the student, the sponsorship and the closed case with its history.
  const bStudents = await t.app.inject({ url: '/api/staff/students?limit=100', headers: cwB });
  expect(bStudents.body).toContain('student-h1');
  const bSponsorships = await t.app.inject({ url: '/api/staff/sponsorships?limit=100', headers: adminB });
  expect(bSponsorships.body).toContain('sp-student-h1');
  const caseB = await t.app.inject({ url: '/api/staff/care/alerts/al-student-h1', headers: cwB });
  expect(caseB.statusCode).toBe(200);
  expect(caseB.json<CaseView>().recent).toEqual([expect.objectContaining({ kind: 'checkin' })]);
  expect(caseB.json<CaseView>().history.map((e) => e.kind)).toContain('handover_accepted');

  // The sending NGO no longer does.
  expect((await t.app.inject({ url: '/api/staff/care/alerts/al-student-h1', headers: cwA })).statusCode).toBe(404);
  expect((await t.app.inject({ url: '/api/staff/students?limit=100', headers: cwA })).body).not.toContain('student-h1');
  expect((await t.app.inject({ url: '/api/staff/sponsorships?limit=100', headers: adminA })).body).not.toContain('sp-student-h1');

  // The sending caseworker and the sponsor are told; the sponsor gently, naming the new partner.
  expect((await noticesOf('acc-cw-a', 'handover_decided')).map((n) => JSON.parse(n.payload).decision)).toEqual(['accepted']);
  const sponsorNotices = await noticesOf('acc-sponsor-1', 'student_handed_over');
  expect(sponsorNotices.map((n) => JSON.parse(n.payload))).toEqual([{ studentId: 'student-h1', studentDisplayName: '同学h1', sponsorshipId: 'sp-student-h1', ngoName: '定西春苗' }]);
  const detail = (await t.app.inject({ url: '/api/sponsor/sponsorships/sp-student-h1', headers: sponsor })).json<SponsorshipDetail>();
  expect(detail.student.ngoName).toBe('定西春苗');
  expect(detail.status).toBe('active');

  const audits = await t.app.db.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', id).orderBy('id').execute();
  expect(audits.map((a) => a.action)).toEqual(['handovers.request', 'handovers.accept']);
  expect(JSON.parse(audits[1].detail!)).toMatchObject({ fromNgoId: 'ngo-a', toNgoId: 'ngo-b' });

  const again = await decide(id, 'reject', { reason: '改主意' });
  expect(again.statusCode).toBe(409);
  expect(again.json().error.code).toBe('HANDOVER_DECIDED');
});

test('rejected: the alert reopens for the sending NGO, acknowledged with its outcome cleared, and its caseworker is told why', async () => {
  expect((await handOver('al-student-h2')).statusCode).toBe(200);
  const id = (await handovers(adminB, 'status=pending')).items[0].id;
  const res = await decide(id, 'reject', { reason: '本地没有合适的学校名额' });
  expect(res.statusCode).toBe(204);
  const alert = await t.app.db.selectFrom('alerts').select(['status', 'outcome', 'outcome_note', 'resolved_at']).where('id', '=', 'al-student-h2').executeTakeFirstOrThrow();
  expect(alert).toEqual({ status: 'acknowledged', outcome: null, outcome_note: null, resolved_at: null });
  const student = await t.app.db.selectFrom('students').select('ngo_id').where('id', '=', 'student-h2').executeTakeFirstOrThrow();
  expect(student.ngo_id).toBe('ngo-a');
  const told = (await noticesOf('acc-cw-a', 'handover_decided')).map((n) => JSON.parse(n.payload)).find((p) => p.handoverId === id);
  expect(told).toMatchObject({ decision: 'rejected', alertId: 'al-student-h2' });
  const queue = (await t.app.inject({ url: '/api/staff/care/queue?tab=alerts', headers: cwA })).json<QueuePage>();
  expect(queue.items.map((i) => i.id)).toContain('al-student-h2');
  const view = (await t.app.inject({ url: '/api/staff/care/alerts/al-student-h2', headers: cwA })).json<CaseView>();
  expect(view.handover).toMatchObject({ status: 'rejected', decisionNote: '本地没有合适的学校名额' });
  expect(view.history.map((e) => e.kind)).toContain('handover_rejected');
  expect((await noticesOf('acc-sponsor-2', 'student_handed_over'))).toEqual([]);
});

test('an accept and a reject at once: exactly one decides, the other gets 409', async () => {
  await insertStudent(t.app.db, { id: 'student-h3', caseworker: 'staff-cw-a' });
  await insertAlert(t.app.db, { id: 'al-student-h3', studentId: 'student-h3', ngoId: 'ngo-a', assignee: 'staff-cw-a', openedAt: '2026-11-25T00:00:00.000Z' });
  expect((await handOver('al-student-h3')).statusCode).toBe(200);
  const id = (await handovers(adminB, 'status=pending')).items[0].id;
  const [accept, reject] = await Promise.all([decide(id, 'accept', { caseworkerId: 'staff-cw-b' }), decide(id, 'reject', { reason: '名额已满' })]);
  expect([accept.statusCode, reject.statusCode].sort()).toEqual([204, 409]);
  const handover = await t.app.db.selectFrom('handovers').select('status').where('id', '=', id).executeTakeFirstOrThrow();
  const student = await t.app.db.selectFrom('students').select('ngo_id').where('id', '=', 'student-h3').executeTakeFirstOrThrow();
  const alert = await t.app.db.selectFrom('alerts').select('status').where('id', '=', 'al-student-h3').executeTakeFirstOrThrow();
  if (accept.statusCode === 204) {
    expect([handover.status, student.ngo_id, alert.status]).toEqual(['accepted', 'ngo-b', 'resolved']);
  } else {
    expect([handover.status, student.ngo_id, alert.status]).toEqual(['rejected', 'ngo-a', 'acknowledged']);
  }
});
