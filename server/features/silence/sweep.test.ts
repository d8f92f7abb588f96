import { recordHeardFrom } from '../../care-clock/heard-from';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { at, DAY, dueAt, HOUR, noticeLines, stepsOf, sweepAt } from './test-support';

// ngo-a (fixture): cadence 14 days, the default ladder (days 0, 7, 14, 30), SLA 48 h / 168 h.
const DUE = new Date('2026-12-20T00:00:00.000Z');
let t: TestApp;

beforeEach(async () => {
  t = await createTestApp({}, DUE);
  await insertWorld(t.app.db);
  await dueAt(t.app.db, 'student-a1', DUE);
});
afterEach(() => t.close());

const student = () =>
  t.app.db.selectFrom('students').select(['next_due_at', 'ladder_next_at', 'program_status']).where('id', '=', 'student-a1').executeTakeFirstOrThrow();
const tasksOf = (studentId: string) =>
  t.app.db.selectFrom('caseworker_tasks').select(['kind', 'status', 'due_at', 'dedupe_key', 'detail']).where('student_id', '=', studentId).orderBy('kind').execute();
const alertsOf = (studentId: string) => t.app.db.selectFrom('alerts').selectAll().where('student_id', '=', studentId).execute();

test('climbs the ladder one step at a time, each step and each message once', async () => {
  expect(await sweepAt(t, at(DUE, -1))).toMatchObject({ studentsSeen: 0, stepsPerformed: 0 });

  expect(await sweepAt(t, DUE)).toMatchObject({ studentsSeen: 1, episodesOpened: 1, stepsPerformed: 1 });
  expect(await stepsOf(t.app.db, 'student-a1')).toEqual(['nudge_1']);
  expect(await noticeLines(t.app.db)).toEqual(['acc-student-a1 checkin_reminder']);
  expect((await student()).ladder_next_at).toBe(at(DUE, 7 * DAY).toISOString());
  expect(await sweepAt(t, at(DUE, HOUR))).toMatchObject({ studentsSeen: 0, stepsPerformed: 0 });

  expect(await sweepAt(t, at(DUE, 7 * DAY - 1))).toMatchObject({ stepsPerformed: 0 });
  expect(await sweepAt(t, at(DUE, 7 * DAY))).toMatchObject({ episodesOpened: 0, stepsPerformed: 1 });
  const reminders = await t.app.db.selectFrom('notifications').select('payload').where('kind', '=', 'checkin_reminder').orderBy('created_at').execute();
  expect(reminders.map((r) => JSON.parse(r.payload))).toEqual([
    { studentId: 'student-a1', studentDisplayName: '阿依', step: 'nudge_1' },
    { studentId: 'student-a1', studentDisplayName: '阿依', step: 'nudge_2' },
  ]);

  expect(await sweepAt(t, at(DUE, 14 * DAY - 1))).toMatchObject({ stepsPerformed: 0 });
  expect(await sweepAt(t, at(DUE, 14 * DAY))).toMatchObject({ stepsPerformed: 1 });
  const episode = await t.app.db.selectFrom('silence_episodes').selectAll().where('student_id', '=', 'student-a1').executeTakeFirstOrThrow();
  expect(await tasksOf('student-a1')).toEqual([
    { kind: 'watch', status: 'open', due_at: at(DUE, 30 * DAY).toISOString(), dedupe_key: `watch:${episode.id}`, detail: null },
  ]);

  expect(await sweepAt(t, at(DUE, 30 * DAY - 1))).toMatchObject({ stepsPerformed: 0, alertsOpened: 0 });
  const alertAt = at(DUE, 30 * DAY);
  expect(await sweepAt(t, alertAt)).toMatchObject({ stepsPerformed: 1, alertsOpened: 1 });
  const [alert] = await alertsOf('student-a1');
  expect(alert).toMatchObject({
    ngo_id: 'ngo-a',
    episode_id: episode.id,
    assigned_staff_id: 'staff-cw-a',
    status: 'open',
    opened_at: alertAt.toISOString(),
    ack_due_at: at(alertAt, 48 * HOUR).toISOString(),
    first_contact_due_at: at(alertAt, 168 * HOUR).toISOString(),
  });
  expect((await tasksOf('student-a1'))[0]).toMatchObject({ kind: 'watch', status: 'done' });
  const sponsorNotice = await t.app.db.selectFrom('notifications').selectAll().where('kind', '=', 'student_checking_in').executeTakeFirstOrThrow();
  expect(sponsorNotice.account_id).toBe('acc-sponsor-1');
  expect(JSON.parse(sponsorNotice.payload)).toEqual({ sponsorshipId: 'sp-1', studentId: 'student-a1', studentDisplayName: '阿依', ngoName: '凉山助学会', alertId: alert.id });
  expect((await student()).ladder_next_at).toBeNull();

  // Running again, at the same time or later, repeats nothing.
  for (const later of [alertAt, at(alertAt, HOUR), at(alertAt, 40 * HOUR)]) expect(await sweepAt(t, later)).toMatchObject({ stepsPerformed: 0, alertsOpened: 0, escalations: 0 });
  expect(await stepsOf(t.app.db, 'student-a1')).toEqual(['nudge_1', 'nudge_2', 'watch', 'alert']);
  expect(await noticeLines(t.app.db)).toEqual([
    'acc-cw-a alert_assigned',
    'acc-sponsor-1 student_checking_in',
    'acc-student-a1 checkin_reminder',
    'acc-student-a1 checkin_reminder',
  ]);
});

test('a sweep that ran late performs every missed step once, in order, and the alert closes the watch task', async () => {
  expect(await sweepAt(t, at(DUE, 31 * DAY))).toMatchObject({ episodesOpened: 1, stepsPerformed: 4, alertsOpened: 1 });
  expect(await stepsOf(t.app.db, 'student-a1')).toEqual(['nudge_1', 'nudge_2', 'watch', 'alert']);
  expect((await tasksOf('student-a1')).map((x) => `${x.kind} ${x.status}`)).toEqual(['watch done']);
  expect(await sweepAt(t, at(DUE, 32 * DAY))).toMatchObject({ stepsPerformed: 0 });
});

test('a late sweep with both nudges due sends only the latest; the earlier is recorded as superseded', async () => {
  expect(await sweepAt(t, at(DUE, 8 * DAY))).toMatchObject({ episodesOpened: 1, stepsPerformed: 2 });
  const reminders = await t.app.db.selectFrom('notifications').select('payload').where('kind', '=', 'checkin_reminder').execute();
  expect(reminders.map((r) => JSON.parse(r.payload).step)).toEqual(['nudge_2']);
  const steps = await t.app.db
    .selectFrom('silence_steps')
    .innerJoin('silence_episodes', 'silence_episodes.id', 'silence_steps.episode_id')
    .select(['silence_steps.step', 'silence_steps.skipped_reason'])
    .where('silence_episodes.student_id', '=', 'student-a1')
    .orderBy('silence_steps.step')
    .execute();
  expect(steps).toEqual([
    { step: 'nudge_1', skipped_reason: 'superseded' },
    { step: 'nudge_2', skipped_reason: null },
  ]);
  expect(await sweepAt(t, at(DUE, 9 * DAY))).toMatchObject({ stepsPerformed: 0 });
  expect(await noticeLines(t.app.db, ['checkin_reminder'])).toHaveLength(1);
});

test('a check-in ends the episode before the alert; a new silence starts a new episode', async () => {
  await sweepAt(t, DUE);
  await sweepAt(t, at(DUE, 14 * DAY));
  expect(await stepsOf(t.app.db, 'student-a1')).toEqual(['nudge_1', 'nudge_2', 'watch']);

  const heard = at(DUE, 15 * DAY);
  t.clock.set(heard);
  const checkin = await t.app.inject({ method: 'POST', url: '/api/student/checkins', headers: await bearerFor(t.app.db, 'acc-student-a1', heard), payload: { kind: 'doing_well' } });
  expect(checkin.statusCode).toBe(201);
  const nextDue = at(heard, 14 * DAY);
  expect(await student()).toEqual({ next_due_at: nextDue.toISOString(), ladder_next_at: nextDue.toISOString(), program_status: 'active' });
  const [closed] = await t.app.db.selectFrom('silence_episodes').selectAll().where('student_id', '=', 'student-a1').execute();
  expect(closed).toMatchObject({ closed_at: heard.toISOString(), close_reason: 'heard_from' });
  expect((await tasksOf('student-a1')).map((x) => `${x.kind} ${x.status}`)).toEqual(['watch done']);

  expect(await sweepAt(t, at(nextDue, -1))).toMatchObject({ studentsSeen: 0, stepsPerformed: 0 });
  // The old ladder's alert day (DUE + 30) comes after the new next due: only the new silence's first nudge.
  expect(await sweepAt(t, at(DUE, 30 * DAY))).toMatchObject({ episodesOpened: 1, stepsPerformed: 1, alertsOpened: 0 });
  expect(await alertsOf('student-a1')).toEqual([]);
  const episodes = await t.app.db.selectFrom('silence_episodes').select(['id', 'due_at', 'closed_at']).where('student_id', '=', 'student-a1').orderBy('opened_at').execute();
  expect(episodes.map((e) => [e.due_at, e.closed_at === null])).toEqual([
    [DUE.toISOString(), false],
    [nextDue.toISOString(), true],
  ]);
  expect(await noticeLines(t.app.db, ['checkin_reminder'])).toEqual(Array(3).fill('acc-student-a1 checkin_reminder'));
});

test('an open alert stays open when the student is heard from; the caseworker closes it', async () => {
  await sweepAt(t, at(DUE, 30 * DAY));
  await recordHeardFrom(t.app.db, 'student-a1', at(DUE, 31 * DAY));
  expect((await alertsOf('student-a1')).map((a) => a.status)).toEqual(['open']);
});

test('escalates an alert that missed its SLA to the NGO admin, once, and audits it', async () => {
  const alertAt = at(DUE, 30 * DAY);
  await sweepAt(t, alertAt);
  expect(await sweepAt(t, at(alertAt, 48 * HOUR - 1))).toMatchObject({ escalations: 0 });
  const breachAt = at(alertAt, 48 * HOUR);
  expect(await sweepAt(t, breachAt)).toMatchObject({ escalations: 1 });
  expect(await sweepAt(t, at(breachAt, 200 * HOUR))).toMatchObject({ escalations: 0 });
  const [alert] = await alertsOf('student-a1');
  expect(alert.escalated_at).toBe(breachAt.toISOString());
  const notices = await t.app.db.selectFrom('notifications').select(['account_id', 'payload']).where('kind', '=', 'alert_escalated').execute();
  expect(notices.map((n) => [n.account_id, JSON.parse(n.payload)])).toEqual([
    ['acc-admin-a', { alertId: alert.id, studentId: 'student-a1', studentDisplayName: '阿依', breach: 'ack' }],
  ]);
  const audit = await t.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'alerts.escalate').execute();
  expect(audit).toEqual([expect.objectContaining({ actor_account_id: null, entity_id: alert.id, student_id: 'student-a1', detail: JSON.stringify({ breach: 'ack' }) })]);
});

test('escalates a missed first contact after a timely acknowledgement', async () => {
  const alertAt = at(DUE, 30 * DAY);
  await sweepAt(t, alertAt);
  await t.app.db.updateTable('alerts').set({ status: 'acknowledged', acknowledged_at: at(alertAt, HOUR).toISOString() }).execute();
  expect(await sweepAt(t, at(alertAt, 100 * HOUR))).toMatchObject({ escalations: 0 });
  expect(await sweepAt(t, at(alertAt, 168 * HOUR))).toMatchObject({ escalations: 1 });
  const notice = await t.app.db.selectFrom('notifications').select('payload').where('kind', '=', 'alert_escalated').executeTakeFirstOrThrow();
  expect(JSON.parse(notice.payload)).toMatchObject({ breach: 'first_contact' });
});

test('leaves paused students and those never heard from off the ladder', async () => {
  await t.app.db.updateTable('students').set({ program_status: 'paused' }).where('id', '=', 'student-a1').execute();
  await dueAt(t.app.db, 'student-a2', null);
  await t.app.db.updateTable('students').set({ ladder_next_at: DUE.toISOString() }).where('id', '=', 'student-a2').execute();
  expect(await sweepAt(t, at(DUE, 31 * DAY))).toMatchObject({ studentsSeen: 2, episodesOpened: 0, stepsPerformed: 0 });
  const rows = await t.app.db.selectFrom('students').select('ladder_next_at').where('id', 'in', ['student-a1', 'student-a2']).execute();
  expect(rows).toEqual([{ ladder_next_at: null }, { ladder_next_at: null }]);
});

test('a student whose due date moved later since the sweep last looked is just rescheduled', async () => {
  const later = at(DUE, 5 * DAY);
  await t.app.db.updateTable('students').set({ next_due_at: later.toISOString() }).where('id', '=', 'student-a1').execute();
  expect(await sweepAt(t, DUE)).toMatchObject({ studentsSeen: 1, episodesOpened: 0 });
  expect((await student()).ladder_next_at).toBe(later.toISOString());
});

test('a silence closed by staff is not reopened for the same due date', async () => {
  await sweepAt(t, at(DUE, 31 * DAY));
  await t.app.db.updateTable('silence_episodes').set({ closed_at: at(DUE, 32 * DAY).toISOString(), close_reason: 'alert_resolved' }).execute();
  await t.app.db.updateTable('students').set({ ladder_next_at: at(DUE, 32 * DAY).toISOString() }).where('id', '=', 'student-a1').execute();
  expect(await sweepAt(t, at(DUE, 33 * DAY))).toMatchObject({ studentsSeen: 1, episodesOpened: 0, stepsPerformed: 0 });
  expect((await student()).ladder_next_at).toBeNull();
});

describe('exam-season outreach', () => {
  // Every fixture student is in 初三 (middle school, grade 9) in 四川; ngo-b's are in 甘肃.
  const calendar = [
    { exam: 'zhongkao', name: '中考', province: '四川', year: 2027, from: '2027-06-12', to: '2027-06-14', resultsOn: '2027-07-03' },
    { exam: 'gaokao', name: '高考', province: '四川', year: 2027, from: '2027-06-07', to: '2027-06-10', resultsOn: '2027-06-23' },
  ];
  const resultsMorning = new Date('2027-07-03T02:00:00.000Z'); // 10:00 in Shanghai

  beforeEach(async () => {
    await dueAt(t.app.db, 'student-a1', null);
    await t.app.db.updateTable('ngo_policies').set({ exam_calendar: JSON.stringify(calendar), exam_outreach_days: 7 }).where('ngo_id', '=', 'ngo-a').execute();
  });

  test('opens a check-in task for each graduating student once, tells each caseworker how many, and suggests a letter to each sponsor', async () => {
    expect(await sweepAt(t, new Date('2027-07-02T15:59:59.999Z'))).toMatchObject({ examTasks: 0 });
    expect(await sweepAt(t, resultsMorning)).toMatchObject({ examTasks: 3 });
    expect(await sweepAt(t, at(resultsMorning, DAY))).toMatchObject({ examTasks: 0 });

    const tasks = await t.app.db.selectFrom('caseworker_tasks').select(['student_id', 'kind', 'status', 'dedupe_key', 'due_at', 'detail']).orderBy('student_id').execute();
    expect(tasks).toEqual(
      ['student-a1', 'student-a2', 'student-a3'].map((id) => ({
        student_id: id,
        kind: 'exam_season',
        status: 'open',
        dedupe_key: `exam_season:${id}:zhongkao:2027`,
        // Due at the end of the seventh local day from results day (2027-07-09 in Shanghai).
        due_at: '2027-07-09T16:00:00.000Z',
        detail: JSON.stringify({ exam: 'zhongkao', year: 2027 }),
      })),
    );
    const outreach = await t.app.db.selectFrom('notifications').select(['account_id', 'payload']).where('kind', '=', 'exam_outreach').orderBy('account_id').execute();
    expect(outreach.map((n) => [n.account_id, JSON.parse(n.payload)])).toEqual([
      ['acc-cw-a', { count: 2, exam: 'zhongkao', examName: '中考', year: 2027 }],
      ['acc-cw-a2', { count: 1, exam: 'zhongkao', examName: '中考', year: 2027 }],
    ]);
    const encouragement = await t.app.db.selectFrom('notifications').select(['account_id', 'payload']).where('kind', '=', 'exam_encouragement').orderBy('account_id').execute();
    expect(encouragement.map((n) => [n.account_id, JSON.parse(n.payload)])).toEqual([
      ['acc-sponsor-1', { sponsorshipId: 'sp-1', studentId: 'student-a1', studentDisplayName: '阿依', ngoName: '凉山助学会', exam: 'zhongkao', examName: '中考' }],
      ['acc-sponsor-2', { sponsorshipId: 'sp-3', studentId: 'student-a2', studentDisplayName: '拉则', ngoName: '凉山助学会', exam: 'zhongkao', examName: '中考' }],
    ]);
    const runs = await t.app.db.selectFrom('exam_outreach_runs').selectAll().execute();
    expect(runs).toEqual([{ ngo_id: 'ngo-a', exam: 'zhongkao', year: 2027, province: '四川', ran_at: resultsMorning.toISOString(), task_count: 3 }]);
  });

  test('skips students not sitting the exam and runs nothing after the window', async () => {
    await t.app.db.updateTable('students').set({ grade: 8 }).where('id', '=', 'student-a2').execute();
    await t.app.db.updateTable('students').set({ program_status: 'paused' }).where('id', '=', 'student-a3').execute();
    expect(await sweepAt(t, new Date('2027-07-09T16:00:00.000Z'))).toMatchObject({ examTasks: 0 });
    expect(await sweepAt(t, new Date('2027-07-09T15:59:00.000Z'))).toMatchObject({ examTasks: 1 });
    const tasks = await t.app.db.selectFrom('caseworker_tasks').select('student_id').execute();
    expect(tasks).toEqual([{ student_id: 'student-a1' }]);
  });
});

describe('the end of a pause', () => {
  beforeEach(async () => {
    await dueAt(t.app.db, 'student-a1', null);
    await t.app.db.updateTable('students').set({ program_status: 'paused' }).where('id', '=', 'student-a2').execute();
    await t.app.db.updateTable('sponsorships').set({ status: 'paused' }).where('id', '=', 'sp-3').execute();
    await t.app.db
      .insertInto('alerts')
      .values({
        id: 'alert-paused',
        student_id: 'student-a2',
        ngo_id: 'ngo-a',
        episode_id: null,
        assigned_staff_id: 'staff-cw-a2',
        status: 'resolved',
        opened_at: '2026-10-01T00:00:00.000Z',
        ack_due_at: '2026-10-03T00:00:00.000Z',
        first_contact_due_at: '2026-10-08T00:00:00.000Z',
        acknowledged_at: '2026-10-01T02:00:00.000Z',
        first_contact_at: '2026-10-01T03:00:00.000Z',
        escalated_at: null,
        resolved_at: '2026-10-02T00:00:00.000Z',
        outcome: 'paused',
        outcome_note: '在家照顾生病的妈妈',
        resume_on: '2027-01-10',
      })
      .execute();
  });

  test('brings the student and their sponsorship back on the resume date (Shanghai), once, with a fresh due date', async () => {
    expect(await sweepAt(t, new Date('2027-01-09T15:59:59.999Z'))).toMatchObject({ studentsResumed: 0 });
    const resumeAt = new Date('2027-01-09T16:00:00.000Z');
    expect(await sweepAt(t, resumeAt)).toMatchObject({ studentsResumed: 1 });
    expect(await sweepAt(t, at(resumeAt, DAY))).toMatchObject({ studentsResumed: 0, studentsSeen: 0 });
    const nextDue = at(resumeAt, 14 * DAY).toISOString();
    const s = await t.app.db.selectFrom('students').select(['program_status', 'next_due_at', 'ladder_next_at']).where('id', '=', 'student-a2').executeTakeFirstOrThrow();
    expect(s).toEqual({ program_status: 'active', next_due_at: nextDue, ladder_next_at: nextDue });
    const sp = await t.app.db.selectFrom('sponsorships').select('status').where('id', '=', 'sp-3').executeTakeFirstOrThrow();
    expect(sp.status).toBe('active');
    const audit = await t.app.db.selectFrom('audit_log').select(['action', 'actor_account_id', 'detail']).where('student_id', '=', 'student-a2').execute();
    expect(audit).toEqual([{ action: 'students.resume', actor_account_id: null, detail: JSON.stringify({ alertId: 'alert-paused', resumeOn: '2027-01-10' }) }]);
  });

  test('a later pause with a later date wins over an earlier one', async () => {
    await t.app.db
      .insertInto('alerts')
      .values({ ...(await t.app.db.selectFrom('alerts').selectAll().where('id', '=', 'alert-paused').executeTakeFirstOrThrow()), id: 'alert-paused-again', resolved_at: '2026-12-01T00:00:00.000Z', resume_on: '2027-03-01' })
      .execute();
    expect(await sweepAt(t, new Date('2027-02-01T00:00:00.000Z'))).toMatchObject({ studentsResumed: 0 });
    expect(await sweepAt(t, new Date('2027-03-01T00:00:00.000Z'))).toMatchObject({ studentsResumed: 1 });
  });
});

test('a nudge also goes out as a platform message to a student who granted it, once, using up one send', async () => {
  await dueAt(t.app.db, 'student-a2', DUE);
  await t.app.db
    .insertInto('message_subscriptions')
    .values({ account_id: 'acc-student-a1', channel: 'wechat_subscribe', template_id: 'tpl-reminder', event: 'checkin_reminder', remaining: 1, updated_at: DUE.toISOString() })
    .execute();
  await sweepAt(t, DUE);
  await sweepAt(t, at(DUE, 7 * DAY));
  const outbox = await t.app.db.selectFrom('outbox_messages').select(['account_id', 'event', 'template']).execute();
  expect(outbox).toEqual([{ account_id: 'acc-student-a1', event: 'checkin_reminder', template: 'tpl-reminder' }]);
  const grant = await t.app.db.selectFrom('message_subscriptions').select('remaining').executeTakeFirstOrThrow();
  expect(grant.remaining).toBe(0);
  expect(await noticeLines(t.app.db)).toEqual(Array(4).fill(null).map((_, i) => `acc-student-a${i < 2 ? 1 : 2} checkin_reminder`));
});
