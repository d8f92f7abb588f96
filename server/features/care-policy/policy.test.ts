import type { CarePolicyView } from '../../../domain/api/care';
import { DEFAULT_LADDER } from '../../../domain/care/policy';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertStaff } from '../care/care-fixtures';

let t: TestApp;
const NOW = new Date('2026-11-29T04:00:00.000Z');
let adminA: Record<string, string>;
let cwA: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await insertWorld(t.app.db);
  adminA = await bearerFor(t.app.db, 'acc-admin-a', NOW);
  cwA = await bearerFor(t.app.db, 'acc-cw-a', NOW);
});
afterAll(() => t.close());

const policy = {
  checkinCadenceDays: 21,
  ladder: [
    { step: 'nudge_1', day: 0 },
    { step: 'nudge_2', day: 5 },
    { step: 'watch', day: 10 },
    { step: 'alert', day: 20 },
  ],
  slaAckHours: 24,
  slaFirstContactHours: 72,
  quietPeriods: [{ name: '春节', from: '2027-02-05', to: '2027-02-15' }],
  examCalendar: [{ exam: 'gaokao', name: '高考', province: '四川', year: 2027, from: '2027-06-07', to: '2027-06-09', resultsOn: '2027-06-25' }],
  examOutreachDays: 10,
  urgentAckMinutes: 20,
  concernDueHours: 12,
};
const put = (payload: object, headers = adminA, lang = 'zh-CN') =>
  t.app.inject({ method: 'PUT', url: '/api/staff/care/policy', headers: { ...headers, 'accept-language': lang }, payload });

test('staff read their NGO’s policy; only the admin may edit it', async () => {
  const cw = await t.app.inject({ url: '/api/staff/care/policy', headers: cwA });
  expect(cw.statusCode).toBe(200);
  expect(cw.json<CarePolicyView>()).toMatchObject({ ngoId: 'ngo-a', version: 1, checkinCadenceDays: 14, ladder: DEFAULT_LADDER, editable: false });
  expect((await t.app.inject({ url: '/api/staff/care/policy', headers: adminA })).json<CarePolicyView>().editable).toBe(true);
  const refused = await put({ ...policy, expectedVersion: 1 }, cwA);
  expect(refused.statusCode).toBe(403);
  for (const account of ['acc-sponsor-1', 'acc-student-a1']) {
    expect((await t.app.inject({ url: '/api/staff/care/policy', headers: await bearerFor(t.app.db, account, NOW) })).statusCode).toBe(403);
  }
});

test('every problem is answered at once, at its field, in the caller’s language; nothing is saved', async () => {
  const res = await put(
    {
      ...policy,
      checkinCadenceDays: 3,
      ladder: [policy.ladder[0], { step: 'nudge_2', day: 0 }, policy.ladder[2], policy.ladder[3]],
      slaFirstContactHours: 12,
      quietPeriods: [{ name: '寒假', from: '2027-02-15', to: '2027-02-01' }],
      expectedVersion: 1,
    },
    adminA,
    'en-US',
  );
  expect(res.statusCode).toBe(400);
  const error = res.json().error;
  expect(error.code).toBe('POLICY_INVALID');
  expect(error.details).toEqual([
    { field: 'checkinCadenceDays', message: 'the check-in cadence must be between 7 and 120 days' },
    { field: 'slaFirstContactHours', message: 'the first-contact time cannot be shorter than the acknowledgement time' },
    { field: 'ladder[1].day', message: 'days must increase in order: first nudge, second nudge, watch list, alert' },
    { field: 'quietPeriods[0]', message: 'give it a name and make sure it starts on or before the day it ends' },
  ]);
  const zh = await put({ ...policy, checkinCadenceDays: 3, expectedVersion: 1 });
  expect(zh.json().error.details).toEqual([{ field: 'checkinCadenceDays', message: '近况间隔需在 7 到 120 天之间' }]);
  const slow = await put({ ...policy, urgentAckMinutes: 600, concernDueHours: 0, expectedVersion: 1 }, adminA, 'en-US');
  expect(slow.json().error.details).toEqual([
    { field: 'urgentAckMinutes', message: 'an urgent flag must be acknowledged within 5 to 240 minutes' },
    { field: 'concernDueHours', message: 'a concern must be followed up within 1 to 168 hours' },
  ]);
  const stored = await t.app.db.selectFrom('ngo_policies').select(['version', 'checkin_cadence_days']).where('ngo_id', '=', 'ngo-a').executeTakeFirstOrThrow();
  expect(stored).toEqual({ version: 1, checkin_cadence_days: 14 });
});

test('a save writes the next version, audits the previous and the new policy, and moves every due date to the new cadence', async () => {
  const res = await put({ ...policy, expectedVersion: 1 });
  expect(res.statusCode).toBe(200);
  expect(res.json<CarePolicyView>()).toMatchObject({ ...policy, version: 2, updatedAt: NOW.toISOString(), updatedByName: '李主任', editable: true });
  const audit = await t.app.db.selectFrom('audit_log').select(['actor_account_id', 'detail']).where('action', '=', 'ngo_policies.update').executeTakeFirstOrThrow();
  expect(audit.actor_account_id).toBe('acc-admin-a');
  expect(JSON.parse(audit.detail!)).toMatchObject({ fromVersion: 1, toVersion: 2, previous: { checkinCadenceDays: 14 }, next: { checkinCadenceDays: 21, examOutreachDays: 10 } });
  // student-a1 was last heard 2026-01-01: next due is now 21 days later.
  const student = await t.app.db.selectFrom('students').select('next_due_at').where('id', '=', 'student-a1').executeTakeFirstOrThrow();
  expect(student.next_due_at).toBe('2026-01-22T00:00:00.000Z');
});

test('a save from a stale version is a 409 and leaves the newer policy alone', async () => {
  const res = await put({ ...policy, checkinCadenceDays: 60, expectedVersion: 1 });
  expect(res.statusCode).toBe(409);
  expect(res.json().error.code).toBe('POLICY_VERSION_STALE');
  const stored = await t.app.db.selectFrom('ngo_policies').select(['version', 'checkin_cadence_days']).where('ngo_id', '=', 'ngo-a').executeTakeFirstOrThrow();
  expect(stored).toEqual({ version: 2, checkin_cadence_days: 21 });
});

test('an NGO without a stored policy reads the defaults as version 0 and saves its first version from it', async () => {
  await insertStaff(t.app.db, { id: 'staff-admin-b', accountId: 'acc-admin-b', ngoId: 'ngo-b', role: 'ngo_admin', name: '王主任' });
  const adminB = await bearerFor(t.app.db, 'acc-admin-b', NOW);
  const before = (await t.app.inject({ url: '/api/staff/care/policy', headers: adminB })).json<CarePolicyView>();
  expect(before).toMatchObject({ ngoId: 'ngo-b', version: 0, checkinCadenceDays: 30, updatedByName: null, updatedAt: '2026-01-01T00:00:00.000Z' });
  const saved = await put({ ...policy, expectedVersion: 0 }, adminB);
  expect(saved.statusCode).toBe(200);
  expect(saved.json<CarePolicyView>()).toMatchObject({ ngoId: 'ngo-b', version: 1, checkinCadenceDays: 21 });
  expect((await put({ ...policy, expectedVersion: 0 }, adminB)).statusCode).toBe(409);
});

test('unknown fields and wrong types are refused by the schema', async () => {
  expect((await put({ ...policy, expectedVersion: 2, surprise: true })).statusCode).toBe(400);
  expect((await put({ ...policy, expectedVersion: 2, ladder: [{ step: 'call_parents', day: 3 }] })).statusCode).toBe(400);
  const missing: Partial<typeof policy> = { ...policy };
  delete missing.examOutreachDays;
  expect((await put({ ...missing, expectedVersion: 2 })).statusCode).toBe(400);
});
