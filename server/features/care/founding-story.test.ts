import type { CarePolicyView, CaseView, QueuePage, SubscriptionOptions } from '../../../domain/api/care';
import type { NotificationPage } from '../../../domain/api/letters';
import type { SponsorshipDetail, TimelinePage } from '../../../domain/api/sponsorship';
import type { StudentProfile } from '../../../domain/api/homes';
import type { CheckinCreated } from '../../../domain/api/students';
import { DEFAULT_LADDER } from '../../../domain/care/policy';
import { ACCOUNT, OPENID, startFoundingStory, type FoundingStory } from './founding-story-world';

/**
 * The founding story, walked through the API with the clock moved by hand: 阿依, in 高三 in 凉山 and
 * a year and a half into a three-year sponsorship by 王老师, checks in every month until the gaokao;
 * results day comes; then she goes silent. The ladder nudges her twice, puts her on her caseworker's
 * watch list, and opens an alert; her sponsor is told, gently, once. Nobody acknowledges the alert
 * within 48 hours, so the NGO's admin hears of it once. The caseworker tries a call and a home visit,
 * then reaches her through her school: she has gone to a vocational school. The case closes as
 * "situation changed", the sponsor hears she is back in touch and keeps supporting her, and she
 * checks in again.
 *
 * Each chapter is a test; they run in order on one world. Every day the scheduled jobs run at 20:00
 * in Beijing (12:00 UTC) and each chapter asserts exactly what they did, day by day.
 */

const iso = (at: string) => new Date(at).toISOString();
const before = (at: string) => new Date(Date.parse(at) - 1);

/** What the sponsor (and, for the notes, the student) must never see of how the case was worked. */
const STAFF_ONLY = [
  '吉克阿依', // legal name
  '吉克妈妈',
  '13800001111',
  '曲比老师',
  '13900002222',
  '解放沟村',
  '昭觉中学',
  '西昌现代职业技术学校',
  '张社工',
  'home_visit',
  'no_answer',
];
const CASE_NOTES = ['没人接', '邻居说', '一切都好', '汽修', '分数不太理想'];

let w: FoundingStory;
let sponsor: Record<string, string>;
let student: Record<string, string>;
let alertId: string;

beforeAll(async () => {
  w = await startFoundingStory(new Date('2027-03-10T02:00:00.000Z'));
});
afterAll(() => w.close());

const json = async <T>(response: Promise<{ statusCode: number; body: string; json: <U>() => U }>, status = 200): Promise<T> => {
  const r = await response;
  expect([r.statusCode, r.body]).toEqual([status, expect.any(String)]);
  return r.json<T>();
};
const sponsorship = () => json<SponsorshipDetail>(w.get('/api/sponsor/sponsorships/sp-1', sponsor));
const inbox = async (as: Record<string, string>) => (await json<NotificationPage>(w.get('/api/notifications?limit=100', as))).items;
const inboxKinds = async (as: Record<string, string>) => (await inbox(as)).map((n) => n.kind);
const profile = () => json<StudentProfile>(w.get('/api/student/profile', student));
const checkIn = (body: object) => json<CheckinCreated>(w.post('/api/student/checkins', student, body), 201);
const queue = async (query: string) => json<QueuePage>(w.get(`/api/staff/care/queue?${query}`, await w.staffSession('caseworker')));
const caseworkerDoes = async (action: string, payload?: object, status = 200) =>
  json<CaseView>(w.post(`/api/staff/care/alerts/${alertId}/${action}`, await w.staffSession('caseworker'), payload), status);

async function expectSponsorSeesNothingPrivate() {
  for (const url of ['/api/sponsor/sponsorships/sp-1', '/api/sponsor/sponsorships?limit=100', '/api/sponsor/sponsorships/sp-1/timeline?limit=100', '/api/notifications?limit=100']) {
    const response = await w.get(url, sponsor);
    expect([url, response.statusCode]).toEqual([url, 200]);
    for (const secret of [...STAFF_ONLY, ...CASE_NOTES]) expect([url, secret, response.body.includes(secret)]).toEqual([url, secret, false]);
  }
}

async function expectStudentSeesNoCaseNotes() {
  for (const url of ['/api/student/profile', '/api/notifications?limit=100', '/api/student/checkins?limit=100']) {
    const response = await w.get(url, student);
    expect([url, response.statusCode]).toEqual([url, 200]);
    for (const secret of [...CASE_NOTES, 'home_visit', 'no_answer']) expect([url, secret, response.body.includes(secret)]).toEqual([url, secret, false]);
  }
}

test('1. in 高三, 阿依 checks in every month; her NGO’s calendar pushes a due date past the gaokao; she and her sponsor subscribe on WeChat', async () => {
  // The NGO's admin sets the policy: monthly check-ins, the default ladder, the gaokao and National Day as quiet periods, results day.
  const admin = await w.staffSession('admin');
  const current = await json<CarePolicyView>(w.get('/api/staff/care/policy', admin));
  expect(current).toMatchObject({ ngoId: 'ngo-a', version: 1, editable: true });
  const policy = await json<CarePolicyView>(
    w.put('/api/staff/care/policy', admin, {
      checkinCadenceDays: 30,
      ladder: DEFAULT_LADDER,
      slaAckHours: 48,
      slaFirstContactHours: 168,
      quietPeriods: [
        { name: '高考', from: '2027-06-07', to: '2027-06-10' },
        { name: '国庆', from: '2027-10-01', to: '2027-10-07' },
      ],
      examCalendar: [{ exam: 'gaokao', name: '高考', province: '四川', year: 2027, from: '2027-06-07', to: '2027-06-10', resultsOn: '2027-06-25' }],
      examOutreachDays: 7,
      urgentAckMinutes: 15,
      concernDueHours: 24,
      expectedVersion: current.version,
    }),
  );
  expect(policy).toMatchObject({ version: 2, checkinCadenceDays: 30, updatedByName: '李主任' });

  // Her caseworker records her as a 高三 student with her mother's and her head teacher's numbers, and gives her an invite.
  const caseworker = await w.staffSession('caseworker');
  await json(
    w.post('/api/staff/students/student-a1', caseworker, {
      schoolName: '昭觉中学',
      schoolStage: 'high',
      grade: 12,
      expectedGraduation: '2027-07-01',
      guardianContacts: [{ name: '吉克妈妈', relation: '母亲', phone: '13800001111' }],
      schoolContacts: [{ name: '曲比老师', relation: '班主任', phone: '13900002222' }],
    }),
  );
  const invite = await json<{ code: string }>(w.post('/api/staff/students/student-a1/invites', caseworker), 201);

  // In the evening she opens the mini-program with the invite, signs in through WeChat and checks in.
  w.at('2027-03-10T12:00:00.000Z');
  const session = await json<{ token: string; me: { role: string; accountId: string } }>(
    w.t.app.inject({ method: 'POST', url: '/api/auth/invite', payload: { code: invite.code, platform: 'wechat', loginCode: w.platforms.issueCode('wechat', OPENID.student) } }),
  );
  expect(session.me).toMatchObject({ role: 'student', accountId: ACCOUNT.student });
  student = { authorization: `Bearer ${session.token}` };
  expect((await checkIn({ kind: 'doing_well', mood: 4 })).nextCheckinWelcomeAt).toBe(iso('2027-04-09T12:00:00Z'));

  // After the check-in she allows one WeChat reminder.
  const studentOptions = await json<SubscriptionOptions>(w.get('/api/me/message-subscriptions', student));
  expect(studentOptions).toEqual({ channel: 'wechat_subscribe', templates: [{ event: 'checkin_reminder', templateId: 'WX-REMIND', remaining: 0 }] });
  const studentGrant = await json<SubscriptionOptions>(w.post('/api/me/message-subscriptions', student, { results: [{ templateId: 'WX-REMIND', result: 'accept' }] }));
  expect(studentGrant.templates).toEqual([{ event: 'checkin_reminder', templateId: 'WX-REMIND', remaining: 1 }]);

  // Her sponsor, 王老师, signs in through WeChat and allows news of her care, not of letters.
  sponsor = await w.signInWithWechat(OPENID.sponsor);
  const sponsorGrant = await json<SubscriptionOptions>(
    w.post('/api/me/message-subscriptions', sponsor, {
      results: [
        { templateId: 'WX-CHECKING', result: 'accept' },
        { templateId: 'WX-BACK', result: 'accept' },
        { templateId: 'WX-LETTER', result: 'reject' },
      ],
    }),
  );
  expect(sponsorGrant).toEqual({
    channel: 'wechat_subscribe',
    templates: [
      { event: 'student_checking_in', templateId: 'WX-CHECKING', remaining: 1 },
      { event: 'student_back_in_touch', templateId: 'WX-BACK', remaining: 1 },
      { event: 'letter_delivered', templateId: 'WX-LETTER', remaining: 0 },
      { event: 'payment_due', templateId: 'WX-DUE', remaining: 0 },
    ],
  });
  expect(await sponsorship()).toMatchObject({
    status: 'active',
    termYears: 3,
    startDate: '2025-09-01',
    student: { displayName: '阿依', schoolStage: 'high', grade: 12 },
    care: { state: 'in_touch', since: null, change: null },
  });

  // A month at a time, each check-in in the evening she is due, before the jobs run: they have nothing to do.
  expect(await w.liveThrough('2027-03-10', '2027-04-07')).toEqual({});
  w.at('2027-04-08T12:00:00.000Z');
  expect((await checkIn({ kind: 'doing_well', mood: 4 })).nextCheckinWelcomeAt).toBe(iso('2027-05-08T12:00:00Z'));
  expect(await w.liveThrough('2027-04-08', '2027-05-07')).toEqual({});
  // Busy with exams: 30 days on is 7 June, the first day of the gaokao, so she is next expected the day after it ends.
  w.at('2027-05-08T12:00:00.000Z');
  expect((await checkIn({ kind: 'busy_exams', mood: 3 })).nextCheckinWelcomeAt).toBe(iso('2027-06-11T12:00:00Z'));
  expect(await w.liveThrough('2027-05-08', '2027-06-09')).toEqual({});
  // The evening the gaokao ends.
  w.at('2027-06-10T12:00:00.000Z');
  expect((await checkIn({ kind: 'doing_well', mood: 3 })).nextCheckinWelcomeAt).toBe(iso('2027-07-10T12:00:00Z'));

  expect(await profile()).toMatchObject({ schoolStage: 'high', grade: 12, lastCheckinAt: iso('2027-06-10T12:00:00Z'), nextCheckinWelcomeAt: iso('2027-07-10T12:00:00Z') });
  const timeline = await json<TimelinePage>(w.get('/api/sponsor/sponsorships/sp-1/timeline?limit=100', sponsor));
  expect(timeline.items.filter((i) => i.kind === 'checkin').map((i) => [i.at, i.kind === 'checkin' && i.mood])).toEqual([
    [iso('2027-06-10T12:00:00Z'), 'doing_well'],
    [iso('2027-05-08T12:00:00Z'), 'busy_exams'],
    [iso('2027-04-08T12:00:00Z'), 'doing_well'],
    [iso('2027-03-10T12:00:00Z'), 'doing_well'],
  ]);
  expect((await sponsorship()).lastHeardAt).toBe(iso('2027-06-10T12:00:00Z'));
  expect(await inbox(sponsor)).toEqual([]);
  expect(await inbox(student)).toEqual([]);
  expect((await queue('tab=alerts')).counts).toEqual({ urgent: 0, concern: 0, alerts: 0, escalated: 0, watch: 0, exam_season: 0, talk_request: 0, mine: 0 });
}, 120_000);

test('2. results day: one exam-season check-in task for her caseworker and one suggested letter of encouragement for her sponsor', async () => {
  expect(await w.liveThrough('2027-06-10', '2027-06-25')).toEqual({
    '2027-06-25': ['task exam_season', 'notice → caseworker: exam_outreach', 'notice → sponsor: exam_encouragement'],
  });

  w.at('2027-06-26T02:00:00.000Z');
  const [encouragement] = await inbox(sponsor);
  expect(encouragement).toMatchObject({
    kind: 'exam_encouragement',
    payload: { sponsorshipId: 'sp-1', studentId: 'student-a1', studentDisplayName: '阿依', ngoName: '凉山助学会', exam: 'gaokao', examName: '高考' },
  });
  expect((await sponsorship()).care.state).toBe('in_touch');
  expect(await inbox(student)).toEqual([]);

  const caseworker = await w.staffSession('caseworker');
  expect(await inbox(caseworker)).toEqual([
    expect.objectContaining({ kind: 'exam_outreach', payload: { count: 1, exam: 'gaokao', examName: '高考', year: 2027 } }),
  ]);
  const examTab = await queue('tab=exam_season');
  expect(examTab.items).toEqual([
    expect.objectContaining({
      kind: 'task',
      taskKind: 'exam_season',
      student: expect.objectContaining({ id: 'student-a1', displayName: '阿依' }),
      mine: true,
      exam: { exam: 'gaokao', year: 2027 },
      // The end of the outreach window: 7 days from results day, midnight in Beijing.
      dueAt: iso('2027-07-01T16:00:00Z'),
    }),
  ]);
  expect(examTab.counts).toMatchObject({ exam_season: 1, mine: 1, alerts: 0 });

  // The caseworker calls her the next morning and closes the task with a note.
  const done = await w.post(`/api/staff/care/tasks/${examTab.items[0].id}/done`, caseworker, { note: '聊了二十分钟，分数不太理想，情绪还好' });
  expect(done.statusCode).toBe(204);
  expect((await queue('tab=exam_season')).items).toEqual([]);

  // The rest of the outreach window and the days after it: nothing more, though her task is done.
  expect(await w.liveThrough('2027-06-26', '2027-07-09')).toEqual({});
  await expectSponsorSeesNothingPrivate();
}, 120_000);

test('3. silence: a nudge on the day she is due and a week later, the watch list at two weeks, the alert at thirty days; the sponsor is told gently, once', async () => {
  expect(await w.tick(before('2027-07-10T12:00:00Z'))).toEqual([]);
  expect(await w.liveThrough('2027-07-10', '2027-07-24')).toEqual({
    // Her one WeChat grant goes with the first nudge; the second reaches her in the app only.
    '2027-07-10': ['step nudge_1', 'notice → student: checkin_reminder', 'outbox → student: checkin_reminder', 'WeChat → student: checkin_reminder'],
    '2027-07-17': ['step nudge_2', 'notice → student: checkin_reminder'],
    '2027-07-24': ['step watch', 'task watch'],
  });
  expect(w.platforms.subscribeSends.map(({ touser, template_id, page, data }) => ({ touser, template_id, page, data }))).toEqual([
    {
      touser: OPENID.student,
      template_id: 'WX-REMIND',
      page: '/packages/student/pages/home/index',
      data: { thing1: { value: '报个平安' }, thing2: { value: '阿依，最近好吗？点一下就好' }, date3: { value: '2027年7月10日' } },
    },
  ]);

  // What each of them sees the morning after the watch list.
  w.at('2027-07-25T02:00:00.000Z');
  expect((await inbox(student)).map((n) => [n.kind, n.payload.step])).toEqual([
    ['checkin_reminder', 'nudge_2'],
    ['checkin_reminder', 'nudge_1'],
  ]);
  expect((await profile()).nextCheckinWelcomeAt).toBe(iso('2027-07-10T12:00:00Z'));
  const watch = await queue('tab=watch');
  expect(watch.items).toEqual([
    expect.objectContaining({ kind: 'task', taskKind: 'watch', student: expect.objectContaining({ id: 'student-a1', lastHeardAt: iso('2027-06-10T12:00:00Z') }), mine: true, dueAt: iso('2027-08-09T12:00:00Z') }),
  ]);
  expect(watch.counts).toEqual({ urgent: 0, concern: 0, alerts: 0, escalated: 0, watch: 1, exam_season: 0, talk_request: 0, mine: 1 });
  expect(await inboxKinds(sponsor)).toEqual(['exam_encouragement']);
  expect((await sponsorship()).care.state).toBe('in_touch');

  expect(await w.liveThrough('2027-07-25', '2027-08-08')).toEqual({});
  expect(await w.tick(before('2027-08-09T12:00:00Z'))).toEqual([]);
  expect(await w.liveThrough('2027-08-09', '2027-08-10')).toEqual({
    '2027-08-09': [
      'step alert',
      'alert opened',
      'notice → caseworker: alert_assigned',
      'notice → sponsor: student_checking_in',
      'outbox → sponsor: student_checking_in',
      'WeChat → sponsor: student_checking_in',
    ],
  });
  expect(w.platforms.subscribeSends.slice(1).map(({ touser, template_id, page, data }) => ({ touser, template_id, page, data }))).toEqual([
    {
      touser: OPENID.sponsor,
      template_id: 'WX-CHECKING',
      page: '/packages/sponsor/pages/sponsorship/index?id=sp-1',
      data: { thing1: { value: '阿依' }, thing2: { value: '凉山助学会正在联系TA' }, thing3: { value: '这很常见，有消息会告诉您' } },
    },
  ]);

  w.at('2027-08-10T13:00:00.000Z');
  const alerts = await queue('tab=alerts');
  alertId = alerts.items[0].id;
  expect(alerts.items).toEqual([
    {
      kind: 'alert',
      id: alertId,
      student: { id: 'student-a1', displayName: '阿依', legalName: '吉克阿依', grade: 12, schoolStage: 'high', city: '凉山', lastHeardAt: iso('2027-06-10T12:00:00Z') },
      status: 'open',
      assignee: { id: 'staff-cw-a', name: '张社工' },
      mine: true,
      openedAt: iso('2027-08-09T12:00:00Z'),
      ackDueAt: iso('2027-08-11T12:00:00Z'),
      firstContactDueAt: iso('2027-08-16T12:00:00Z'),
      acknowledgedAt: null,
      firstContactAt: null,
      escalatedAt: null,
      nextDeadline: { kind: 'ack', at: iso('2027-08-11T12:00:00Z') },
      attemptCount: 0,
      heardSinceOpened: false,
    },
  ]);
  // The alert took over from the watch list.
  expect(alerts.counts).toEqual({ urgent: 0, concern: 0, alerts: 1, escalated: 0, watch: 0, exam_season: 0, talk_request: 0, mine: 1 });
  expect(await inbox(await w.staffSession('caseworker'))).toEqual([
    expect.objectContaining({ kind: 'alert_assigned', payload: { studentId: 'student-a1', studentDisplayName: '阿依', alertId } }),
    expect.objectContaining({ kind: 'exam_outreach' }),
  ]);

  const detail = await sponsorship();
  expect(detail.care).toEqual({ state: 'checking_in', since: null, change: null });
  expect(detail.status).toBe('active');
  const [checkingIn] = await inbox(sponsor);
  expect(checkingIn).toMatchObject({ kind: 'student_checking_in', payload: { sponsorshipId: 'sp-1', studentId: 'student-a1', studentDisplayName: '阿依', ngoName: '凉山助学会' } });
  expect(await inboxKinds(sponsor)).toEqual(['student_checking_in', 'exam_encouragement']);
  expect(await inboxKinds(student)).toEqual(['checkin_reminder', 'checkin_reminder']);
  await expectSponsorSeesNothingPrivate();
}, 120_000);

test('4. nobody acknowledges within 48 hours: the alert is escalated to the NGO’s admin, once', async () => {
  expect(await w.tick(before('2027-08-11T12:00:00Z'))).toEqual([]);
  expect(await w.liveThrough('2027-08-11', '2027-08-11')).toEqual({ '2027-08-11': ['alert escalated', 'notice → admin: alert_escalated'] });
  // Still unacknowledged at the next runs of the jobs: no second escalation.
  expect(await w.tick(new Date('2027-08-11T18:00:00.000Z'))).toEqual([]);
  expect(await w.tick(new Date('2027-08-12T00:00:00.000Z'))).toEqual([]);

  w.at('2027-08-12T00:30:00.000Z');
  const admin = await w.staffSession('admin');
  expect(await inbox(admin)).toEqual([
    expect.objectContaining({ kind: 'alert_escalated', payload: { alertId, studentId: 'student-a1', studentDisplayName: '阿依', breach: 'ack' } }),
  ]);
  const escalated = await json<QueuePage>(w.get('/api/staff/care/queue?tab=alerts&escalated=true', admin));
  expect(escalated.items).toEqual([expect.objectContaining({ id: alertId, escalatedAt: iso('2027-08-11T12:00:00Z'), mine: false, assignee: { id: 'staff-cw-a', name: '张社工' } })]);
  expect(escalated.counts).toMatchObject({ alerts: 1, escalated: 1 });
  expect((await sponsorship()).care.state).toBe('checking_in');
  expect(await inboxKinds(sponsor)).toEqual(['student_checking_in', 'exam_encouragement']);
}, 120_000);

test('5. the caseworker acknowledges, tries a call and a home visit, reaches her through her school, and closes the case: she has gone to a vocational school', async () => {
  w.at('2027-08-12T01:00:00.000Z');
  const opened = await json<CaseView>(w.get(`/api/staff/care/alerts/${alertId}`, await w.staffSession('caseworker')));
  expect(opened.history.map((e) => [e.kind, e.at])).toEqual([
    ['step_nudge_1', iso('2027-07-10T12:00:00Z')],
    ['step_nudge_2', iso('2027-07-17T12:00:00Z')],
    ['step_watch', iso('2027-07-24T12:00:00Z')],
    ['alert_opened', iso('2027-08-09T12:00:00Z')],
    ['escalated', iso('2027-08-11T12:00:00Z')],
  ]);
  expect(opened.student).toMatchObject({ legalName: '吉克阿依', schoolName: '昭觉中学', schoolStage: 'high', grade: 12, sponsorDisplayName: '北京的王老师' });
  expect(opened.student.contacts.map((c) => [c.kind, c.name, c.phone])).toEqual([
    ['guardian', '吉克妈妈', '13800001111'],
    ['school', '曲比老师', '13900002222'],
  ]);

  const acknowledged = await caseworkerDoes('acknowledge');
  expect(acknowledged.alert).toMatchObject({ status: 'acknowledged', acknowledgedAt: iso('2027-08-12T01:00:00Z'), nextDeadline: { kind: 'first_contact', at: iso('2027-08-16T12:00:00Z') } });

  w.at('2027-08-12T01:30:00.000Z');
  const called = await caseworkerDoes('attempts', { method: 'call', result: 'no_answer', note: '打了两次，没人接' }, 201);
  expect(called.alert).toMatchObject({ firstContactAt: iso('2027-08-12T01:30:00Z'), nextDeadline: null, attemptCount: 1 });
  expect(await w.liveThrough('2027-08-12', '2027-08-12')).toEqual({});

  w.at('2027-08-13T06:00:00.000Z');
  await caseworkerDoes('attempts', { method: 'home_visit', result: 'no_answer', note: '家里没人，邻居说她去了西昌' }, 201);
  expect(await w.liveThrough('2027-08-13', '2027-08-13')).toEqual({});
  expect((await sponsorship()).care.state).toBe('checking_in');
  await expectSponsorSeesNothingPrivate();

  w.at('2027-08-14T02:00:00.000Z');
  const reached = await caseworkerDoes('attempts', { method: 'school', result: 'reached', note: '曲比老师说她在西昌读职校，一切都好' }, 201);
  expect(reached.alert).toMatchObject({ status: 'acknowledged', attemptCount: 3, heardSinceOpened: true });
  // Reached, but the case is still open until the caseworker says how it ended.
  expect((await sponsorship()).care.state).toBe('checking_in');

  w.at('2027-08-14T03:00:00.000Z');
  const closed = await caseworkerDoes('resolve', {
    outcome: 'situation_changed',
    note: '高考没考上本科，决定去职校学汽修，妈妈也同意',
    change: { kind: 'vocational_track', schoolName: '西昌现代职业技术学校', schoolStage: 'vocational' },
  });
  expect(closed.alert).toMatchObject({ status: 'resolved', outcome: 'situation_changed', resolvedAt: iso('2027-08-14T03:00:00Z'), nextDeadline: null, attemptCount: 3 });
  expect(closed.attempts.map((a) => [a.method, a.result, a.attemptedAt, a.staffName])).toEqual([
    ['school', 'reached', iso('2027-08-14T02:00:00Z'), '张社工'],
    ['home_visit', 'no_answer', iso('2027-08-13T06:00:00Z'), '张社工'],
    ['call', 'no_answer', iso('2027-08-12T01:30:00Z'), '张社工'],
  ]);
  expect(closed.history.map((e) => [e.kind, e.params])).toEqual([
    ['step_nudge_1', {}],
    ['step_nudge_2', {}],
    ['step_watch', {}],
    ['alert_opened', {}],
    ['escalated', {}],
    ['acknowledged', {}],
    ['attempt', { method: 'call', result: 'no_answer' }],
    ['attempt', { method: 'home_visit', result: 'no_answer' }],
    ['attempt', { method: 'school', result: 'reached' }],
    ['resolved', { outcome: 'situation_changed', change: 'vocational_track' }],
  ]);
  expect(closed.history.find((e) => e.kind === 'acknowledged')?.actorName).toBe('张社工');
  // The record follows what changed; she stays in the program, next expected a month from today.
  expect(closed.student).toMatchObject({
    schoolName: '西昌现代职业技术学校',
    schoolStage: 'vocational',
    programStatus: 'active',
    lastHeardAt: iso('2027-08-14T03:00:00Z'),
    nextDueAt: iso('2027-09-13T03:00:00Z'),
  });

  // The minute job sends the sponsor's WeChat message.
  expect(await w.tick(new Date('2027-08-14T03:01:00.000Z'))).toEqual(['WeChat → sponsor: student_back_in_touch']);
  expect(w.platforms.subscribeSends.slice(2).map(({ touser, template_id, data }) => ({ touser, template_id, data }))).toEqual([
    { touser: OPENID.sponsor, template_id: 'WX-BACK', data: { thing1: { value: '阿依' }, thing2: { value: '已恢复联系，转读职业学校' }, date3: { value: '2027年8月14日' } } },
  ]);

  // The sponsor: back in touch, what changed in a word, the sponsorship goes on.
  const detail = await sponsorship();
  expect(detail).toMatchObject({
    status: 'active',
    student: { displayName: '阿依', schoolStage: 'vocational' },
    care: { state: 'back_in_touch', since: iso('2027-08-14T03:00:00Z'), change: 'vocational_track' },
    studentLeft: null,
  });
  const [backInTouch] = await inbox(sponsor);
  expect(backInTouch).toMatchObject({
    kind: 'student_reached',
    payload: { sponsorshipId: 'sp-1', studentId: 'student-a1', studentDisplayName: '阿依', ngoName: '凉山助学会', change: 'vocational_track' },
  });
  expect(await inboxKinds(sponsor)).toEqual(['student_reached', 'student_checking_in', 'exam_encouragement']);
  await expectSponsorSeesNothingPrivate();

  // The student: her record as it now is; nothing of the case's notes.
  expect(await profile()).toMatchObject({ schoolStage: 'vocational', nextCheckinWelcomeAt: iso('2027-09-13T03:00:00Z') });
  await expectStudentSeesNoCaseNotes();

  // The caseworker's queue is empty again.
  expect((await queue('tab=alerts')).counts).toEqual({ urgent: 0, concern: 0, alerts: 0, escalated: 0, watch: 0, exam_season: 0, talk_request: 0, mine: 0 });
}, 120_000);

test('6. she checks in again: next due a month on, past National Day; no new silence; the jobs do nothing until then', async () => {
  expect(await w.liveThrough('2027-08-14', '2027-08-31')).toEqual({});

  w.at('2027-09-01T10:00:00.000Z');
  // 30 days on is 1 October, in the National Day holiday: she is next expected the day after it.
  expect((await checkIn({ kind: 'doing_well', mood: 5 })).nextCheckinWelcomeAt).toBe(iso('2027-10-08T10:00:00Z'));
  expect(await profile()).toMatchObject({ lastCheckinAt: iso('2027-09-01T10:00:00Z'), nextCheckinWelcomeAt: iso('2027-10-08T10:00:00Z') });
  const episodes = await w.db.selectFrom('silence_episodes').select(['closed_at', 'close_reason']).where('student_id', '=', 'student-a1').execute();
  expect(episodes).toEqual([{ closed_at: iso('2027-08-14T02:00:00Z'), close_reason: 'heard_from' }]);
  expect((await sponsorship()).care).toEqual({ state: 'back_in_touch', since: iso('2027-08-14T03:00:00Z'), change: 'vocational_track' });
  expect((await sponsorship()).lastHeardAt).toBe(iso('2027-09-01T10:00:00Z'));
  expect((await queue('tab=alerts')).counts).toEqual({ urgent: 0, concern: 0, alerts: 0, escalated: 0, watch: 0, exam_season: 0, talk_request: 0, mine: 0 });

  expect(await w.liveThrough('2027-09-01', '2027-10-07')).toEqual({});
  expect(await w.tick(before('2027-10-08T10:00:00Z'))).toEqual([]);
  // Had she not checked in, the ladder would have started on 13 September; it starts again only now, as a new silence.
  expect(await w.tick(new Date('2027-10-08T10:00:00.000Z'))).toEqual(['step nudge_1', 'notice → student: checkin_reminder']);
  expect(await w.db.selectFrom('silence_episodes').select('due_at').where('student_id', '=', 'student-a1').where('closed_at', 'is', null).execute()).toEqual([
    { due_at: iso('2027-10-08T10:00:00Z') },
  ]);
  // "Back in touch" was shown for 30 days; now there is nothing to say.
  expect((await sponsorship()).care).toEqual({ state: 'in_touch', since: null, change: null });
}, 120_000);

test('in the end, every notice and every platform message happened exactly once', async () => {
  const notices = await w.db.selectFrom('notifications').select(['account_id', 'kind', 'dedupe_key']).execute();
  const person = new Map<string, string>(Object.entries(ACCOUNT).map(([name, account]) => [account, name]));
  expect(notices.map((n) => `${person.get(n.account_id) ?? n.account_id} ${n.kind}`).sort()).toEqual([
    'admin alert_escalated',
    'caseworker alert_assigned',
    'caseworker exam_outreach',
    'sponsor exam_encouragement',
    'sponsor student_checking_in',
    'sponsor student_reached',
    'student checkin_reminder',
    'student checkin_reminder',
    'student checkin_reminder',
  ]);
  expect(new Set(notices.map((n) => n.dedupe_key)).size).toBe(notices.length);

  const outbox = await w.db.selectFrom('outbox_messages').select(['account_id', 'event', 'status', 'attempts']).execute();
  expect(outbox.map((m) => [person.get(m.account_id), m.event, m.status, m.attempts]).sort()).toEqual([
    ['sponsor', 'student_back_in_touch', 'sent', 1],
    ['sponsor', 'student_checking_in', 'sent', 1],
    ['student', 'checkin_reminder', 'sent', 1],
  ]);
  expect(w.platforms.subscribeSends.map((s) => `${s.touser} ${s.template_id}`)).toEqual([
    `${OPENID.student} WX-REMIND`,
    `${OPENID.sponsor} WX-CHECKING`,
    `${OPENID.sponsor} WX-BACK`,
  ]);
  // Every one-time WeChat grant was used exactly once.
  const grants = await w.db.selectFrom('message_subscriptions').select(['template_id', 'remaining']).orderBy('template_id').execute();
  expect(grants).toEqual([
    { template_id: 'WX-BACK', remaining: 0 },
    { template_id: 'WX-CHECKING', remaining: 0 },
    { template_id: 'WX-LETTER', remaining: 0 },
    { template_id: 'WX-REMIND', remaining: 0 },
  ]);
  const alerts = await w.db.selectFrom('alerts').select(['student_id', 'status', 'outcome', 'change_kind']).execute();
  expect(alerts).toEqual([{ student_id: 'student-a1', status: 'resolved', outcome: 'situation_changed', change_kind: 'vocational_track' }]);
});
