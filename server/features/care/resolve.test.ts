import type { CaseView } from '../../../domain/api/care';
import type { SponsorshipPage } from '../../../domain/api/homes';
import type { SponsorshipDetail } from '../../../domain/api/sponsorship';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertAlert, insertStudent } from './care-fixtures';

let t: TestApp;
const NOW = new Date('2026-11-29T04:00:00.000Z');
let cwA: Record<string, string>;
let sponsor: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await insertWorld(t.app.db);
  cwA = await bearerFor(t.app.db, 'acc-cw-a', NOW);
  sponsor = await bearerFor(t.app.db, 'acc-sponsor-1', NOW);
});
afterAll(() => t.close());

let n = 0;
/** A fresh student of ngo-a sponsored by sponsor-1, with an open alert assigned to cw-a. */
async function openCase() {
  n += 1;
  const studentId = `student-r${String(n).padStart(2, '0')}`;
  await insertStudent(t.app.db, { id: studentId, caseworker: 'staff-cw-a', sponsorId: 'sponsor-1' });
  await insertAlert(t.app.db, { id: `al-${studentId}`, studentId, ngoId: 'ngo-a', assignee: 'staff-cw-a', openedAt: '2026-11-25T00:00:00.000Z' });
  return { studentId, alertId: `al-${studentId}`, sponsorshipId: `sp-${studentId}` };
}

const resolve = (alertId: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/staff/care/alerts/${alertId}/resolve`, headers: cwA, payload });
const sponsorNotices = (studentId: string) =>
  t.app.db.selectFrom('notifications').select(['kind', 'payload']).where('account_id', '=', 'acc-sponsor-1').where('payload', 'like', `%${studentId}%`).execute();

test('each outcome asks for what it needs, at its field, and nothing is written until it is given', async () => {
  const { alertId } = await openCase();
  const cases: [object, string, string][] = [
    [{ outcome: 'situation_changed', note: '转学' }, 'OUTCOME_DETAIL_MISSING', 'body.change'],
    [{ outcome: 'situation_changed', note: '转学', change: { kind: 'new_school' } }, 'OUTCOME_DETAIL_MISSING', 'body.change.schoolName'],
    [{ outcome: 'paused', note: '休学' }, 'OUTCOME_DETAIL_MISSING', 'body.resumeOn'],
    [{ outcome: 'paused', note: '休学', resumeOn: '2026-11-29' }, 'RESUME_DATE_INVALID', 'body.resumeOn'],
    [{ outcome: 'handed_over', note: '搬家' }, 'OUTCOME_DETAIL_MISSING', 'body.handover'],
    [
      { outcome: 'handed_over', note: '搬家', handover: { toNgoId: 'ngo-a', consent: { guardianName: '妈妈', relation: '母亲', method: 'phone', consentedOn: '2026-11-28' } } },
      'HANDOVER_TARGET_INVALID',
      'body.handover.toNgoId',
    ],
    [
      { outcome: 'handed_over', note: '搬家', handover: { toNgoId: 'ngo-nowhere', consent: { guardianName: '妈妈', relation: '母亲', method: 'phone', consentedOn: '2026-11-28' } } },
      'HANDOVER_TARGET_INVALID',
      'body.handover.toNgoId',
    ],
    [{ outcome: 'left_program', note: '外出打工' }, 'OUTCOME_DETAIL_MISSING', 'body.returnExpected'],
    [{ outcome: 'reached', note: '   ' }, 'OUTCOME_DETAIL_MISSING', 'body.note'],
  ];
  for (const [payload, code, field] of cases) {
    const res = await resolve(alertId, payload);
    expect([field, res.statusCode, res.json().error.code, res.json().error.details?.[0]?.field]).toEqual([field, 400, code, field]);
  }
  expect((await resolve(alertId, { outcome: 'forgotten', note: 'x' })).statusCode).toBe(400);
  const alert = await t.app.db.selectFrom('alerts').select(['status', 'outcome']).where('id', '=', alertId).executeTakeFirstOrThrow();
  expect(alert).toEqual({ status: 'open', outcome: null });
  expect(await t.app.db.selectFrom('handovers').select('id').execute()).toEqual([]);
});

test('reached: the alert closes, the student counts as heard from, the sponsor is told once and sees "back in touch"', async () => {
  const { studentId, alertId, sponsorshipId } = await openCase();
  const res = await resolve(alertId, { outcome: 'reached', note: '家访见到了，一切都好' });
  expect(res.statusCode).toBe(200);
  expect(res.json<CaseView>().alert).toMatchObject({ status: 'resolved', outcome: 'reached', outcomeNote: '家访见到了，一切都好', resolvedAt: NOW.toISOString(), nextDeadline: null });
  expect(res.json<CaseView>().student.lastHeardAt).toBe(NOW.toISOString());
  const notices = await sponsorNotices(studentId);
  expect(notices).toEqual([{ kind: 'student_reached', payload: expect.any(String) }]);
  expect(JSON.parse(notices[0].payload)).toEqual({ studentId, studentDisplayName: '同学02', sponsorshipId, ngoName: '凉山助学会', change: null });
  const detail = await t.app.inject({ url: `/api/sponsor/sponsorships/${sponsorshipId}`, headers: sponsor });
  expect(detail.json<SponsorshipDetail>().care).toEqual({ state: 'back_in_touch', since: NOW.toISOString(), change: null });

  const again = await resolve(alertId, { outcome: 'reached', note: '再次' });
  expect(again.statusCode).toBe(409);
  expect(again.json().error.code).toBe('ALERT_CLOSED');
  expect((await t.app.inject({ method: 'POST', url: `/api/staff/care/alerts/${alertId}/attempts`, headers: cwA, payload: { method: 'call', result: 'reached' } })).statusCode).toBe(409);
});

test('reached after only a "no answer": the history says the caseworker reached the student, not that the student checked in, and the sponsor\'s latest news stays', async () => {
  const { studentId, alertId, sponsorshipId } = await openCase();
  const checkedIn = '2026-10-20T12:00:00.000Z';
  await t.app.db.insertInto('checkins').values({ id: `ck-${studentId}`, student_id: studentId, kind: 'doing_well', mood: null, note: null, recorded_by: 'acc-student-a1', created_at: checkedIn }).execute();
  const latestNews = async () => {
    const detail = (await t.app.inject({ url: `/api/sponsor/sponsorships/${sponsorshipId}`, headers: sponsor })).json<SponsorshipDetail>();
    const list = (await t.app.inject({ url: '/api/sponsor/sponsorships?limit=50', headers: sponsor })).json<SponsorshipPage>();
    return [detail.lastHeardAt, list.items.find((i) => i.id === sponsorshipId)?.lastHeardAt];
  };
  expect(await latestNews()).toEqual([checkedIn, checkedIn]);

  const attempt = await t.app.inject({ method: 'POST', url: `/api/staff/care/alerts/${alertId}/attempts`, headers: cwA, payload: { method: 'call', result: 'no_answer' } });
  expect(attempt.statusCode).toBe(201);
  const res = await resolve(alertId, { outcome: 'reached', note: '后来打通了，一切都好' });
  expect(res.statusCode).toBe(200);
  const view = res.json<CaseView>();
  expect(view.history.map((e) => e.kind)).not.toContain('student_checked_in');
  expect(view.history.at(-1)).toEqual({ at: NOW.toISOString(), kind: 'resolved', actorName: '张社工', params: { outcome: 'reached' } });
  // The care clock restarts from the caseworker's contact, or the next sweep would open a new silence at once.
  expect(view.student).toMatchObject({ lastHeardAt: NOW.toISOString(), nextDueAt: '2026-12-13T04:00:00.000Z' });
  // The sponsor hears it as the NGO's news ("back in touch"), not as something the student sent.
  expect(await latestNews()).toEqual([checkedIn, checkedIn]);
  const detail = (await t.app.inject({ url: `/api/sponsor/sponsorships/${sponsorshipId}`, headers: sponsor })).json<SponsorshipDetail>();
  expect(detail.care.state).toBe('back_in_touch');
});

test('reached through a logged attempt: the resolution says how; what the student sends after the alert opened is in the history and is the sponsor\'s latest news', async () => {
  const { studentId, alertId, sponsorshipId } = await openCase();
  const visit = await t.app.inject({ method: 'POST', url: `/api/staff/care/alerts/${alertId}/attempts`, headers: cwA, payload: { method: 'home_visit', result: 'reached', attemptedAt: '2026-11-28T02:00:00.000Z' } });
  expect(visit.statusCode).toBe(201);
  const checkedIn = '2026-11-28T12:00:00.000Z';
  await t.app.db.insertInto('checkins').values({ id: `ck-${studentId}`, student_id: studentId, kind: 'busy_exams', mood: null, note: null, recorded_by: 'acc-student-a1', created_at: checkedIn }).execute();
  const view = (await resolve(alertId, { outcome: 'reached', note: '家访见到了' })).json<CaseView>();
  expect(view.history.slice(-3).map((e) => [e.kind, e.params])).toEqual([
    ['attempt', { method: 'home_visit', result: 'reached' }],
    ['student_checked_in', { checkin: 'busy_exams' }],
    ['resolved', { outcome: 'reached', method: 'home_visit' }],
  ]);
  const detail = (await t.app.inject({ url: `/api/sponsor/sponsorships/${sponsorshipId}`, headers: sponsor })).json<SponsorshipDetail>();
  expect(detail.lastHeardAt).toBe(checkedIn);
});

test('two resolves at once: exactly one wins, the other gets 409, and the sponsor is told once', async () => {
  const { studentId, alertId } = await openCase();
  const [a, b] = await Promise.all([resolve(alertId, { outcome: 'reached', note: '电话联系上了' }), resolve(alertId, { outcome: 'paused', note: '休学', resumeOn: '2027-03-01' })]);
  expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  const winner = a.statusCode === 200 ? 'reached' : 'paused';
  const alert = await t.app.db.selectFrom('alerts').select(['outcome']).where('id', '=', alertId).executeTakeFirstOrThrow();
  expect(alert.outcome).toBe(winner);
  const audits = await t.app.db.selectFrom('audit_log').select('id').where('action', '=', 'alerts.resolve').where('entity_id', '=', alertId).execute();
  expect(audits).toHaveLength(1);
  expect(await sponsorNotices(studentId)).toHaveLength(1);
});

test('situation changed: the school record is updated (audited before and after); the sponsor hears the kind of change, never the school', async () => {
  const { studentId, alertId, sponsorshipId } = await openCase();
  const res = await resolve(alertId, {
    outcome: 'situation_changed',
    note: '中考后去了职校',
    change: { kind: 'vocational_track', schoolName: '西昌职业技术学校', schoolStage: 'vocational', grade: 10 },
  });
  expect(res.statusCode).toBe(200);
  expect(res.json<CaseView>().student).toMatchObject({ schoolName: '西昌职业技术学校', schoolStage: 'vocational', grade: 10, lastHeardAt: NOW.toISOString() });
  const audit = await t.app.db.selectFrom('audit_log').select('detail').where('action', '=', 'students.update').where('student_id', '=', studentId).executeTakeFirstOrThrow();
  expect(JSON.parse(audit.detail!)).toEqual({
    before: { school_name: '昭觉县民族中学', school_stage: 'middle', grade: 9 },
    after: { school_name: '西昌职业技术学校', school_stage: 'vocational', grade: 10 },
  });
  const notices = await sponsorNotices(studentId);
  expect(notices.map((x) => JSON.parse(x.payload).change)).toEqual(['vocational_track']);
  expect(JSON.stringify(notices)).not.toContain('职业技术学校');
  const detail = (await t.app.inject({ url: `/api/sponsor/sponsorships/${sponsorshipId}`, headers: sponsor })).json<SponsorshipDetail>();
  expect(detail.care).toEqual({ state: 'back_in_touch', since: NOW.toISOString(), change: 'vocational_track' });
  expect(JSON.stringify(detail)).not.toContain('职业技术学校');
});

test('paused: the student and the sponsorship pause until the resume date; the sweep has nothing to do for them meanwhile', async () => {
  const { studentId, alertId, sponsorshipId } = await openCase();
  const res = await resolve(alertId, { outcome: 'paused', note: '生病住院，家里同意休学', resumeOn: '2027-03-01' });
  expect(res.statusCode).toBe(200);
  expect(res.json<CaseView>().alert).toMatchObject({ outcome: 'paused', resumeOn: '2027-03-01' });
  const student = await t.app.db.selectFrom('students').select(['program_status', 'ladder_next_at']).where('id', '=', studentId).executeTakeFirstOrThrow();
  expect(student).toEqual({ program_status: 'paused', ladder_next_at: null });
  const sponsorship = await t.app.db.selectFrom('sponsorships').select('status').where('id', '=', sponsorshipId).executeTakeFirstOrThrow();
  expect(sponsorship.status).toBe('paused');
  const notices = await sponsorNotices(studentId);
  expect(notices.map((x) => [x.kind, JSON.parse(x.payload).resumeOn])).toEqual([['student_paused', '2027-03-01']]);
  expect(JSON.stringify(notices)).not.toContain('生病');
});

test('left the program: recorded as when staff record it — the sponsor is asked to choose', async () => {
  const { studentId, alertId, sponsorshipId } = await openCase();
  const res = await resolve(alertId, { outcome: 'left_program', note: '随家人去外省打工', returnExpected: false });
  expect(res.statusCode).toBe(200);
  const student = await t.app.db.selectFrom('students').select(['program_status', 'left_return_expected', 'ladder_next_at']).where('id', '=', studentId).executeTakeFirstOrThrow();
  expect(student).toEqual({ program_status: 'left', left_return_expected: 0, ladder_next_at: null });
  expect((await sponsorNotices(studentId)).map((x) => x.kind)).toEqual(['student_left']);
  const detail = (await t.app.inject({ url: `/api/sponsor/sponsorships/${sponsorshipId}`, headers: sponsor })).json<SponsorshipDetail>();
  expect(detail.studentLeft).toMatchObject({ returnExpected: false });
  expect(detail.care.state).toBe('in_touch');
});
